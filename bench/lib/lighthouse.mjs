// Lighthouse 12.8.2 through npx (not a dependency: it brings ~180 MB), mobile defaults
// (simulated slow 4G and 4× CPU), performance category only, against Debian's Chromium.
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export const LIGHTHOUSE = 'lighthouse@12.8.2';
const CHROME_FLAGS =
  '--headless=new --no-sandbox --disable-gpu --disable-dev-shm-usage --disable-background-networking --disable-component-update --disable-sync --no-first-run --disable-quic';

/** One run; resolves { score, lcpMs, tbtMs, cls } or rejects with the reason. */
export function lighthouseOnce(url, chromePath, timeoutMs = 180_000) {
  const dir = mkdtempSync(join(tmpdir(), 'ontora-lh-'));
  const output = join(dir, 'report.json');
  return new Promise((resolve, reject) => {
    const child = spawn(
      'npx',
      [
        '-y',
        LIGHTHOUSE,
        url,
        '--only-categories=performance',
        '--output=json',
        `--output-path=${output}`,
        '--quiet',
        '--no-enable-error-reporting',
        `--chrome-flags=${CHROME_FLAGS}`,
      ],
      { env: { ...process.env, CHROME_PATH: chromePath }, stdio: ['ignore', 'pipe', 'pipe'] },
    );
    let log = '';
    child.stdout.on('data', (chunk) => (log += chunk));
    child.stderr.on('data', (chunk) => (log += chunk));
    const timer = setTimeout(() => {
      child.kill('SIGTERM');
    }, timeoutMs);
    child.on('error', (error) => {
      clearTimeout(timer);
      rmSync(dir, { recursive: true, force: true });
      reject(error);
    });
    child.on('exit', (code, signal) => {
      clearTimeout(timer);
      try {
        if (code !== 0) {
          const tail = log.trim().split('\n').slice(-5).join(' | ');
          throw new Error(`npx ${LIGHTHOUSE} exited with ${code ?? signal}: ${tail}`);
        }
        const lhr = JSON.parse(readFileSync(output, 'utf8'));
        if (lhr.runtimeError?.code) throw new Error(`Lighthouse: ${lhr.runtimeError.message}`);
        resolve({
          score: lhr.categories.performance.score,
          lcpMs: lhr.audits['largest-contentful-paint'].numericValue,
          tbtMs: lhr.audits['total-blocking-time'].numericValue,
          cls: lhr.audits['cumulative-layout-shift'].numericValue,
          fcpMs: lhr.audits['first-contentful-paint'].numericValue,
          warnings: lhr.runWarnings ?? [],
        });
      } catch (error) {
        reject(error instanceof Error ? error : new Error(String(error)));
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    });
  });
}
