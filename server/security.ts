/** Browser-facing protections: security headers, CORS for embed origins, and access control. */
import { createHash, timingSafeEqual } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import type { ServerConfig } from './config.ts';

export const ACCESS_COOKIE = 'ontora_access';

const CORS_ALLOW_HEADERS = 'content-type, authorization, idempotency-key, x-request-id';
const CORS_EXPOSE_HEADERS =
  'x-request-id, retry-after, x-ratelimit-limit, x-ratelimit-remaining, x-ratelimit-reset, idempotent-replayed';

/**
 * Sent on every response. `style-src 'unsafe-inline'` because React style props and the
 * virtualised lists set inline styles; scripts stay strictly external. Framing is limited to
 * this origin plus EMBED_ORIGINS (the portals allowed to embed the app).
 */
export function securityHeaders(config: ServerConfig): Record<string, string> {
  const frameAncestors = ["'self'", ...config.embedOrigins].join(' ');
  const headers: Record<string, string> = {
    'content-security-policy': [
      "default-src 'self'",
      "script-src 'self'",
      "style-src 'self' 'unsafe-inline'",
      "img-src 'self' data:",
      "connect-src 'self'",
      "font-src 'self'",
      "object-src 'none'",
      "base-uri 'self'",
      "form-action 'self'",
      `frame-ancestors ${frameAncestors}`,
    ].join('; '),
    'x-content-type-options': 'nosniff',
    'referrer-policy': 'strict-origin-when-cross-origin',
    'cross-origin-opener-policy': 'same-origin',
    'permissions-policy': 'camera=(), microphone=(), geolocation=()',
  };
  // Old browsers ignore frame-ancestors; X-Frame-Options cannot list other origins, so it is
  // only sent when nobody else may frame the app.
  if (config.embedOrigins.length === 0) headers['x-frame-options'] = 'SAMEORIGIN';
  return headers;
}

export type OriginVerdict = 'none' | 'same' | 'allowed' | 'forbidden';

/**
 * Who is calling. Same-origin calls (the app itself) and EMBED_ORIGINS pass; any other site is
 * refused outright, so a page elsewhere cannot spend the server-side key through a simple POST.
 */
export function classifyOrigin(req: IncomingMessage, config: ServerConfig): OriginVerdict {
  const origin = req.headers.origin;
  if (origin === undefined) {
    const site = req.headers['sec-fetch-site'];
    return site === 'cross-site' || site === 'same-site' ? 'forbidden' : 'none';
  }
  if (config.embedOrigins.includes(origin)) return 'allowed';
  const hosts = [req.headers.host, req.headers['x-forwarded-host']].filter(
    (value): value is string => typeof value === 'string',
  );
  try {
    const { host } = new URL(origin);
    if (hosts.some((candidate) => candidate.toLowerCase() === host.toLowerCase())) return 'same';
  } catch {
    return 'forbidden';
  }
  return 'forbidden';
}

export function corsHeaders(origin: string): Record<string, string> {
  return {
    'access-control-allow-origin': origin,
    'access-control-expose-headers': CORS_EXPOSE_HEADERS,
    vary: 'Origin',
  };
}

export function preflightHeaders(origin: string, methods: string): Record<string, string> {
  return {
    ...corsHeaders(origin),
    'access-control-allow-methods': methods,
    'access-control-allow-headers': CORS_ALLOW_HEADERS,
    'access-control-max-age': '600',
  };
}

function digest(value: string): Buffer {
  return createHash('sha256').update(value).digest();
}

/** Constant-time: hashing first makes lengths equal so timingSafeEqual never throws. */
export function safeEqual(a: string, b: string): boolean {
  return timingSafeEqual(digest(a), digest(b));
}

export function readCookie(req: IncomingMessage, name: string): string | null {
  for (const part of (req.headers.cookie ?? '').split(';')) {
    const eq = part.indexOf('=');
    if (eq === -1 || part.slice(0, eq).trim() !== name) continue;
    try {
      return decodeURIComponent(part.slice(eq + 1).trim());
    } catch {
      return null;
    }
  }
  return null;
}

export function hasValidAccessToken(req: IncomingMessage, config: ServerConfig): boolean {
  if (config.accessToken === null) return true;
  const header = req.headers['x-access-token'];
  const presented = (typeof header === 'string' ? header : null) ?? readCookie(req, ACCESS_COOKIE);
  return presented !== null && safeEqual(presented, config.accessToken);
}

export function hasProxyIdentity(req: IncomingMessage, config: ServerConfig): boolean {
  if (config.trustProxyAuthHeader === null) return true;
  const value = req.headers[config.trustProxyAuthHeader];
  return typeof value === 'string' && value.trim() !== '';
}

/** Every configured mechanism must pass (both, when both are configured). */
export function isAuthorized(req: IncomingMessage, config: ServerConfig): boolean {
  return hasProxyIdentity(req, config) && hasValidAccessToken(req, config);
}

export function isHttps(req: IncomingMessage): boolean {
  return (
    ('encrypted' in req.socket && req.socket.encrypted === true) ||
    req.headers['x-forwarded-proto'] === 'https'
  );
}

export function accessCookie(token: string, secure: boolean): string {
  return [
    `${ACCESS_COOKIE}=${encodeURIComponent(token)}`,
    'Path=/',
    'HttpOnly',
    'SameSite=Strict',
    'Max-Age=43200',
    ...(secure ? ['Secure'] : []),
  ].join('; ');
}

/** Only same-site relative paths, so the sign-in page cannot be used as an open redirect. */
export function safeNextPath(value: string | null | undefined): string {
  if (!value || !value.startsWith('/') || value.startsWith('//') || value.includes('\\'))
    return '/';
  // eslint-disable-next-line no-control-regex -- control characters are exactly what is refused
  if (/[\u0000-\u001f]/.test(value)) return '/';
  return value;
}
