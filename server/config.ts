/**
 * Server configuration from environment variables. Every value is checked once, at startup, so
 * a typo fails loudly instead of surfacing later as odd behaviour.
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { DEFAULT_SANDBOX_API_KEY } from './sandbox/core.ts';
import { isLoopbackHost } from './http-util.ts';

export type LogLevel = 'debug' | 'info' | 'warn' | 'error' | 'silent';
const LOG_LEVELS: readonly LogLevel[] = ['debug', 'info', 'warn', 'error', 'silent'];

export interface UpstreamConfig {
  /** Base URL without a trailing slash, e.g. `https://api.ontora.com`. */
  url: string;
  apiKey: string | null;
  bearerToken: string | null;
  workspaceId: string | null;
}

export interface ServerConfig {
  mode: 'sandbox' | 'forwarding';
  port: number;
  host: string;
  /** Set in forwarding mode only. */
  upstream: UpstreamConfig | null;
  upstreamTimeoutMs: number;
  maxBodyBytes: number;
  accessToken: string | null;
  /** Lower-cased header name set by an SSO proxy, e.g. `x-forwarded-user`. */
  trustProxyAuthHeader: string | null;
  /** Exact origins (scheme://host[:port]) allowed to frame the app and call /v1 and /embed. */
  embedOrigins: string[];
  sandbox: { apiKey: string; rateLimit: number; rateWindowSeconds: number };
  distDir: string;
  /** `dist/embed`, next to DIST_DIR. */
  embedDir: string;
  logLevel: LogLevel;
  /** Settings the browser app reads at start-up (injected into index.html, no rebuild needed). */
  client: ClientConfig;
}

export interface ClientConfig {
  /** Per-attempt timeout of the browser's API requests. */
  requestTimeoutMs: number;
  /** ISO 3166-1 alpha-2 country for phone numbers typed without +country. */
  phoneCountry: string;
}

export class ConfigError extends Error {
  override name = 'ConfigError';
}

export const REPO_ROOT = path.resolve(fileURLToPath(new URL('.', import.meta.url)), '..');

function text(env: NodeJS.ProcessEnv, name: string): string | null {
  const value = env[name]?.trim();
  return value === undefined || value === '' ? null : value;
}

function integer(
  env: NodeJS.ProcessEnv,
  name: string,
  fallback: number,
  min: number,
  max: number,
): number {
  const raw = text(env, name);
  if (raw === null) return fallback;
  if (!/^\d+$/.test(raw) || Number(raw) < min || Number(raw) > max) {
    throw new ConfigError(`${name} must be an integer from ${min} to ${max}, got "${raw}"`);
  }
  return Number(raw);
}

function parseOrigin(raw: string): string {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new ConfigError(`EMBED_ORIGINS: "${raw}" is not a valid origin (scheme://host[:port])`);
  }
  if (
    (url.protocol !== 'https:' && url.protocol !== 'http:') ||
    url.origin !== raw.replace(/\/$/, '') ||
    url.username !== '' ||
    raw.includes('*')
  ) {
    throw new ConfigError(
      `EMBED_ORIGINS: "${raw}" must be an exact http(s) origin like https://portal.example.com, without path or wildcard`,
    );
  }
  return url.origin;
}

export function loadConfig(env: NodeJS.ProcessEnv): ServerConfig {
  const upstreamUrl = text(env, 'ONTORA_API_URL');
  let upstream: UpstreamConfig | null = null;
  if (upstreamUrl !== null) {
    let url: URL;
    try {
      url = new URL(upstreamUrl);
    } catch {
      throw new ConfigError(`ONTORA_API_URL is not a valid URL: "${upstreamUrl}"`);
    }
    if (url.protocol !== 'https:' && url.protocol !== 'http:') {
      throw new ConfigError('ONTORA_API_URL must be an http(s) URL');
    }
    if (url.search !== '' || url.hash !== '' || url.username !== '' || url.password !== '') {
      throw new ConfigError('ONTORA_API_URL must not carry credentials, a query or a fragment');
    }
    const workspaceId = text(env, 'ONTORA_WORKSPACE_ID');
    if (workspaceId !== null && !/^[A-Za-z0-9_-]{1,128}$/.test(workspaceId)) {
      throw new ConfigError('ONTORA_WORKSPACE_ID must be an id like a UUID');
    }
    upstream = {
      url: url.href.replace(/\/+$/, ''),
      apiKey: text(env, 'ONTORA_API_KEY'),
      bearerToken: text(env, 'ONTORA_BEARER_TOKEN'),
      workspaceId,
    };
  }

  const host = text(env, 'HOST') ?? '127.0.0.1';
  const accessToken = text(env, 'ACCESS_TOKEN');
  if (accessToken !== null && (accessToken.length < 16 || /[\s;,]/.test(accessToken))) {
    throw new ConfigError(
      'ACCESS_TOKEN must be at least 16 characters without spaces, commas or semicolons (e.g. `openssl rand -base64 24`)',
    );
  }
  const proxyHeader = text(env, 'TRUST_PROXY_AUTH_HEADER');
  if (proxyHeader !== null && !/^[A-Za-z0-9-]+$/.test(proxyHeader)) {
    throw new ConfigError('TRUST_PROXY_AUTH_HEADER must be a header name like X-Forwarded-User');
  }

  const logLevel = (text(env, 'LOG_LEVEL') ?? 'info').toLowerCase();
  if (!LOG_LEVELS.includes(logLevel as LogLevel)) {
    throw new ConfigError(`LOG_LEVEL must be one of ${LOG_LEVELS.join(', ')}`);
  }

  const phoneCountry = (text(env, 'PHONE_COUNTRY') ?? 'US').toUpperCase();
  if (!/^[A-Z]{2}$/.test(phoneCountry)) {
    throw new ConfigError(`PHONE_COUNTRY must be a two-letter country code, got "${phoneCountry}"`);
  }

  const sandboxKey = text(env, 'SANDBOX_API_KEY') ?? DEFAULT_SANDBOX_API_KEY;
  const distDir = path.resolve(REPO_ROOT, text(env, 'DIST_DIR') ?? 'dist/app');

  return {
    mode: upstream ? 'forwarding' : 'sandbox',
    port: integer(env, 'PORT', 5173, 0, 65535),
    host,
    upstream,
    upstreamTimeoutMs: integer(env, 'UPSTREAM_TIMEOUT_MS', 15_000, 1, 600_000),
    maxBodyBytes: integer(env, 'MAX_BODY_BYTES', 65_536, 1, 100 * 1024 * 1024),
    accessToken,
    trustProxyAuthHeader: proxyHeader?.toLowerCase() ?? null,
    embedOrigins: (text(env, 'EMBED_ORIGINS') ?? '')
      .split(',')
      .map((origin) => origin.trim())
      .filter((origin) => origin !== '')
      .map(parseOrigin),
    sandbox: {
      apiKey: sandboxKey,
      rateLimit: integer(env, 'SANDBOX_RATE_LIMIT', 600, 1, 1_000_000_000),
      rateWindowSeconds: integer(env, 'SANDBOX_RATE_WINDOW_SECONDS', 60, 1, 86_400),
    },
    distDir,
    embedDir: path.join(path.dirname(distDir), 'embed'),
    logLevel: logLevel as LogLevel,
    client: {
      requestTimeoutMs: integer(env, 'REQUEST_TIMEOUT_MS', 20_000, 1_000, 300_000),
      phoneCountry,
    },
  };
}

/**
 * Forwarding mode lends the workspace's API key to anyone who can reach the server, so binding
 * beyond loopback requires some access control in front of /v1.
 */
export function assertSafeBinding(config: ServerConfig): void {
  if (config.mode !== 'forwarding' || isLoopbackHost(config.host)) return;
  if (config.accessToken !== null || config.trustProxyAuthHeader !== null) return;
  throw new ConfigError(
    `Refusing to start: forwarding mode on HOST=${config.host} would expose the Ontora API key to anyone who can reach this server. ` +
      'Set ACCESS_TOKEN (built-in sign-in at /access) or TRUST_PROXY_AUTH_HEADER (behind an SSO proxy), or bind HOST=127.0.0.1.',
  );
}
