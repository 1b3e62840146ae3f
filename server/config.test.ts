import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfigError, REPO_ROOT, assertSafeBinding, loadConfig } from './config.ts';

describe('loadConfig', () => {
  it('defaults to sandbox mode on loopback', () => {
    const config = loadConfig({});
    expect(config).toMatchObject({
      mode: 'sandbox',
      port: 5173,
      host: '127.0.0.1',
      upstream: null,
      upstreamTimeoutMs: 15000,
      maxBodyBytes: 65536,
      accessToken: null,
      trustProxyAuthHeader: null,
      embedOrigins: [],
      sandbox: { apiKey: 'ont_sandbox_key', rateLimit: 600, rateWindowSeconds: 60 },
      logLevel: 'info',
    });
    expect(config.distDir).toBe(path.join(REPO_ROOT, 'dist', 'app'));
    expect(config.embedDir).toBe(path.join(REPO_ROOT, 'dist', 'embed'));
  });

  it('switches to forwarding mode when ONTORA_API_URL is set', () => {
    const config = loadConfig({
      ONTORA_API_URL: 'https://api.ontora.com/',
      ONTORA_API_KEY: 'ont_live_x',
      ONTORA_WORKSPACE_ID: 'ws_123',
      EMBED_ORIGINS: 'https://a.example.com, https://b.example.com:8443',
      TRUST_PROXY_AUTH_HEADER: 'X-Forwarded-User',
    });
    expect(config.mode).toBe('forwarding');
    expect(config.upstream).toEqual({
      url: 'https://api.ontora.com',
      apiKey: 'ont_live_x',
      bearerToken: null,
      workspaceId: 'ws_123',
    });
    expect(config.embedOrigins).toEqual(['https://a.example.com', 'https://b.example.com:8443']);
    expect(config.trustProxyAuthHeader).toBe('x-forwarded-user');
  });

  it.each([
    [{ PORT: 'abc' }, /PORT/],
    [{ PORT: '70000' }, /PORT/],
    [{ UPSTREAM_TIMEOUT_MS: '0' }, /UPSTREAM_TIMEOUT_MS/],
    [{ MAX_BODY_BYTES: '-1' }, /MAX_BODY_BYTES/],
    [{ ONTORA_API_URL: 'not a url' }, /ONTORA_API_URL/],
    [{ ONTORA_API_URL: 'ftp://x.example' }, /ONTORA_API_URL/],
    [{ ONTORA_API_URL: 'https://user:pw@x.example' }, /ONTORA_API_URL/],
    [{ EMBED_ORIGINS: '*' }, /EMBED_ORIGINS/],
    [{ EMBED_ORIGINS: 'https://a.example.com/path' }, /EMBED_ORIGINS/],
    [{ LOG_LEVEL: 'loud' }, /LOG_LEVEL/],
    [{ ACCESS_TOKEN: 'short' }, /ACCESS_TOKEN/],
    [{ TRUST_PROXY_AUTH_HEADER: 'X User' }, /TRUST_PROXY_AUTH_HEADER/],
    [{ SANDBOX_RATE_LIMIT: '0' }, /SANDBOX_RATE_LIMIT/],
  ])('refuses %o', (env, message) => {
    expect(() => loadConfig(env)).toThrow(ConfigError);
    expect(() => loadConfig(env)).toThrow(message);
  });
});

describe('assertSafeBinding', () => {
  const forwarding = { ONTORA_API_URL: 'https://api.ontora.com', ONTORA_API_KEY: 'k' };

  it('refuses forwarding mode on a public interface without access control', () => {
    for (const HOST of ['0.0.0.0', '::', '192.168.1.10']) {
      expect(() => {
        assertSafeBinding(loadConfig({ ...forwarding, HOST }));
      }).toThrow(/ACCESS_TOKEN|TRUST_PROXY_AUTH_HEADER/);
    }
  });

  it('allows loopback, access control, or sandbox mode', () => {
    const ok = [
      { ...forwarding, HOST: '127.0.0.1' },
      { ...forwarding, HOST: 'localhost' },
      { ...forwarding, HOST: '::1' },
      { ...forwarding, HOST: '0.0.0.0', ACCESS_TOKEN: 'a-long-enough-token-123' },
      { ...forwarding, HOST: '0.0.0.0', TRUST_PROXY_AUTH_HEADER: 'X-Forwarded-User' },
      { HOST: '0.0.0.0' },
    ];
    for (const env of ok) {
      expect(() => {
        assertSafeBinding(loadConfig(env));
      }).not.toThrow();
    }
  });
});
