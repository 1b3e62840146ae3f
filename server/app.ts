// Placeholder until the server lands.
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { ServerConfig } from './config.ts';
export function createApp(_config: ServerConfig) {
  return {
    apiMiddleware: (_req: IncomingMessage, _res: ServerResponse, next: () => void) => {
      next();
    },
    close: () => undefined,
  };
}
