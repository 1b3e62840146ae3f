/**
 * The production server's request handling, shared by `npm start` (handler) and `npm run dev`
 * (apiMiddleware inside Vite, which serves the app itself).
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import type { ServerConfig } from './config.ts';
import { createGateway } from './gateway.ts';
import { BodyTooLargeError, readBody, sendJson, splitUrl } from './http-util.ts';
import { createLogger, type Logger } from './logger.ts';
import { newRequestId } from './request-id.ts';
import { createSandbox, type Sandbox } from './sandbox/core.ts';
import { sandboxMiddleware } from './sandbox/http.ts';
import {
  accessCookie,
  classifyOrigin,
  corsHeaders,
  hasProxyIdentity,
  hasValidAccessToken,
  isHttps,
  safeEqual,
  safeNextPath,
  securityHeaders,
} from './security.ts';
import { StaticFiles, resolveInside } from './static.ts';

export type Next = (error?: unknown) => void;

export interface App {
  /** Everything: API, sandbox admin, access page, static files. For `node:http` createServer. */
  handler(req: IncomingMessage, res: ServerResponse): void;
  /** Only /v1, /__sandbox (sandbox mode), /healthz and /access; calls next() for anything else. */
  apiMiddleware(req: IncomingMessage, res: ServerResponse, next: Next): void;
  /** The in-process sandbox (sandbox mode), e.g. for tests. */
  sandbox: Sandbox | null;
  /** Ends connections held by injected hangs. */
  close(): void;
}

export interface AppOptions {
  logger?: Logger;
}

const HTML_NO_BUILD = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Ontora Admin: not built</title></head><body><h1>The app is not built yet</h1><p>The API is running, but there is no build to serve. Run <code>npm run build</code>, then reload.</p></body></html>`;

function escapeHtml(value: string): string {
  return value.replace(/[&<>"']/g, (ch) => `&#${ch.charCodeAt(0)};`);
}

function accessPage(next: string, error: boolean): string {
  return `<!doctype html>
<html lang="en">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>Sign in: Ontora Admin</title></head>
<body>
<main>
<h1>Ontora Admin</h1>
<p>This server is protected by an access token. Ask your administrator for it.</p>
${error ? '<p role="alert"><strong>That token is not valid.</strong></p>' : ''}
<form method="post" action="/access">
<input type="hidden" name="next" value="${escapeHtml(next)}">
<label for="token">Access token</label>
<input id="token" name="token" type="password" autocomplete="current-password" required autofocus>
<button type="submit">Sign in</button>
</form>
</main>
</body>
</html>`;
}

function isApiPath(p: string): boolean {
  return p === '/v1' || p.startsWith('/v1/');
}

function isSandboxPath(p: string): boolean {
  return p === '/__sandbox' || p.startsWith('/__sandbox/');
}

/** App routes get index.html; anything that looks like a file must exist for real. */
function isSpaRoute(p: string): boolean {
  if (p === '/') return true;
  if (/^\/(v1|__sandbox|embed|assets)(\/|$)/.test(p)) return false;
  const last = p.split('/').pop() ?? '';
  return !last.includes('.');
}

export function createApp(config: ServerConfig, options: AppOptions = {}): App {
  const logger = options.logger ?? createLogger(config.logLevel);
  const sandbox =
    config.mode === 'sandbox'
      ? createSandbox({
          apiKey: config.sandbox.apiKey,
          rateLimit: config.sandbox.rateLimit,
          rateWindowSeconds: config.sandbox.rateWindowSeconds,
        })
      : null;
  const admin = sandbox ? sandboxMiddleware(sandbox, { maxBodyBytes: config.maxBodyBytes }) : null;
  const gateway = createGateway({ config, ...(sandbox ? { sandbox } : {}) });
  const files = new StaticFiles((html) => injectClientConfig(html, config.client));
  const security = securityHeaders(config);

  function logWhenDone(req: IncomingMessage, res: ServerResponse, pathname: string): void {
    const started = performance.now();
    res.once('close', () => {
      const header = res.getHeader('x-request-id');
      const id = typeof header === 'string' ? header : '-';
      const status = res.headersSent ? res.statusCode : 0;
      logger.info(
        `${req.method ?? 'GET'} ${pathname} ${status || 'aborted'} ${Math.round(performance.now() - started)}ms ${id}`,
      );
    });
  }

  function applySecurityHeaders(res: ServerResponse): void {
    for (const [name, value] of Object.entries(security)) res.setHeader(name, value);
  }

  async function handleAccess(req: IncomingMessage, res: ServerResponse, search: string) {
    const html = (status: number, body: string, extra: Record<string, string> = {}) => {
      res.writeHead(status, {
        'content-type': 'text/html; charset=utf-8',
        'cache-control': 'no-store',
        ...extra,
      });
      res.end(body);
    };
    if (req.method === 'GET' || req.method === 'HEAD') {
      html(200, accessPage(safeNextPath(new URLSearchParams(search).get('next')), false));
      return;
    }
    if (req.method !== 'POST') {
      html(405, accessPage('/', false), { allow: 'GET, POST' });
      return;
    }
    let form: URLSearchParams;
    try {
      form = new URLSearchParams((await readBody(req, 4096)).toString('utf8'));
    } catch (error) {
      if (error instanceof BodyTooLargeError) {
        html(413, accessPage('/', true));
        return;
      }
      throw error;
    }
    const next = safeNextPath(form.get('next'));
    const token = form.get('token') ?? '';
    if (config.accessToken === null || !safeEqual(token, config.accessToken)) {
      // Slows down guessing; tokens are long enough that this is belt and braces.
      await sleep(250);
      html(401, accessPage(next, true));
      return;
    }
    res.writeHead(303, {
      location: next,
      'set-cookie': accessCookie(token, isHttps(req)),
      'cache-control': 'no-store',
    });
    res.end();
  }

  function fail(res: ServerResponse, error: unknown): void {
    logger.error(`unhandled error: ${error instanceof Error ? error.name : 'unknown'}`);
    if (!res.headersSent) {
      sendJson(res, 500, { detail: 'Internal Server Error' }, { 'x-request-id': newRequestId() });
    } else {
      res.destroy();
    }
  }

  function apiMiddleware(req: IncomingMessage, res: ServerResponse, next: Next): void {
    const { path: pathname, search } = splitUrl(req.url);
    if (pathname === '/healthz') {
      logWhenDone(req, res, pathname);
      applySecurityHeaders(res);
      sendJson(res, 200, { ok: true, mode: config.mode });
      return;
    }
    if (isApiPath(pathname)) {
      logWhenDone(req, res, pathname);
      // JSON is never rendered as a document, so only the headers that matter for it.
      res.setHeader('x-content-type-options', 'nosniff');
      res.setHeader('referrer-policy', 'strict-origin-when-cross-origin');
      gateway.handle(req, res).catch((error: unknown) => {
        fail(res, error);
      });
      return;
    }
    if (admin && isSandboxPath(pathname)) {
      logWhenDone(req, res, pathname);
      applySecurityHeaders(res);
      if (!hasProxyIdentity(req, config) || !hasValidAccessToken(req, config)) {
        sendJson(res, 401, { detail: 'Sign in at /access first', code: 'access_denied' });
        return;
      }
      // A cross-site page must not be able to reset the sandbox or queue faults either.
      if (classifyOrigin(req, config) === 'forbidden') {
        sendJson(res, 403, { detail: 'Origin not allowed', code: 'origin_forbidden' });
        return;
      }
      admin(req, res);
      return;
    }
    if (config.accessToken !== null && pathname === '/access') {
      logWhenDone(req, res, pathname);
      applySecurityHeaders(res);
      handleAccess(req, res, search).catch((error: unknown) => {
        fail(res, error);
      });
      return;
    }
    next();
  }

  async function serveStatic(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const { path: pathname } = splitUrl(req.url);
    const text = (status: number, body: string, extra: Record<string, string> = {}) => {
      res.writeHead(status, {
        'content-type': 'text/plain; charset=utf-8',
        'cache-control': 'no-cache',
        ...extra,
      });
      res.end(req.method === 'HEAD' ? undefined : body);
    };
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      text(405, 'Method Not Allowed', { allow: 'GET, HEAD' });
      return;
    }
    if (!hasProxyIdentity(req, config)) {
      text(401, 'This server is only reachable through the sign-in proxy.');
      return;
    }

    if (pathname === '/embed' || pathname.startsWith('/embed/')) {
      const file = resolveInside(config.embedDir, pathname.slice('/embed'.length));
      const origin = req.headers.origin;
      const cors =
        origin !== undefined && config.embedOrigins.includes(origin) ? corsHeaders(origin) : {};
      if (!file || !(await files.send(req, res, file, { 'cache-control': 'no-cache', ...cors }))) {
        text(404, 'Not Found', cors);
      }
      return;
    }

    if (pathname === '/embed-demo') {
      // The embed's demo host page (public/embed-demo.html), at a memorable address.
      res.writeHead(308, { location: '/embed-demo.html', 'cache-control': 'no-cache' });
      res.end();
      return;
    }

    if (isSpaRoute(pathname)) {
      if (!hasValidAccessToken(req, config)) {
        res.writeHead(303, {
          location: `/access?next=${encodeURIComponent(pathname)}`,
          'cache-control': 'no-store',
        });
        res.end();
        return;
      }
      const index = path.join(config.distDir, 'index.html');
      if (!(await files.send(req, res, index, { 'cache-control': 'no-cache' }))) {
        res.writeHead(503, {
          'content-type': 'text/html; charset=utf-8',
          'cache-control': 'no-store',
        });
        res.end(HTML_NO_BUILD);
      }
      return;
    }

    const file = resolveInside(config.distDir, pathname);
    const cache = pathname.startsWith('/assets/')
      ? 'public, max-age=31536000, immutable'
      : 'no-cache';
    if (!file || !(await files.send(req, res, file, { 'cache-control': cache }))) {
      text(404, 'Not Found');
    }
  }

  function handler(req: IncomingMessage, res: ServerResponse): void {
    apiMiddleware(req, res, () => {
      const { path: pathname } = splitUrl(req.url);
      logWhenDone(req, res, pathname);
      applySecurityHeaders(res);
      serveStatic(req, res).catch((error: unknown) => {
        fail(res, error);
      });
    });
  }

  return {
    handler,
    apiMiddleware,
    sandbox,
    close: () => {
      admin?.destroyHanging();
    },
  };
}

/**
 * Puts the browser's runtime settings into the page as a `<meta>` (data, not script: the CSP
 * allows no inline script), so they change with the server's environment, not with a rebuild.
 */
export function injectClientConfig(html: string, client: ServerConfig['client']): string {
  const json = JSON.stringify(client)
    .replace(/&/g, '&amp;')
    .replace(/"/g, '&quot;')
    .replace(/</g, '&lt;');
  const meta = `<meta name="ontora-config" content="${json}" />`;
  return html.includes('</head>') ? html.replace('</head>', `    ${meta}\n  </head>`) : html;
}
