/**
 * A stand-in portal for the embed e2e tests: a tiny static server on another origin (another
 * port), so the embed is exercised cross-origin exactly as a portal would load it, including the
 * server's EMBED_ORIGINS CORS. Pages are the HTML files of this folder; `__EMBED_ORIGIN__` and
 * `__INTERVIEW_ID__` are filled in from the server's settings and `?interview=`.
 */
import { readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { fileURLToPath } from 'node:url';

const PAGES = new Set(['hostile.html', 'blank.html']);

export interface HostServer {
  /** e.g. `http://127.0.0.1:4174` */
  origin: string;
  close(): Promise<void>;
}

export async function startHostServer(port: number, embedOrigin: string): Promise<HostServer> {
  const server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://host.invalid');
    const name = url.pathname.replace(/^\//, '');
    if (!PAGES.has(name)) {
      res.writeHead(404, { 'content-type': 'text/plain' });
      res.end('Not Found');
      return;
    }
    const interviewId = (url.searchParams.get('interview') ?? '').replace(/[^A-Za-z0-9-]/g, '');
    const html = readFileSync(fileURLToPath(new URL(name, import.meta.url)), 'utf8')
      .replaceAll('__EMBED_ORIGIN__', embedOrigin)
      .replaceAll('__INTERVIEW_ID__', interviewId);
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' });
    res.end(html);
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => {
      resolve();
    });
  });
  const { port: actual } = server.address() as AddressInfo;
  return {
    origin: `http://127.0.0.1:${String(actual)}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => {
          resolve();
        });
      }),
  };
}
