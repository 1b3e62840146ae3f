/** `npm run serve` / `tsx server/main.ts`: the built app, the gateway and (by default) the sandbox. */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { existsSync } from 'node:fs';
import { createApp } from './app.ts';
import { ConfigError, assertSafeBinding, loadConfig } from './config.ts';
import { isLoopbackHost } from './http-util.ts';

function start(): void {
  let config;
  try {
    config = loadConfig(process.env);
    assertSafeBinding(config);
  } catch (error) {
    if (error instanceof ConfigError) {
      process.stderr.write(`Configuration error: ${error.message}\n`);
      process.exit(1);
    }
    throw error;
  }

  const app = createApp(config);
  const server = createServer((req, res) => {
    app.handler(req, res);
  });
  server.on('error', (error: NodeJS.ErrnoException) => {
    process.stderr.write(
      error.code === 'EADDRINUSE'
        ? `Port ${config.port} on ${config.host} is already in use. Set PORT to another port.\n`
        : `Server error: ${error.message}\n`,
    );
    process.exit(1);
  });

  server.listen(config.port, config.host, () => {
    const { port } = server.address() as AddressInfo;
    const host = config.host.includes(':') ? `[${config.host}]` : config.host;
    const mode =
      config.mode === 'sandbox'
        ? 'sandbox mode: state resets on restart'
        : `forwarding mode to ${config.upstream?.url ?? '?'}`;
    process.stdout.write(`Ontora Admin on http://${host}:${port} (${mode})\n`);
    if (!existsSync(path.join(config.distDir, 'index.html'))) {
      process.stdout.write(
        `No build in ${config.distDir}: run npm run build (the API works meanwhile)\n`,
      );
    }
    if (config.upstream && !config.upstream.apiKey && !config.upstream.bearerToken) {
      process.stdout.write(
        "Warning: neither ONTORA_API_KEY nor ONTORA_BEARER_TOKEN is set; requests rely on the browser's Authorization header\n",
      );
    }
    if (config.upstream && !config.upstream.workspaceId) {
      process.stdout.write(
        'Warning: ONTORA_WORKSPACE_ID is not set; GET /v1/interviews without workspace_id will get a 422 from Ontora\n',
      );
    }
    if (
      config.upstream?.url.startsWith('http:') &&
      !isLoopbackHost(new URL(config.upstream.url).hostname)
    ) {
      process.stdout.write(
        'Warning: ONTORA_API_URL is plain http; the API key travels unencrypted\n',
      );
    }
  });

  let stopping = false;
  const stop = (signal: string) => {
    if (stopping) {
      process.exit(1);
    }
    stopping = true;
    process.stdout.write(`${signal}: shutting down\n`);
    app.close();
    server.close(() => process.exit(0));
    server.closeIdleConnections();
    // In-flight requests get a moment to finish; hung ones (fault injection) do not hold us up.
    setTimeout(() => {
      server.closeAllConnections();
    }, 2000).unref();
  };
  process.on('SIGINT', () => {
    stop('SIGINT');
  });
  process.on('SIGTERM', () => {
    stop('SIGTERM');
  });
}

start();
