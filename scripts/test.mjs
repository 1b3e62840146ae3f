#!/usr/bin/env node
// `npm test`: every check the project has, in one command, ending with one summary line
// `N passed, N failed, N skipped` that sums every runner. Test cases count one each (Vitest,
// Playwright); each other check (lint, format, typecheck, build, budgets) counts as one.
// Every step runs even after a failure, so one run shows everything that is wrong.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { ensureChromium } from './lib/chromium.mjs';

const root = new URL('..', import.meta.url).pathname;
const reports = join(root, '.reports');
rmSync(reports, { recursive: true, force: true });
mkdirSync(reports, { recursive: true });

const totals = { passed: 0, failed: 0, skipped: 0 };
const failures = [];
const bin = (name) => join(root, 'node_modules', '.bin', name);

function run(title, command, args, env = {}) {
  const started = Date.now();
  console.log(`\n━━ ${title} ━━`);
  const result = spawnSync(command, args, {
    cwd: root,
    stdio: 'inherit',
    env: { ...process.env, FORCE_COLOR: '0', ...env },
  });
  const ok = result.status === 0;
  console.log(
    `── ${title}: ${ok ? 'ok' : 'FAILED'} (${((Date.now() - started) / 1000).toFixed(1)} s)`,
  );
  return ok;
}

function check(title, command, args) {
  const ok = run(title, command, args);
  if (ok) totals.passed += 1;
  else {
    totals.failed += 1;
    failures.push(title);
  }
  return ok;
}

function readJson(path) {
  try {
    return JSON.parse(readFileSync(path, 'utf8'));
  } catch {
    return null;
  }
}

const chromium = ensureChromium();

check('lint (eslint)', bin('eslint'), ['.', '--max-warnings=0']);
check('format (prettier)', bin('prettier'), ['--check', '.', '--log-level=warn']);
check('typecheck (tsc)', bin('tsc'), ['--noEmit', '-p', 'tsconfig.json']);

// Unit, component and server tests.
const vitestReport = join(reports, 'vitest.json');
const vitestOk = run('unit, component and server tests (vitest)', bin('vitest'), [
  'run',
  '--reporter=default',
  '--reporter=json',
  `--outputFile.json=${vitestReport}`,
]);
const vitest = readJson(vitestReport);
if (vitest) {
  totals.passed += vitest.numPassedTests;
  totals.failed += vitest.numFailedTests;
  totals.skipped += vitest.numPendingTests + vitest.numTodoTests;
  if (vitest.numFailedTests > 0 || !vitestOk) failures.push('vitest');
  if (!vitestOk && vitest.numFailedTests === 0) totals.failed += 1; // e.g. a file failed to load
} else {
  totals.failed += 1;
  failures.push('vitest (no report)');
}

const built = check('build (vite)', 'npm', ['run', '-s', 'build']);
if (built && existsSync(join(root, 'scripts', 'check-budgets.mjs'))) {
  check('byte budgets', process.execPath, [join(root, 'scripts', 'check-budgets.mjs')]);
}

// End-to-end tests against the production server in sandbox mode.
if (!built || !chromium) {
  totals.failed += 1;
  failures.push(`e2e (${!built ? 'build failed' : 'no Chromium'})`);
} else {
  const playwrightReport = join(reports, 'playwright.json');
  const playwrightOk = run('end-to-end tests (playwright)', bin('playwright'), ['test'], {
    PW_JSON_REPORT: playwrightReport,
    CHROMIUM_PATH: chromium,
  });
  const stats = readJson(playwrightReport)?.stats;
  if (stats) {
    totals.passed += stats.expected + stats.flaky;
    totals.failed += stats.unexpected;
    totals.skipped += stats.skipped;
    if (stats.unexpected > 0 || !playwrightOk) failures.push('playwright');
    if (!playwrightOk && stats.unexpected === 0) totals.failed += 1;
  } else {
    totals.failed += 1;
    failures.push('playwright (no report)');
  }
}

console.log('');
if (failures.length > 0) console.log(`Failed: ${failures.join(', ')}`);
console.log(`${totals.passed} passed, ${totals.failed} failed, ${totals.skipped} skipped`);
process.exit(totals.failed > 0 ? 1 : 0);
