/**
 * `vite build -c src/embed/build/vite.config.ts` (part of `npm run build`): the portal embed,
 * `<ontora-add-contact>`, as the ES module `dist/embed/ontora-add-contact.js` (React, the form and
 * its CSS inside) whose lazy parts (question set picker, phone library, result panel) load from
 * `dist/embed/chunks/` relative to it, plus its public types `dist/embed/ontora-add-contact.d.ts`.
 * See docs/decisions/0004-embed.md.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import tailwindcss from '@tailwindcss/vite';
import { defineConfig, type Plugin } from 'vite';
import { adaptCssForShadowRoot } from './shadow-css.ts';

/** The repository root (this file is in src/embed/build/, inside the tsconfig and lint scope). */
const root = (path: string) => fileURLToPath(new URL(`../../../${path}`, import.meta.url));

const EMBED_CSS = /\/src\/embed\/embed\.css\?inline$/;

/** Runs after Vite has compiled and minified the `?inline` CSS into `export default "…"`. */
function shadowRootCss(): Plugin {
  return {
    name: 'ontora-embed-shadow-css',
    enforce: 'post',
    transform(code, id) {
      if (!EMBED_CSS.test(id)) return null;
      const prefix = 'export default ';
      if (!code.startsWith(prefix)) {
        this.error(`unexpected module shape for ${id}: ${code.slice(0, 40)}`);
      }
      const css = JSON.parse(code.slice(prefix.length).replace(/;?\s*$/, '')) as string;
      return {
        code: `${prefix}${JSON.stringify(adaptCssForShadowRoot(css, { themeScope: '.ontora-root' }))}`,
        map: null,
      };
    },
  };
}

/** Ships the hand-written public types beside the bundle. */
function publicTypes(): Plugin {
  const source = root('src/embed/ontora-add-contact.d.ts');
  return {
    name: 'ontora-embed-types',
    apply: 'build',
    generateBundle() {
      this.emitFile({
        type: 'asset',
        fileName: 'ontora-add-contact.d.ts',
        source: readFileSync(source, 'utf8'),
      });
    },
  };
}

const pkg = JSON.parse(readFileSync(root('package.json'), 'utf8')) as { version: string };

export default defineConfig({
  root: root(''),
  plugins: [react(), tailwindcss(), shadowRootCss(), publicTypes()],
  resolve: {
    alias: { '@': root('src') },
  },
  define: {
    'import.meta.env.VITE_ONTORA_EMBED_VERSION': JSON.stringify(pkg.version),
    // React and friends check this; a library build does not set it by itself.
    'process.env.NODE_ENV': JSON.stringify('production'),
  },
  // The app's public/ (favicon, demo pages) belongs to dist/app, not to the embed.
  publicDir: false,
  build: {
    outDir: root('dist/embed'),
    emptyOutDir: true,
    sourcemap: false,
    target: 'es2022',
    lib: {
      entry: root('src/embed/index.tsx'),
      formats: ['es'],
      fileName: () => 'ontora-add-contact.js',
    },
    rolldownOptions: {
      output: {
        chunkFileNames: 'chunks/[name]-[hash].js',
        // Library mode keeps ES output readable (for bundlers downstream); this ships as is.
        minify: true,
        comments: { annotation: false, jsdoc: false, legal: false },
      },
    },
    // The size is checked by the e2e suite (gzip budget); this just keeps Vite quiet about it.
    chunkSizeWarningLimit: 700,
  },
});
