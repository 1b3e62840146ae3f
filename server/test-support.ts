/** Shared helpers for the server tests: real servers on 127.0.0.1:0 and small fetch wrappers. */
import { mkdtempSync, mkdirSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createApp, type App } from './app.ts';
import { loadConfig, type ServerConfig } from './config.ts';
import { createLogger } from './logger.ts';

export const silentLogger = createLogger('silent');

export function listen(server: Server): Promise<string> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      resolve(`http://127.0.0.1:${(server.address() as AddressInfo).port}`);
    });
  });
}

export function closeServer(server: Server): Promise<void> {
  return new Promise((resolve) => {
    server.close(() => {
      resolve();
    });
    server.closeAllConnections();
  });
}

export interface RunningApp {
  url: string;
  app: App;
  config: ServerConfig;
  close(): Promise<void>;
}

export async function startApp(env: NodeJS.ProcessEnv = {}): Promise<RunningApp> {
  const config = loadConfig({ LOG_LEVEL: 'silent', ...env });
  const app = createApp(config, { logger: silentLogger });
  const server = createServer((req, res) => {
    app.handler(req, res);
  });
  const url = await listen(server);
  return {
    url,
    app,
    config,
    close: async () => {
      app.close();
      await closeServer(server);
    },
  };
}

/** A throwaway dist: index.html, one hashed asset, a large compressible asset, an embed file. */
export function makeDist(): { distDir: string } {
  const root = mkdtempSync(path.join(tmpdir(), 'ontora-dist-'));
  const distDir = path.join(root, 'app');
  mkdirSync(path.join(distDir, 'assets'), { recursive: true });
  mkdirSync(path.join(root, 'embed'), { recursive: true });
  writeFileSync(
    path.join(distDir, 'index.html'),
    '<!doctype html><html><head><script type="module" src="/assets/index-abc123.js"></script></head><body><div id="root"></div></body></html>',
  );
  writeFileSync(
    path.join(distDir, 'assets', 'index-abc123.js'),
    `console.log(${JSON.stringify('x'.repeat(4000))});\n`,
  );
  writeFileSync(
    path.join(distDir, 'assets', 'logo-def456.png'),
    Buffer.from([0x89, 0x50, 0x4e, 0x47]),
  );
  writeFileSync(path.join(distDir, 'favicon.svg'), '<svg xmlns="http://www.w3.org/2000/svg"/>');
  writeFileSync(path.join(root, 'embed', 'ontora-embed.js'), 'window.ontoraEmbed = true;\n');
  // Something outside the dist that traversal attempts would love to read.
  writeFileSync(path.join(root, 'secret.txt'), 'TOP SECRET');
  return { distDir };
}

export async function json(response: Response): Promise<unknown> {
  return (await response.json()) as unknown;
}
