// Used by the bench, the load test and the screenshots script.
// Starts the production server (server/main.ts, sandbox mode) or the standalone sandbox
// (server/sandbox-main.ts) as a child process on a free loopback port, and stops it again.
import { spawn } from 'node:child_process';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
const ROOT = new URL('../..', import.meta.url).pathname;

export const SANDBOX_API_KEY = 'ont_sandbox_key';
const running = new Set();

/** A port that was free a moment ago (the kernel picks it). */
export function freePort() {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address();
      probe.close(() => {
        resolve(port);
      });
    });
  });
}

/**
 * Spawns `node --import tsx <script>` (one process, so its pid is the server's) and resolves
 * once `readyPath` answers. `env` is added to a clean copy of ours.
 */
async function startProcess(name, script, env, readyUrl) {
  const child = spawn(process.execPath, ['--import', 'tsx', join(ROOT, script)], {
    cwd: ROOT,
    env: { ...process.env, NODE_ENV: 'production', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout.on('data', (chunk) => (output += chunk));
  child.stderr.on('data', (chunk) => (output += chunk));
  const handle = {
    name,
    child,
    stop: () =>
      new Promise((resolve) => {
        running.delete(handle);
        if (child.exitCode !== null || child.signalCode !== null) {
          resolve();
          return;
        }
        const timer = setTimeout(() => child.kill('SIGKILL'), 5000);
        child.once('exit', () => {
          clearTimeout(timer);
          resolve();
        });
        child.kill('SIGTERM');
      }),
  };
  running.add(handle);
  const deadline = Date.now() + 30_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`${name} exited early:\n${output}`);
    try {
      const response = await fetch(readyUrl, { signal: AbortSignal.timeout(1000) });
      await response.arrayBuffer();
      if (response.status < 500) return handle;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) {
      await handle.stop();
      throw new Error(`${name} did not start within 30 s:\n${output}`);
    }
    await sleep(100);
  }
}

/** The app server (static files + gateway + in-process sandbox), like `npm start`. */
export async function startAppServer(env = {}) {
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const handle = await startProcess(
    'app server',
    'server/main.ts',
    {
      PORT: String(port),
      HOST: '127.0.0.1',
      LOG_LEVEL: 'warn',
      SANDBOX_RATE_LIMIT: '1000000000',
      ONTORA_API_URL: '',
      ACCESS_TOKEN: '',
      TRUST_PROXY_AUTH_HEADER: '',
      ...env,
    },
    `${url}/healthz`,
  );
  return { ...handle, url };
}

/** The bare sandbox API (`npm run sandbox`), which requires X-API-Key. */
export async function startSandboxServer(env = {}) {
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const handle = await startProcess(
    'standalone sandbox',
    'server/sandbox-main.ts',
    {
      SANDBOX_PORT: String(port),
      SANDBOX_HOST: '127.0.0.1',
      LOG_LEVEL: 'warn',
      SANDBOX_RATE_LIMIT: '1000000000',
      ...env,
    },
    `${url}/__sandbox`,
  );
  return { ...handle, url };
}

/** Stops every server this process started (on errors and Ctrl-C). */
export async function stopAll() {
  await Promise.all([...running].map((handle) => handle.stop()));
}

for (const signal of ['SIGINT', 'SIGTERM']) {
  process.once(signal, () => {
    void stopAll().then(() => process.exit(130));
  });
}
