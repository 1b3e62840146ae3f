/// <reference types="vitest/config" />
import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import tailwindcss from '@tailwindcss/vite';
import { defineConfig, type Plugin } from 'vite';

/**
 * `npm run dev`: mounts the same gateway and sandbox that `npm start` serves, inside Vite's dev
 * server, so hot reload runs against the same API. Loaded lazily so builds and tests never start it.
 */
function ontoraGateway(): Plugin {
  return {
    name: 'ontora-gateway',
    apply: 'serve',
    async configureServer(server) {
      const { loadConfig } = await import('./server/config.ts');
      const { createApp } = await import('./server/app.ts');
      const app = createApp(loadConfig(process.env));
      server.middlewares.use((req, res, next) => {
        app.apiMiddleware(req, res, next);
      });
      server.httpServer?.once('close', () => {
        app.close();
      });
    },
  };
}

export default defineConfig({
  plugins: [react(), tailwindcss(), ontoraGateway()],
  resolve: {
    alias: { '@': fileURLToPath(new URL('./src', import.meta.url)) },
  },
  server: { port: 5173, strictPort: true, host: '127.0.0.1' },
  build: {
    outDir: 'dist/app',
    emptyOutDir: true,
    sourcemap: false,
    target: 'es2022',
  },
  test: {
    projects: [
      {
        extends: true,
        test: {
          name: 'web',
          environment: 'jsdom',
          include: ['src/**/*.test.{ts,tsx}'],
          setupFiles: ['./src/testing/setup-tests.ts'],
          css: false,
        },
      },
      {
        extends: true,
        test: {
          name: 'server',
          environment: 'node',
          include: ['server/**/*.test.ts', 'scripts/**/*.test.ts'],
        },
      },
    ],
  },
});
