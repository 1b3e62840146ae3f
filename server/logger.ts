/** Plain one-line logs. Callers pass only method, path, status, timing and ids: never headers, bodies or keys. */
import type { LogLevel } from './config.ts';

const ORDER: Record<LogLevel, number> = { debug: 10, info: 20, warn: 30, error: 40, silent: 99 };

export interface Logger {
  debug(message: string): void;
  info(message: string): void;
  warn(message: string): void;
  error(message: string): void;
}

export function createLogger(level: LogLevel, sink: (line: string) => void = defaultSink): Logger {
  const at = (wanted: LogLevel) => (message: string) => {
    if (ORDER[wanted] >= ORDER[level]) sink(`${new Date().toISOString()} ${wanted} ${message}`);
  };
  return { debug: at('debug'), info: at('info'), warn: at('warn'), error: at('error') };
}

function defaultSink(line: string): void {
  process.stdout.write(`${line}\n`);
}
