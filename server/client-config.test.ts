import { describe, expect, it } from 'vitest';
import { injectClientConfig } from './app.ts';
import { ConfigError, loadConfig } from './config.ts';

describe('browser runtime settings', () => {
  it('default to a 20 s timeout and US phone numbers, and follow the environment', () => {
    expect(loadConfig({}).client).toEqual({ requestTimeoutMs: 20_000, phoneCountry: 'US' });
    expect(loadConfig({ REQUEST_TIMEOUT_MS: '3000', PHONE_COUNTRY: 'gb' }).client).toEqual({
      requestTimeoutMs: 3000,
      phoneCountry: 'GB',
    });
  });

  it('refuse values that make no sense', () => {
    expect(() => loadConfig({ PHONE_COUNTRY: 'Britain' })).toThrow(ConfigError);
    expect(() => loadConfig({ REQUEST_TIMEOUT_MS: '10' })).toThrow(ConfigError);
  });

  it('go into index.html as an escaped meta tag, never as script', () => {
    const html = injectClientConfig('<html><head><title>x</title></head><body></body></html>', {
      requestTimeoutMs: 5000,
      phoneCountry: 'DE',
    });
    expect(html).toContain(
      '<meta name="ontora-config" content="{&quot;requestTimeoutMs&quot;:5000,&quot;phoneCountry&quot;:&quot;DE&quot;}" />',
    );
    expect(html).not.toContain('<script');
  });
});
