// Placeholder until the server lands; replaced by the real configuration loader.
export type ServerConfig = Record<string, never>;
export function loadConfig(_env: NodeJS.ProcessEnv): ServerConfig {
  return {};
}
