import { defineConfig, devices } from '@playwright/test';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from './scripts/lib/chromium.mjs';

// Debian's Chromium: browser downloads fail on our machines, so never `playwright install`.
const launchOptions = { executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS };
const PORT = Number(process.env.E2E_PORT ?? 4173);
export const baseURL = `http://127.0.0.1:${PORT}`;
/** One embed test portal origin per worker: port PORT + 101 + the worker's parallel index. */
export const EMBED_TEST_ORIGINS = [101, 102, 103, 104].map((n) => `http://127.0.0.1:${PORT + n}`);
/**
 * Forwarding mode: a second app server (PORT + 200) forwards to a stand-in Ontora (PORT + 201)
 * that serves only the documented endpoints and requires this key (e2e/forwarding.spec.ts).
 */
export const FORWARDING_URL = `http://127.0.0.1:${PORT + 200}`;
export const FORWARDING_UPSTREAM_URL = `http://127.0.0.1:${PORT + 201}`;
export const FORWARDING_UPSTREAM_KEY = 'ont_e2e_forwarded_secret_key';
const SEED_WORKSPACE_ID = '0b7c0d5e-9a3f-4c61-8d2e-5f1a7b3c9e01';
const tsx = 'node node_modules/tsx/dist/cli.mjs';

export default defineConfig({
  testDir: 'e2e',
  testMatch: '**/*.spec.ts',
  fullyParallel: true,
  forbidOnly: !!process.env.CI,
  retries: 0,
  workers: 2,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: process.env.PW_JSON_REPORT
    ? [['list'], ['json', { outputFile: process.env.PW_JSON_REPORT }]]
    : [['list']],
  use: { baseURL, trace: 'retain-on-failure' },
  projects: [
    {
      name: 'chromium',
      testIgnore: 'forwarding.spec.ts',
      use: { ...devices['Desktop Chrome'], launchOptions },
    },
    {
      name: 'forwarding',
      testMatch: 'forwarding.spec.ts',
      use: {
        ...devices['Desktop Chrome'],
        baseURL: FORWARDING_URL,
        launchOptions,
      },
    },
  ],
  // The production server (built app + gateway + in-process sandbox), exactly what `npm start`
  // serves. `npm test` builds first; the sandbox's fault injection is on in sandbox mode.
  webServer: [
    {
      command: `${tsx} server/main.ts`,
      env: {
        PORT: String(PORT),
        HOST: '127.0.0.1',
        LOG_LEVEL: 'warn',
        SANDBOX_RATE_LIMIT: '100000',
        // The browser gives up first, so the timeout path is the client's own (see failures.spec).
        REQUEST_TIMEOUT_MS: '4000',
        UPSTREAM_TIMEOUT_MS: '15000',
        PHONE_COUNTRY: 'GB',
        // Portal pages of the embed tests are served from these origins (e2e/host/host-server.ts).
        EMBED_ORIGINS: EMBED_TEST_ORIGINS.join(','),
      },
      url: `${baseURL}/healthz`,
      reuseExistingServer: !process.env.CI,
      timeout: 60_000,
      stdout: 'pipe',
    },
    {
      command: `${tsx} server/sandbox-main.ts`,
      env: {
        SANDBOX_PORT: String(PORT + 201),
        SANDBOX_API_KEY: FORWARDING_UPSTREAM_KEY,
        SANDBOX_DOCUMENTED_ONLY: '1',
        SANDBOX_RATE_LIMIT: '100000',
        LOG_LEVEL: 'warn',
      },
      url: `${FORWARDING_UPSTREAM_URL}/__sandbox`,
      reuseExistingServer: !process.env.CI,
      timeout: 60_000,
    },
    {
      command: `${tsx} server/main.ts`,
      env: {
        PORT: String(PORT + 200),
        HOST: '127.0.0.1',
        LOG_LEVEL: 'warn',
        ONTORA_API_URL: FORWARDING_UPSTREAM_URL,
        ONTORA_API_KEY: FORWARDING_UPSTREAM_KEY,
        ONTORA_WORKSPACE_ID: SEED_WORKSPACE_ID,
      },
      url: `${FORWARDING_URL}/healthz`,
      reuseExistingServer: !process.env.CI,
      timeout: 60_000,
    },
  ],
});
