#!/usr/bin/env node
// Compares two `npm run bench` result files figure by figure:
//   node scripts/bench-compare.mjs bench/results/<before>.json [bench/results/latest.json]
import { readFileSync } from 'node:fs';

const [beforePath, afterPath = 'bench/results/latest.json'] = process.argv.slice(2);
if (!beforePath) {
  console.error('usage: node scripts/bench-compare.mjs <before.json> [after.json]');
  process.exit(2);
}
const read = (path) => JSON.parse(readFileSync(path, 'utf8'));
const before = read(beforePath);
const after = read(afterPath);

const show = (figure) => {
  if (!figure || figure.value === null) return '–';
  const v = figure.value;
  if (figure.unit === 'KB') return `${v.toFixed(1)} KB`;
  if (figure.unit === 'ms') return `${Math.round(v)} ms`;
  return String(Number.isInteger(v) ? v : Number(v.toFixed(3)));
};
const change = (a, b) => {
  if (!a || !b || a.value === null || b.value === null) return '';
  const delta = b.value - a.value;
  const pct =
    a.value === 0 ? '' : ` (${delta >= 0 ? '+' : ''}${((delta / a.value) * 100).toFixed(0)}%)`;
  return `${delta >= 0 ? '+' : ''}${delta.toFixed(a.unit === 'ms' ? 0 : a.unit === 'KB' ? 1 : 3)}${pct}`;
};

const keys = [...new Set([...before.figures, ...after.figures].map((f) => f.key))];
const rows = keys.map((key) => {
  const a = before.figures.find((f) => f.key === key);
  const b = after.figures.find((f) => f.key === key);
  return [(b ?? a).label, show(a), show(b), change(a, b)];
});
const header = [
  'figure',
  `before (${before.commit?.slice(0, 7) ?? '?'})`,
  `after (${after.commit?.slice(0, 7) ?? '?'})`,
  'change',
];
const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
const line = (cells) =>
  cells
    .map((c, i) => c.padEnd(widths[i]))
    .join(' | ')
    .trimEnd();
console.log(
  `before: ${before.date} on ${before.machine.cpu}; after: ${after.date} on ${after.machine.cpu}`,
);
console.log(line(header));
console.log(widths.map((w) => '-'.repeat(w)).join('-|-'));
for (const row of rows) console.log(line(row));
