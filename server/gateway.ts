/**
 * The /v1 gateway: the browser's only way to the Ontora API. It holds the credentials server-side,
 * lets through only the calls the app makes, and turns upstream failures into Ontora-shaped errors.
 * Sandbox mode answers in-process from the sandbox core; forwarding mode proxies to ONTORA_API_URL.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { ServerConfig } from './config.ts';
import { BodyTooLargeError, flatHeaders, readBody, sendJson, splitUrl } from './http-util.ts';
import { requestIdFrom } from './request-id.ts';
import type { Sandbox } from './sandbox/core.ts';
import { classifyOrigin, corsHeaders, isAuthorized, preflightHeaders } from './security.ts';

const ID = '[A-Za-z0-9_-]+';
/** What the app uses, and nothing else: the key must not become a general-purpose Ontora proxy. */
const ALLOWED_ROUTES: { pattern: RegExp; methods: string[] }[] = [
  { pattern: /^\/v1\/interviews$/, methods: ['GET'] },
  { pattern: new RegExp(`^/v1/interviews/${ID}$`), methods: ['GET'] },
  { pattern: new RegExp(`^/v1/interviews/${ID}/contacts$`), methods: ['GET', 'POST'] },
  { pattern: new RegExp(`^/v1/interviews/${ID}/contacts/bulk$`), methods: ['POST'] },
  { pattern: new RegExp(`^/v1/interviews/${ID}/question-sets$`), methods: ['GET'] },
];

const FORWARD_REQUEST_HEADERS = ['content-type', 'accept', 'idempotency-key'];
const COPY_RESPONSE_HEADERS = [
  'content-type',
  'x-request-id',
  'retry-after',
  'x-ratelimit-limit',
  'x-ratelimit-remaining',
  'x-ratelimit-reset',
  'idempotent-replayed',
  'allow',
];

export function allowedMethods(path: string): string[] | null {
  return ALLOWED_ROUTES.find((route) => route.pattern.test(path))?.methods ?? null;
}

interface Answer {
  status: number;
  headers: Record<string, string>;
  body: string;
}

const errorAnswer = (status: number, detail: string, code: string, extra = {}): Answer => ({
  status,
  headers: { 'content-type': 'application/json', ...extra },
  body: JSON.stringify({ detail, code }),
});

class ClientGone extends Error {}

export interface GatewayOptions {
  config: ServerConfig;
  /** Required in sandbox mode. */
  sandbox?: Sandbox;
}

export function createGateway({ config, sandbox }: GatewayOptions) {
  if (config.mode === 'sandbox' && !sandbox) throw new Error('Sandbox mode needs a sandbox');
  const secrets = [config.upstream?.apiKey, config.upstream?.bearerToken].filter(
    (value): value is string => typeof value === 'string' && value.length > 0,
  );
  const scrub = (value: string) =>
    secrets.reduce((text, secret) => text.split(secret).join('[redacted]'), value);

  /** Settles with 'timeout' after `ms`, or 'gone' as soon as the browser disconnects. */
  function deadline(ms: number, res: ServerResponse) {
    let cancel: () => void = () => undefined;
    const promise = new Promise<{ kind: 'timeout' | 'gone' }>((resolve) => {
      const onClose = () => {
        clearTimeout(timer);
        resolve({ kind: 'gone' });
      };
      const timer = setTimeout(() => {
        res.off('close', onClose);
        resolve({ kind: 'timeout' });
      }, ms);
      res.once('close', onClose);
      cancel = () => {
        clearTimeout(timer);
        res.off('close', onClose);
      };
    });
    return { promise, cancel };
  }

  async function viaSandbox(
    res: ServerResponse,
    outgoing: { method: string; path: string; query: URLSearchParams; body: Buffer },
    headers: Record<string, string | undefined>,
  ): Promise<Answer | 'drop'> {
    if (!sandbox) throw new Error('no sandbox');
    const limit = deadline(config.upstreamTimeoutMs, res);
    // The sandbox key decides in sandbox mode, so a Bearer token from an embed host is carried
    // along but never needed.
    const work = sandbox.handle({
      ...outgoing,
      headers: { ...headers, 'x-api-key': sandbox.apiKey },
    });
    let result = await Promise.race([work, limit.promise]);
    // Same as an upstream that never answers in forwarding mode: 504 after the timeout.
    if (result.kind === 'hang') result = await limit.promise;
    limit.cancel();
    switch (result.kind) {
      case 'gone':
        throw new ClientGone();
      case 'timeout':
        return errorAnswer(504, 'Upstream Ontora API timed out', 'upstream_timeout');
      case 'drop':
        // Lets e2e tests see a real network failure in the browser.
        return 'drop';
      case 'response':
        return { status: result.status, headers: result.headers, body: result.body };
    }
  }

  async function viaUpstream(
    res: ServerResponse,
    outgoing: { method: string; path: string; query: URLSearchParams; body: Buffer },
    headers: Record<string, string | undefined>,
  ): Promise<Answer> {
    const upstream = config.upstream;
    if (!upstream) throw new Error('no upstream');
    const query = outgoing.query.toString();
    const url = `${upstream.url}${outgoing.path}${query ? `?${query}` : ''}`;
    const send: Record<string, string> = {};
    for (const [name, value] of Object.entries(headers)) {
      if (value !== undefined) send[name] = value;
    }
    if (upstream.apiKey) send['x-api-key'] = upstream.apiKey;
    if (upstream.bearerToken) send.authorization = `Bearer ${upstream.bearerToken}`;

    const clientGone = new AbortController();
    const onClose = () => {
      if (!res.writableFinished) clientGone.abort();
    };
    res.once('close', onClose);
    const signal = AbortSignal.any([
      AbortSignal.timeout(config.upstreamTimeoutMs),
      clientGone.signal,
    ]);
    try {
      const response = await fetch(url, {
        method: outgoing.method,
        headers: send,
        body: outgoing.method === 'GET' ? undefined : new Uint8Array(outgoing.body),
        // A redirect would carry the key to wherever it points.
        redirect: 'manual',
        signal,
      });
      const body = await response.text();
      if (response.status >= 300 && response.status < 400) {
        return errorAnswer(502, 'Unexpected redirect from the Ontora API', 'upstream_bad_response');
      }
      const copied: Record<string, string> = {};
      for (const name of COPY_RESPONSE_HEADERS) {
        const value = response.headers.get(name);
        if (value !== null) copied[name] = scrub(value);
      }
      return { status: response.status, headers: copied, body: scrub(body) };
    } catch {
      if (clientGone.signal.aborted) throw new ClientGone();
      if (signal.aborted) {
        return errorAnswer(504, 'Upstream Ontora API timed out', 'upstream_timeout');
      }
      return errorAnswer(502, 'Could not reach the Ontora API', 'upstream_unreachable');
    } finally {
      res.off('close', onClose);
    }
  }

  /** Handles any /v1 request. Resolves once the response is written (or the client is gone). */
  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const requestId = requestIdFrom(req.headers['x-request-id']);
    const method = (req.method ?? 'GET').toUpperCase();
    const { path, search } = splitUrl(req.url);
    const verdict = classifyOrigin(req, config);
    const origin = req.headers.origin;
    const cors = verdict === 'allowed' && origin !== undefined ? corsHeaders(origin) : {};
    const base = { 'x-request-id': requestId, ...cors };
    const methods = allowedMethods(path);

    const finish = (answer: Answer) => {
      if (res.headersSent || res.destroyed) return;
      res.writeHead(answer.status, {
        ...answer.headers,
        ...base,
        // The upstream's id wins so support can trace it; ours is only a fallback.
        'x-request-id': answer.headers['x-request-id'] ?? requestId,
        'cache-control': 'no-store',
        'content-length': Buffer.byteLength(answer.body),
      });
      res.end(answer.body);
    };

    if (method === 'OPTIONS') {
      if (verdict !== 'allowed' || origin === undefined) {
        sendJson(res, 403, { detail: 'Origin not allowed', code: 'origin_forbidden' }, base);
        return;
      }
      res.writeHead(204, { ...preflightHeaders(origin, (methods ?? ['GET']).join(', ')), ...base });
      res.end();
      return;
    }
    if (verdict === 'forbidden') {
      finish(errorAnswer(403, 'Origin not allowed', 'origin_forbidden'));
      return;
    }
    if (!isAuthorized(req, config)) {
      finish(
        errorAnswer(
          401,
          config.accessToken !== null
            ? 'Sign in at /access to use this server'
            : 'Missing identity from the sign-in proxy',
          'access_denied',
        ),
      );
      return;
    }
    if (!methods) {
      finish(errorAnswer(404, 'Not found', 'not_found'));
      return;
    }
    if (!methods.includes(method)) {
      finish({
        ...errorAnswer(405, 'Method Not Allowed', 'method_not_allowed'),
        headers: { 'content-type': 'application/json', allow: methods.join(', ') },
      });
      return;
    }

    let body: Buffer;
    try {
      body = await readBody(req, config.maxBodyBytes);
    } catch (error) {
      if (error instanceof BodyTooLargeError) {
        // Close so the client stops uploading the rest.
        res.setHeader('connection', 'close');
        finish(
          errorAnswer(
            413,
            `Request body exceeds ${config.maxBodyBytes} bytes`,
            'payload_too_large',
          ),
        );
        return;
      }
      throw error;
    }

    const query = new URLSearchParams(search);
    if (path === '/v1/interviews' && !query.has('workspace_id')) {
      const workspace =
        config.mode === 'sandbox' ? sandbox?.workspaceId : config.upstream?.workspaceId;
      if (workspace) query.set('workspace_id', workspace);
    }
    const incoming = flatHeaders(req.headers);
    const headers: Record<string, string | undefined> = { 'x-request-id': requestId };
    for (const name of FORWARD_REQUEST_HEADERS) headers[name] = incoming[name];
    // The browser's own Authorization (an embed host's token) is used unless the server has one.
    if (!config.upstream?.bearerToken) headers.authorization = incoming.authorization;
    // Any browser-sent X-API-Key is dropped: only the server's key is ever used.
    const outgoing = { method, path, query, body };

    try {
      const answer =
        config.mode === 'sandbox'
          ? await viaSandbox(res, outgoing, headers)
          : await viaUpstream(res, outgoing, headers);
      if (answer === 'drop') {
        req.socket.destroy();
        return;
      }
      finish(answer);
    } catch (error) {
      if (error instanceof ClientGone) return;
      throw error;
    }
  }

  return { handle };
}

export type Gateway = ReturnType<typeof createGateway>;
