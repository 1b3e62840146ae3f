/**
 * `npm run sandbox`: the Ontora-compatible sandbox alone, on its own port, with no gateway. It
 * requires the key like the real API, so it can stand in as ONTORA_API_URL for forwarding mode.
 */
import { ConfigError, loadConfig } from './config.ts';
import { isLoopbackHost } from './http-util.ts';
import { createSandboxServer } from './sandbox/http.ts';

function main(): void {
  let config;
  try {
    config = loadConfig({ ...process.env, ONTORA_API_URL: '' });
  } catch (error) {
    if (error instanceof ConfigError) {
      process.stderr.write(`Configuration error: ${error.message}\n`);
      process.exit(1);
    }
    throw error;
  }
  const rawPort = process.env.SANDBOX_PORT ?? '8787';
  const port = Number(rawPort);
  if (!/^\d+$/.test(rawPort) || port > 65535) {
    process.stderr.write(
      `Configuration error: SANDBOX_PORT must be a port number, got "${rawPort}"\n`,
    );
    process.exit(1);
  }
  const host = process.env.SANDBOX_HOST ?? '127.0.0.1';
  if (!isLoopbackHost(host)) {
    // /__sandbox needs no auth and can reset all data: keep it on this machine.
    process.stderr.write('Configuration error: SANDBOX_HOST must be a loopback address\n');
    process.exit(1);
  }

  const sandbox = createSandboxServer({
    apiKey: config.sandbox.apiKey,
    rateLimit: config.sandbox.rateLimit,
    rateWindowSeconds: config.sandbox.rateWindowSeconds,
    maxBodyBytes: config.maxBodyBytes,
    documentedOnly: process.env.SANDBOX_DOCUMENTED_ONLY === '1',
  });
  sandbox.server.on('error', (error: NodeJS.ErrnoException) => {
    process.stderr.write(`Sandbox server error: ${error.message}\n`);
    process.exit(1);
  });
  sandbox
    .listen(port, host)
    .then((url) => {
      process.stdout.write(
        `Ontora sandbox API on ${url}${process.env.SANDBOX_DOCUMENTED_ONLY === '1' ? ', documented endpoints only' : ''} (X-API-Key: the SANDBOX_API_KEY value, default ont_sandbox_key; state resets on restart)\n`,
      );
    })
    .catch((error: unknown) => {
      process.stderr.write(
        `Could not start: ${error instanceof Error ? error.message : String(error)}\n`,
      );
      process.exit(1);
    });
  const stop = () => {
    void sandbox.close().then(() => process.exit(0));
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

main();
