#!/usr/bin/env node
// `npm run screenshots`: the interview page in light and dark, 1280 and 375 px wide, in its
// initial, error and success states, written to docs/screenshots/. Starts its own production
// server (sandbox mode) on a free port; needs a build (`npm run build`).
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { chromium } from '@playwright/test';
import { CHROMIUM_ARGS, ensureChromium } from './lib/chromium.mjs';
import { startAppServer } from './lib/server.mjs';

const root = new URL('..', import.meta.url).pathname;
const out = join(root, 'docs', 'screenshots');
mkdirSync(out, { recursive: true });

const executablePath = ensureChromium();
if (!executablePath) process.exit(1);
const server = await startAppServer();
const base = server.url;
const browser = await chromium.launch({ executablePath, args: CHROMIUM_ARGS });
try {
  for (const colorScheme of ['light', 'dark']) {
    for (const width of [1280, 375]) {
      await fetch(`${base}/__sandbox/reset`, { method: 'POST' });
      const page = await browser.newPage({ viewport: { width, height: 900 }, colorScheme });
      await page.goto(`${base}/interviews/1a7e0000-0000-4000-8000-000000000001`);
      await page.getByRole('combobox', { name: 'Question set' }).waitFor();
      const name = `${colorScheme}-${width}`;
      await page.screenshot({ path: join(out, `interview-${name}.png`), fullPage: true });
      await page.getByLabel(/^Email/).fill('not-an-email');
      await page.getByRole('button', { name: 'Add contact' }).click();
      await page.getByRole('navigation', { name: /problem/ }).waitFor();
      await page.screenshot({ path: join(out, `interview-${name}-error.png`), fullPage: true });
      await page.getByLabel(/^Name/).fill('Ada Lovelace');
      await page.getByLabel(/^Email/).fill('ada@example.com');
      await page.getByLabel(/^Job title/).fill('Staff Engineer');
      await page.getByRole('button', { name: 'Add contact' }).click();
      await page.getByRole('heading', { name: 'Contact added' }).waitFor();
      await page.screenshot({ path: join(out, `interview-${name}-success.png`), fullPage: true });
      await page.close();
      console.log(`docs/screenshots/interview-${name}{,-error,-success}.png`);
    }
  }
} finally {
  await browser.close();
  await server.stop();
}
