#!/usr/bin/env node
// `npm start`: builds the app when the build is missing or older than its sources, then runs
// the production server (static files + gateway + sandbox) in the foreground.
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { buildIfStale } from './lib/build.mjs';

const root = new URL('..', import.meta.url).pathname;
try {
  buildIfStale();
} catch {
  process.exit(1);
}

const server = spawn(
  process.execPath,
  [join(root, 'node_modules', 'tsx', 'dist', 'cli.mjs'), join(root, 'server', 'main.ts')],
  { cwd: root, stdio: 'inherit' },
);
for (const signal of ['SIGINT', 'SIGTERM']) {
  process.on(signal, () => {
    server.kill(signal);
  });
}
server.on('exit', (code, signal) => {
  process.exit(code ?? (signal ? 1 : 0));
});
