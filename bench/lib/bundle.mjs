// What the browser must download before the form is usable, worked out from the built files
// alone (no browser): the scripts and stylesheets index.html references, and every chunk they
// pull in through static `import`/`export … from`. Chunks reached only through dynamic
// `import()` are lazy and excluded. Shared by scripts/check-budgets.mjs and bench/run.mjs.
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';

export const KB = 1024;
export const ROOT = resolve(dirname(new URL(import.meta.url).pathname), '..', '..');
export const APP_DIR = join(ROOT, 'dist', 'app');
export const EMBED_DIR = join(ROOT, 'dist', 'embed');

export function loadBudgets() {
  return JSON.parse(readFileSync(join(ROOT, 'bench', 'budgets.json'), 'utf8'));
}

/** Sizes as server/static.ts sends them: gzip level 9, brotli quality 11. */
export function compressedSizes(buffer, { brotli = true } = {}) {
  return {
    raw: buffer.length,
    gzip: gzipSync(buffer, { level: 9 }).length,
    brotli: brotli
      ? brotliCompressSync(buffer, {
          params: {
            [constants.BROTLI_PARAM_QUALITY]: 11,
            [constants.BROTLI_PARAM_SIZE_HINT]: buffer.length,
          },
        }).length
      : null,
  };
}

/** `<tag …>` attributes as a lower-cased map (values unquoted). */
function attributes(tag) {
  const map = {};
  for (const match of tag.matchAll(/([\w:-]+)(?:\s*=\s*("[^"]*"|'[^']*'|[^\s"'>]+))?/g)) {
    const name = match[1].toLowerCase();
    if (name === 'script' || name === 'link') continue;
    const value = match[2] ?? '';
    map[name] = value.replace(/^["']|["']$/g, '');
  }
  return map;
}

/** Maps an URL from index.html (`/assets/x.js`, `./x.js`) to a file in `dir`, or null. */
function localFile(dir, url, fromFile) {
  if (/^(?:[a-z][a-z0-9+.-]*:|\/\/)/i.test(url)) return null; // external: not ours to measure
  const clean = url.split(/[?#]/)[0];
  const file = clean.startsWith('/') ? join(dir, clean) : resolve(dirname(fromFile), clean);
  if (!file.startsWith(resolve(dir) + sep)) return null;
  return existsSync(file) && statSync(file).isFile() ? file : null;
}

/** Static import specifiers of a built (minified) ES module. */
export function staticImports(code) {
  const specs = new Set();
  // `import"./a.js"`, `import{x}from"./a.js"`, `export*from"./a.js"`: a quote right after
  // `import` or `from`. `import(` (dynamic) never matches, and built chunks only import
  // relative paths, so strings that merely look like code are filtered out by the path test.
  for (const match of code.matchAll(/\b(?:import|from)\s*(["'])([^"'\s]+)\1/g)) {
    if (/^\.{0,2}\//.test(match[2])) specs.add(match[2]);
  }
  return [...specs];
}

/** Dynamic import specifiers (`import("./a.js")`, also with backticks as rolldown emits). */
export function dynamicImports(code) {
  const specs = new Set();
  for (const match of code.matchAll(/\bimport\s*\(\s*(["'`])([^"'`\s]+)\1\s*\)/g)) {
    specs.add(match[2]);
  }
  return [...specs];
}

/** Every file reachable from `entries` through static imports, in discovery order. */
export function staticClosure(dir, entries) {
  const seen = new Set();
  const missing = [];
  const queue = [...entries];
  while (queue.length > 0) {
    const file = queue.shift();
    if (seen.has(file)) continue;
    seen.add(file);
    if (!/\.m?js$/.test(file)) continue;
    const code = readFileSync(file, 'utf8');
    for (const spec of staticImports(code)) {
      const target = localFile(dir, spec, file);
      if (target) queue.push(target);
      else missing.push(`${relative(dir, file)} → ${spec}`);
    }
  }
  return { files: [...seen], missing };
}

/**
 * The app's initial assets from dist/app/index.html: scripts (module entries, classic scripts,
 * modulepreloads, and their static imports) and stylesheets. null when the app is not built.
 */
export function appInitialAssets(dir = APP_DIR) {
  const indexFile = join(dir, 'index.html');
  if (!existsSync(indexFile)) return null;
  const html = readFileSync(indexFile, 'utf8');
  const scriptEntries = [];
  const styles = [];
  const external = [];
  for (const [tag] of html.matchAll(/<(?:script|link)\b[^>]*>/gi)) {
    const attrs = attributes(tag);
    const isScript = /^<script/i.test(tag);
    const rel = (attrs.rel ?? '').toLowerCase().split(/\s+/);
    const url = isScript ? attrs.src : attrs.href;
    if (!url) continue;
    const kind =
      isScript || rel.includes('modulepreload')
        ? 'script'
        : rel.includes('stylesheet')
          ? 'style'
          : null;
    if (!kind) continue;
    const file = localFile(dir, url, indexFile);
    if (!file) {
      external.push(url);
      continue;
    }
    (kind === 'script' ? scriptEntries : styles).push(file);
  }
  const closure = staticClosure(dir, scriptEntries);
  return {
    scripts: closure.files,
    styles: [...new Set(styles)],
    missing: closure.missing,
    external,
  };
}

/**
 * The embed's eager files: top-level dist/embed/*.js that no other file loads lazily (those are
 * entries), their static imports, and top-level CSS. null when the embed is not built.
 */
export function embedAssets(dir = EMBED_DIR) {
  if (!existsSync(dir)) return null;
  const top = readdirSync(dir)
    .filter((name) => statSync(join(dir, name)).isFile())
    .map((name) => join(dir, name));
  const js = top.filter((file) => /\.m?js$/.test(file));
  if (js.length === 0) return null;
  const lazy = new Set();
  for (const file of allFiles(dir).filter((f) => /\.m?js$/.test(f))) {
    for (const spec of dynamicImports(readFileSync(file, 'utf8'))) {
      const target = localFile(dir, spec, file);
      if (target) lazy.add(target);
    }
  }
  const entries = js.filter((file) => !lazy.has(file));
  const closure = staticClosure(dir, entries);
  const styles = top.filter((file) => file.endsWith('.css'));
  return { entries, scripts: closure.files, styles, missing: closure.missing, external: [] };
}

function allFiles(dir) {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory() ? allFiles(join(dir, entry.name)) : [join(dir, entry.name)],
  );
}

/** Sizes of a list of files, plus their total. */
export function measureFiles(dir, files, options) {
  const rows = files.map((file) => ({
    file: relative(dir, file),
    ...compressedSizes(readFileSync(file), options),
  }));
  const total = rows.reduce(
    (sum, row) => ({
      raw: sum.raw + row.raw,
      gzip: sum.gzip + row.gzip,
      brotli: sum.brotli === null || row.brotli === null ? null : sum.brotli + row.brotli,
    }),
    { raw: 0, gzip: 0, brotli: 0 },
  );
  return { rows, total };
}

/** The three byte figures of issue 6, each with its budget verdict. */
export function byteFigures(budgets = loadBudgets(), options = {}) {
  const figures = [];
  const app = appInitialAssets();
  const b = budgets.bytes;
  if (!app) {
    const note = 'dist/app/index.html missing: run npm run build';
    figures.push({
      key: 'appJs',
      label: b.appJs.label,
      maxKB: b.appJs.maxKB,
      status: 'fail',
      note,
    });
    figures.push({
      key: 'appCss',
      label: b.appCss.label,
      maxKB: b.appCss.maxKB,
      status: 'fail',
      note,
    });
  } else {
    for (const [key, files] of [
      ['appJs', app.scripts],
      ['appCss', app.styles],
    ]) {
      const measured = measureFiles(APP_DIR, files, options);
      const notes = [];
      if (app.external.length > 0) notes.push(`external, not measured: ${app.external.join(', ')}`);
      if (key === 'appJs' && app.missing.length > 0)
        notes.push(`unresolved imports: ${app.missing.join(', ')}`);
      figures.push(verdict(key, b[key], measured, notes));
    }
  }
  const embed = embedAssets();
  if (!embed) {
    figures.push({
      key: 'embed',
      label: b.embed.label,
      maxKB: b.embed.maxKB,
      status: 'skip',
      note: 'not built yet (no dist/embed/*.js); enforced as soon as it exists',
    });
  } else {
    const measured = measureFiles(EMBED_DIR, [...embed.scripts, ...embed.styles], options);
    const notes =
      embed.missing.length > 0 ? [`unresolved imports: ${embed.missing.join(', ')}`] : [];
    figures.push(verdict('embed', b.embed, measured, notes));
  }
  return figures;
}

function verdict(key, budget, measured, notes) {
  const limit = budget.maxKB * KB;
  return {
    key,
    label: budget.label,
    maxKB: budget.maxKB,
    files: measured.rows,
    total: measured.total,
    status: measured.total.gzip <= limit ? 'pass' : 'fail',
    overBytes: measured.total.gzip - limit,
    note: notes.join('; ') || undefined,
  };
}

export const kb = (bytes) =>
  bytes === null || bytes === undefined ? '–' : `${(bytes / KB).toFixed(1)} KB`;
