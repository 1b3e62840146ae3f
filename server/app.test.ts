import { mkdtempSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { SEED } from './sandbox/index.ts';
import { createApp } from './app.ts';
import { loadConfig } from './config.ts';
import { json, makeDist, silentLogger, startApp, type RunningApp } from './test-support.ts';

const running: RunningApp[] = [];
afterEach(async () => {
  await Promise.all(running.splice(0).map((r) => r.close()));
});

async function app(env: NodeJS.ProcessEnv = {}): Promise<RunningApp> {
  const started = await startApp({ DIST_DIR: makeDist().distDir, ...env });
  running.push(started);
  return started;
}

/** fetch() normalises `..` away, so traversal attempts go through node:http verbatim. */
function rawGet(base: string, rawPath: string): Promise<{ status: number; body: string }> {
  const { hostname, port } = new URL(base);
  return new Promise((resolve, reject) => {
    const req = request({ hostname, port, path: rawPath, method: 'GET' }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => (body += chunk));
      res.on('end', () => {
        resolve({ status: res.statusCode ?? 0, body });
      });
    });
    req.on('error', reject);
    req.end();
  });
}

const CSP =
  "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; connect-src 'self'; font-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'self'";

describe('static app', () => {
  it('serves index.html with security headers and no-cache', async () => {
    const { url } = await app();
    const response = await fetch(`${url}/`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(response.headers.get('content-security-policy')).toBe(CSP);
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    expect(response.headers.get('referrer-policy')).toBe('strict-origin-when-cross-origin');
    expect(response.headers.get('x-frame-options')).toBe('SAMEORIGIN');
    expect(response.headers.get('cross-origin-opener-policy')).toBe('same-origin');
    expect(response.headers.get('permissions-policy')).toBe(
      'camera=(), microphone=(), geolocation=()',
    );
    expect(response.headers.get('cache-control')).toBe('no-cache');
    expect(await response.text()).toContain('<div id="root">');
  });

  it('lets EMBED_ORIGINS frame the app instead of X-Frame-Options', async () => {
    const { url } = await app({ EMBED_ORIGINS: 'https://portal.example.com' });
    const response = await fetch(`${url}/`);
    expect(response.headers.get('content-security-policy')).toContain(
      "frame-ancestors 'self' https://portal.example.com",
    );
    expect(response.headers.get('x-frame-options')).toBeNull();
  });

  it('falls back to index.html for app routes only', async () => {
    const { url } = await app();
    for (const route of [
      `/interviews/${SEED.interviews.active.id}`,
      '/interviews',
      '/anything/deep',
    ]) {
      const response = await fetch(`${url}${route}`);
      expect(response.status, route).toBe(200);
      expect(await response.text()).toContain('<div id="root">');
    }
    for (const missing of [
      '/missing.js',
      '/assets/nope-123.js',
      '/assets/nope',
      '/__sandbox-like.txt',
    ]) {
      expect((await fetch(`${url}${missing}`)).status, missing).toBe(404);
    }
  });

  it('caches hashed assets forever and compresses text', async () => {
    const { url } = await app();
    const response = await fetch(`${url}/assets/index-abc123.js`, {
      headers: { 'accept-encoding': 'gzip' },
    });
    expect(response.status).toBe(200);
    expect(response.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    expect(response.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    expect(response.headers.get('content-encoding')).toBe('gzip');
    expect(response.headers.get('vary')).toBe('Accept-Encoding');
    expect(await response.text()).toContain('console.log');

    const br = await fetch(`${url}/assets/index-abc123.js`, {
      headers: { 'accept-encoding': 'br, gzip' },
    });
    expect(br.headers.get('content-encoding')).toBe('br');
    expect(await br.text()).toContain('console.log');

    const etag = response.headers.get('etag') ?? '';
    const again = await fetch(`${url}/assets/index-abc123.js`, {
      headers: { 'if-none-match': etag },
    });
    expect(again.status).toBe(304);

    const png = await fetch(`${url}/assets/logo-def456.png`);
    expect(png.headers.get('content-type')).toBe('image/png');
    expect(png.headers.get('content-encoding')).toBeNull();
  });

  it('makes path traversal impossible', async () => {
    const { url } = await app();
    for (const attempt of [
      '/assets/../../package.json',
      '/assets/../../secret.txt',
      '/../secret.txt',
      '/assets/%2e%2e/%2e%2e/secret.txt',
      '/%2e%2e/secret.txt',
      '/assets/..%2f..%2fsecret.txt',
      '/assets/%2e%2e%2f%2e%2e%2fpackage.json',
      '/..%5csecret.txt',
      '/assets/%252e%252e/secret.txt',
      '/embed/../secret.txt',
      '/embed/%2e%2e/secret.txt',
      '/%00/secret.txt',
    ]) {
      const response = await rawGet(url, attempt);
      expect(response.body, attempt).not.toContain('TOP SECRET');
      expect(response.body, attempt).not.toContain('"name": "ontora-admin"');
      expect(
        response.status === 404 || response.status === 400 || response.body.includes('id="root"'),
        attempt,
      ).toBe(true);
    }
  });

  it('serves /embed with no-cache and CORS for embed origins; 404 when missing', async () => {
    const { url } = await app({ EMBED_ORIGINS: 'https://portal.example.com' });
    const response = await fetch(`${url}/embed/ontora-embed.js`, {
      headers: { origin: 'https://portal.example.com' },
    });
    expect(response.status).toBe(200);
    expect(response.headers.get('cache-control')).toBe('no-cache');
    expect(response.headers.get('access-control-allow-origin')).toBe('https://portal.example.com');
    expect((await fetch(`${url}/embed/missing.js`)).status).toBe(404);
  });

  it('still serves the API without a build and explains the HTML 503', async () => {
    const empty = mkdtempSync(path.join(tmpdir(), 'ontora-empty-'));
    const started = await startApp({ DIST_DIR: empty });
    running.push(started);
    const page = await fetch(`${started.url}/interviews/x`);
    expect(page.status).toBe(503);
    expect(await page.text()).toContain('npm run build');
    expect((await fetch(`${started.url}/healthz`)).status).toBe(200);
    expect((await fetch(`${started.url}/v1/interviews`)).status).toBe(200);
  });
});

describe('api routes', () => {
  it('answers /healthz with the mode', async () => {
    const { url } = await app();
    expect(await json(await fetch(`${url}/healthz`))).toEqual({ ok: true, mode: 'sandbox' });
    const forwarding = await app({ ONTORA_API_URL: 'http://127.0.0.1:9', ONTORA_API_KEY: 'k' });
    expect(await json(await fetch(`${forwarding.url}/healthz`))).toEqual({
      ok: true,
      mode: 'forwarding',
    });
  });

  it('serves /__sandbox in sandbox mode only', async () => {
    const sandbox = await app();
    expect((await fetch(`${sandbox.url}/__sandbox`)).status).toBe(200);
    const forwarding = await app({ ONTORA_API_URL: 'http://127.0.0.1:9', ONTORA_API_KEY: 'k' });
    expect((await fetch(`${forwarding.url}/__sandbox`)).status).toBe(404);
    expect((await fetch(`${forwarding.url}/__sandbox/reset`, { method: 'POST' })).status).toBe(405);
  });

  it('apiMiddleware calls next() for anything that is not API', () => {
    const instance = createApp(loadConfig({ LOG_LEVEL: 'silent' }), { logger: silentLogger });
    let called = false;
    instance.apiMiddleware(
      { url: '/src/main.tsx', method: 'GET', headers: {} } as never,
      {} as never,
      () => {
        called = true;
      },
    );
    expect(called).toBe(true);
    instance.close();
  });
});

describe('access control', () => {
  const TOKEN = 'correct-horse-battery-staple-42';

  it('requires the access token for /v1 and issues a strict cookie from the /access form', async () => {
    const { url } = await app({ ACCESS_TOKEN: TOKEN });
    const denied = await fetch(`${url}/v1/interviews`);
    expect(denied.status).toBe(401);
    expect(((await json(denied)) as { code: string }).code).toBe('access_denied');
    expect(
      (await fetch(`${url}/v1/interviews`, { headers: { 'x-access-token': TOKEN } })).status,
    ).toBe(200);
    expect((await fetch(`${url}/__sandbox`)).status).toBe(401);

    const page = await fetch(`${url}/interviews/x`, { redirect: 'manual' });
    expect(page.status).toBe(303);
    expect(page.headers.get('location')).toBe('/access?next=%2Finterviews%2Fx');

    const form = await fetch(`${url}/access`);
    expect(form.status).toBe(200);
    expect(await form.text()).toContain('method="post"');

    const wrong = await fetch(`${url}/access`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ token: 'nope', next: '/' }).toString(),
      redirect: 'manual',
    });
    expect(wrong.status).toBe(401);
    expect(wrong.headers.get('set-cookie')).toBeNull();

    const right = await fetch(`${url}/access`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ token: TOKEN, next: '//evil.example/x' }).toString(),
      redirect: 'manual',
    });
    expect(right.status).toBe(303);
    expect(right.headers.get('location')).toBe('/');
    const cookie = right.headers.get('set-cookie') ?? '';
    expect(cookie).toMatch(/^ontora_access=/);
    expect(cookie).toContain('HttpOnly');
    expect(cookie).toContain('SameSite=Strict');
    expect(cookie).not.toContain('Secure');

    const withCookie = { cookie: cookie.split(';')[0] ?? '' };
    expect((await fetch(`${url}/v1/interviews`, { headers: withCookie })).status).toBe(200);
    expect((await fetch(`${url}/interviews/x`, { headers: withCookie })).status).toBe(200);
  });

  it('marks the cookie Secure behind https', async () => {
    const { url } = await app({ ACCESS_TOKEN: TOKEN });
    const right = await fetch(`${url}/access`, {
      method: 'POST',
      headers: {
        'content-type': 'application/x-www-form-urlencoded',
        'x-forwarded-proto': 'https',
      },
      body: new URLSearchParams({ token: TOKEN }).toString(),
      redirect: 'manual',
    });
    expect(right.headers.get('set-cookie')).toContain('Secure');
  });

  it('requires the SSO proxy header when TRUST_PROXY_AUTH_HEADER is set', async () => {
    const { url } = await app({ TRUST_PROXY_AUTH_HEADER: 'X-Forwarded-User' });
    expect((await fetch(`${url}/v1/interviews`)).status).toBe(401);
    expect((await fetch(`${url}/`)).status).toBe(401);
    const headers = { 'x-forwarded-user': 'ada@example.com' };
    expect((await fetch(`${url}/v1/interviews`, { headers })).status).toBe(200);
    expect((await fetch(`${url}/`, { headers })).status).toBe(200);
    expect((await fetch(`${url}/healthz`)).status).toBe(200);
  });
});
