import { createServer, type IncomingMessage, type Server } from 'node:http';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { ContactOutSchema, ErrorBodySchema, InterviewListSchema } from '../src/contracts/ontora.ts';
import { SEED, createSandboxServer, type SandboxServer } from './sandbox/index.ts';
import { closeServer, json, listen, startApp, type RunningApp } from './test-support.ts';

const ACTIVE = SEED.interviews.active.id;
const CONTACTS = `/v1/interviews/${ACTIVE}/contacts`;
const SECRET_KEY = 'ont_live_SuperSecretKey_9f8e7d6c5b4a';

const running: { close(): Promise<void> }[] = [];
afterEach(async () => {
  await Promise.all(running.splice(0).map((r) => r.close()));
});

async function app(env: NodeJS.ProcessEnv): Promise<RunningApp> {
  const started = await startApp(env);
  running.push(started);
  return started;
}

const postJson = (url: string, body: unknown, headers: Record<string, string> = {}) =>
  fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify(body),
  });

/** An upstream that records what reached it and answers `{}` (or never answers). */
async function recorder(mode: 'answer' | 'hang' = 'answer') {
  const seen: { method: string; url: string; headers: IncomingMessage['headers'] }[] = [];
  const server: Server = createServer((req, res) => {
    seen.push({ method: req.method ?? '', url: req.url ?? '', headers: req.headers });
    if (mode === 'hang') return;
    res.writeHead(200, { 'content-type': 'application/json', 'x-internal-secret': 'nope' });
    res.end('[]');
  });
  const url = await listen(server);
  running.push({ close: () => closeServer(server) });
  return { url, seen };
}

describe('sandbox mode', () => {
  it('adds the key itself: a browser request without a key creates a contact', async () => {
    const { url } = await app({});
    const response = await postJson(`${url}${CONTACTS}`, { name: 'Via gateway' });
    expect(response.status).toBe(201);
    ContactOutSchema.parse(await json(response));
    expect(response.headers.get('x-request-id')).toMatch(/^req_/);
    expect(response.headers.get('x-ratelimit-limit')).toBe('600');
  });

  it('ignores a browser-sent X-API-Key', async () => {
    const { url } = await app({});
    const response = await fetch(`${url}${CONTACTS}`, { headers: { 'x-api-key': 'ont_wrong' } });
    expect(response.status).toBe(200);
  });

  it('adds workspace_id to GET /v1/interviews', async () => {
    const { url } = await app({});
    const response = await fetch(`${url}/v1/interviews`);
    expect(response.status).toBe(200);
    expect(InterviewListSchema.parse(await json(response)).length).toBeGreaterThanOrEqual(4);
  });

  it('turns an injected hang into 504 after UPSTREAM_TIMEOUT_MS', async () => {
    const { url } = await app({ UPSTREAM_TIMEOUT_MS: '300' });
    await postJson(`${url}/__sandbox/faults`, { action: 'hang' });
    const response = await fetch(`${url}${CONTACTS}`);
    expect(response.status).toBe(504);
    expect(ErrorBodySchema.parse(await json(response)).code).toBe('upstream_timeout');
    expect(response.headers.get('x-request-id')).toMatch(/^req_/);
  });

  it('passes an injected drop to the browser as a network error', async () => {
    const { url } = await app({});
    await postJson(`${url}/__sandbox/faults`, { action: 'drop' });
    await expect(fetch(`${url}${CONTACTS}`)).rejects.toThrow();
  });
});

describe('forwarding mode', () => {
  let upstream: SandboxServer;
  let upstreamUrl: string;
  beforeAll(async () => {
    upstream = createSandboxServer({ apiKey: SECRET_KEY });
    upstreamUrl = await upstream.listen();
  });
  afterAll(async () => {
    await upstream.close();
  });

  const forwarding = (extra: NodeJS.ProcessEnv = {}) =>
    app({
      ONTORA_API_URL: upstreamUrl,
      ONTORA_API_KEY: SECRET_KEY,
      ONTORA_WORKSPACE_ID: SEED.workspaceId,
      ...extra,
    });

  it('adds the configured key and never reveals it', async () => {
    const { url } = await forwarding();
    const created = await postJson(`${url}${CONTACTS}`, { name: 'Forwarded' });
    expect(created.status).toBe(201);
    ContactOutSchema.parse(await json(created));

    // An upstream that echoes the key (in body and headers) must not leak it either.
    await fetch(`${upstreamUrl}/__sandbox/faults`, {
      method: 'POST',
      body: JSON.stringify({
        status: 401,
        body: { detail: `Key ${SECRET_KEY} was revoked` },
        headers: { 'x-request-id': `id-${SECRET_KEY}`, 'x-debug-key': SECRET_KEY },
      }),
    });
    const responses = [
      await fetch(`${url}${CONTACTS}`),
      await fetch(`${url}/v1/interviews`),
      await fetch(`${url}/v1/nope`),
    ];
    expect(responses[0]?.status).toBe(401);
    for (const response of responses) {
      const text = await response.text();
      expect(text).not.toContain(SECRET_KEY);
      for (const [, value] of response.headers) expect(value).not.toContain(SECRET_KEY);
    }
  });

  it('adds workspace_id from ONTORA_WORKSPACE_ID', async () => {
    const { url } = await forwarding();
    const response = await fetch(`${url}/v1/interviews`);
    expect(response.status).toBe(200);
    expect(InterviewListSchema.parse(await json(response)).length).toBeGreaterThanOrEqual(4);
  });

  it('passes rate-limit headers and upstream errors through', async () => {
    const { url } = await forwarding();
    const response = await fetch(`${url}/v1/interviews/99999999-9999-4999-8999-999999999999`);
    expect(response.status).toBe(404);
    expect(response.headers.get('x-ratelimit-limit')).toBe('600');
    expect(ErrorBodySchema.parse(await json(response)).code).toBe('not_found');
  });

  it('forwards only the allowed headers, replacing the browser key', async () => {
    const up = await recorder();
    const { url } = await app({ ONTORA_API_URL: up.url, ONTORA_API_KEY: SECRET_KEY });
    const response = await fetch(`${url}${CONTACTS}?x=1`, {
      headers: {
        'x-api-key': 'browser-key',
        authorization: 'Bearer host-token',
        cookie: 'session=abc',
        'idempotency-key': 'k1',
        'x-request-id': 'trace-1',
      },
    });
    expect(response.status).toBe(200);
    expect(response.headers.get('x-internal-secret')).toBeNull();
    const [seen] = up.seen;
    expect(seen?.url).toBe(`${CONTACTS}?x=1`);
    expect(seen?.headers['x-api-key']).toBe(SECRET_KEY);
    expect(seen?.headers.authorization).toBe('Bearer host-token');
    expect(seen?.headers.cookie).toBeUndefined();
    expect(seen?.headers['idempotency-key']).toBe('k1');
    expect(seen?.headers['x-request-id']).toBe('trace-1');
  });

  it('uses ONTORA_BEARER_TOKEN over the browser token', async () => {
    const up = await recorder();
    const { url } = await app({ ONTORA_API_URL: up.url, ONTORA_BEARER_TOKEN: 'server-token' });
    await fetch(`${url}${CONTACTS}`, { headers: { authorization: 'Bearer host-token' } });
    expect(up.seen[0]?.headers.authorization).toBe('Bearer server-token');
    expect(up.seen[0]?.headers['x-api-key']).toBeUndefined();
  });

  it('refuses paths outside the allow-list without contacting upstream', async () => {
    const up = await recorder();
    const { url } = await app({ ONTORA_API_URL: up.url, ONTORA_API_KEY: SECRET_KEY });
    for (const path of [
      '/v1/booking/abc',
      '/v1/api-keys',
      '/v1/interviews/abc/contacts/import',
      '/v1/interviews/a%2Fb/contacts',
      '/v1/interviews/abc/contacts/',
      '/v1',
    ]) {
      const response = await fetch(`${url}${path}`);
      expect(response.status, path).toBe(404);
      expect(await json(response)).toEqual({ detail: 'Not found', code: 'not_found' });
    }
    const wrongMethod = await fetch(`${url}${CONTACTS}`, { method: 'DELETE' });
    expect(wrongMethod.status).toBe(405);
    expect(wrongMethod.headers.get('allow')).toBe('GET, POST');
    expect(up.seen).toHaveLength(0);
  });

  it('answers 504 when upstream never answers', async () => {
    const up = await recorder('hang');
    const { url } = await app({ ONTORA_API_URL: up.url, UPSTREAM_TIMEOUT_MS: '300' });
    const response = await fetch(`${url}${CONTACTS}`);
    expect(response.status).toBe(504);
    expect(ErrorBodySchema.parse(await json(response)).code).toBe('upstream_timeout');
    expect(response.headers.get('x-request-id')).toBeTruthy();
  });

  it('answers 502 when upstream is unreachable', async () => {
    const closed = createServer();
    const deadUrl = await listen(closed);
    await closeServer(closed);
    const { url } = await app({ ONTORA_API_URL: deadUrl });
    const response = await fetch(`${url}${CONTACTS}`);
    expect(response.status).toBe(502);
    expect(ErrorBodySchema.parse(await json(response)).code).toBe('upstream_unreachable');
    expect(response.headers.get('x-request-id')).toBeTruthy();
  });

  it('answers 413 for bodies over MAX_BODY_BYTES, declared or streamed', async () => {
    const up = await recorder();
    const { url } = await app({ ONTORA_API_URL: up.url, MAX_BODY_BYTES: '1000' });
    const big = JSON.stringify({ name: 'x'.repeat(2000) });
    const declared = await fetch(`${url}${CONTACTS}`, { method: 'POST', body: big });
    expect(declared.status).toBe(413);
    expect(ErrorBodySchema.parse(await json(declared)).code).toBe('payload_too_large');

    const stream = new ReadableStream<Uint8Array>({
      start(controller) {
        for (let i = 0; i < 5; i++) controller.enqueue(new TextEncoder().encode('y'.repeat(400)));
        controller.close();
      },
    });
    const streamed = await fetch(`${url}${CONTACTS}`, {
      method: 'POST',
      body: stream,
      duplex: 'half',
    } as RequestInit);
    expect(streamed.status).toBe(413);
    expect(up.seen).toHaveLength(0);
  });
});

describe('origins and CORS', () => {
  const PORTAL = 'https://portal.example.com';

  it('answers preflight for allowed origins and refuses others', async () => {
    const { url } = await app({ EMBED_ORIGINS: `${PORTAL}, https://intranet.example.org` });
    const ok = await fetch(`${url}${CONTACTS}`, {
      method: 'OPTIONS',
      headers: { origin: PORTAL, 'access-control-request-method': 'POST' },
    });
    expect(ok.status).toBe(204);
    expect(ok.headers.get('access-control-allow-origin')).toBe(PORTAL);
    expect(ok.headers.get('access-control-allow-headers')).toContain('idempotency-key');
    expect(ok.headers.get('vary')).toBe('Origin');

    const denied = await fetch(`${url}${CONTACTS}`, {
      method: 'OPTIONS',
      headers: { origin: 'https://evil.example', 'access-control-request-method': 'POST' },
    });
    expect(denied.status).toBe(403);
    expect(denied.headers.get('access-control-allow-origin')).toBeNull();
  });

  it('adds CORS headers for allowed origins and refuses cross-site callers', async () => {
    const { url } = await app({ EMBED_ORIGINS: PORTAL });
    const allowed = await fetch(`${url}${CONTACTS}`, { headers: { origin: PORTAL } });
    expect(allowed.status).toBe(200);
    expect(allowed.headers.get('access-control-allow-origin')).toBe(PORTAL);
    expect(allowed.headers.get('access-control-expose-headers')).toContain('x-request-id');

    const evil = await postJson(
      `${url}${CONTACTS}`,
      { name: 'CSRF' },
      { origin: 'https://evil.example' },
    );
    expect(evil.status).toBe(403);
    expect(ErrorBodySchema.parse(await json(evil)).code).toBe('origin_forbidden');

    const same = await postJson(`${url}${CONTACTS}`, { name: 'Same origin' }, { origin: url });
    expect(same.status).toBe(201);
    expect(same.headers.get('access-control-allow-origin')).toBeNull();
  });
});
