#!/usr/bin/env node
// Byte budgets (issue 6), run by `npm test` after the build: gzip bytes of the JS and CSS the
// browser needs before the add-contact form is usable, and of the embed bundle. Budgets live in
// bench/budgets.json; sizes are gzip level 9 as server/static.ts sends them (brotli q11 shown
// for information); 1 KB = 1024 bytes. No browser, no dependencies; exits 1 when over budget.
//
//   node scripts/check-budgets.mjs          table, exit 1 when a budget is exceeded
//   node scripts/check-budgets.mjs --json   the same figures as JSON
//   node scripts/check-budgets.mjs --files  also list every file counted
import { byteFigures, kb } from '../bench/lib/bundle.mjs';

const args = new Set(process.argv.slice(2));
const figures = byteFigures();

if (args.has('--json')) {
  console.log(JSON.stringify(figures, null, 2));
} else {
  const header = ['budget', 'files', 'raw', 'gzip-9', 'brotli', 'limit', 'result'];
  const rows = figures.map((f) => [
    f.label,
    f.files ? String(f.files.length) : '–',
    kb(f.total?.raw),
    kb(f.total?.gzip),
    kb(f.total?.brotli),
    `${f.maxKB} KB`,
    f.status === 'pass'
      ? `ok (${kb(-f.overBytes)} left)`
      : f.status === 'skip'
        ? 'skipped'
        : f.overBytes === undefined
          ? 'FAIL'
          : `FAIL: ${kb(f.overBytes)} over`,
  ]);
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
  const line = (cells) =>
    cells
      .map((c, i) =>
        i === 0 || i === cells.length - 1 ? c.padEnd(widths[i]) : c.padStart(widths[i]),
      )
      .join('  ')
      .trimEnd();
  console.log(
    'Byte budgets: gzip level 9 as the server sends it, 1 KB = 1024 B (bench/budgets.json)',
  );
  console.log(line(header));
  for (const row of rows) console.log(line(row));
  for (const f of figures) {
    if (f.note) console.log(`  ${f.label}: ${f.note}`);
    if (f.files && (args.has('--files') || f.status === 'fail')) {
      for (const file of [...f.files].sort((a, b) => b.gzip - a.gzip)) {
        console.log(`  ${f.label}: ${file.file} ${kb(file.gzip)} gzip (${kb(file.raw)} raw)`);
      }
    }
  }
}

process.exit(figures.some((f) => f.status === 'fail') ? 1 : 0);
