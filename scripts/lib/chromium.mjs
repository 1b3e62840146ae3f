// Finds Chromium for Playwright. Browser downloads fail on our machines, so Playwright drives
// Debian's Chromium; when it is missing and we may install it (root with apt), we do.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';

const INSTALL = 'apt-get install --no-install-recommends chromium fonts-liberation';

/** Where Debian puts it; `CHROMIUM_PATH` overrides. */
export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/**
 * Flags for headless runs here (Playwright, the bench, screenshots). Without the
 * background-networking ones Chromium keeps trying hosts this machine cannot reach.
 */
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-dev-shm-usage',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
];

/** Returns the Chromium path, installing Debian's package when possible; null when unavailable. */
export function ensureChromium() {
  const path = CHROMIUM_PATH;
  if (existsSync(path)) return path;
  const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
  const hasApt = spawnSync('sh', ['-c', 'command -v apt-get'], { stdio: 'ignore' }).status === 0;
  if (!isRoot || !hasApt || process.env.CHROMIUM_PATH) {
    console.error(
      `Chromium not found at ${path}. Install Debian's Chromium (as root: apt-get update && ${INSTALL}),` +
        ' or set CHROMIUM_PATH to a Chromium binary.',
    );
    return null;
  }
  console.log(`Chromium not found; installing Debian's package (${INSTALL})…`);
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  const update = spawnSync('apt-get', ['update', '-qq'], { stdio: 'inherit', env });
  const install =
    update.status === 0 &&
    spawnSync(
      'apt-get',
      ['install', '-y', '-qq', '--no-install-recommends', 'chromium', 'fonts-liberation'],
      {
        stdio: 'inherit',
        env,
      },
    ).status === 0;
  if (!install || !existsSync(path)) {
    console.error(`Installing Chromium failed. Run as root: apt-get update && ${INSTALL}`);
    return null;
  }
  return path;
}
