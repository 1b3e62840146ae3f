/**
 * Settings of the standalone app. The server puts runtime values into index.html as
 * `<meta name="ontora-config" content="{json}">` (from REQUEST_TIMEOUT_MS and PHONE_COUNTRY);
 * Vite `VITE_*` variables are the build-time fallback, e.g. under `npm run dev`. The embed takes
 * its settings from element attributes instead.
 */
interface RuntimeConfig {
  requestTimeoutMs?: unknown;
  phoneCountry?: unknown;
}

function readRuntimeConfig(): RuntimeConfig {
  if (typeof document === 'undefined') return {};
  const content = document.querySelector('meta[name="ontora-config"]')?.getAttribute('content');
  if (!content) return {};
  try {
    const parsed: unknown = JSON.parse(content);
    return typeof parsed === 'object' && parsed !== null ? parsed : {};
  } catch {
    return {};
  }
}

function positiveNumber(...values: unknown[]): number | undefined {
  for (const value of values) {
    const parsed = Number(value);
    if (value !== undefined && value !== '' && Number.isFinite(parsed) && parsed > 0) return parsed;
  }
  return undefined;
}

function countryCode(...values: unknown[]): string | undefined {
  for (const value of values) {
    if (typeof value === 'string' && /^[A-Za-z]{2}$/.test(value)) return value.toUpperCase();
  }
  return undefined;
}

const runtime = readRuntimeConfig();
const env = import.meta.env;

export const appConfig = {
  /** Where the browser finds Ontora's `/v1`: the server's gateway by default. */
  apiBaseUrl: typeof env.VITE_API_BASE_URL === 'string' ? env.VITE_API_BASE_URL : '/v1',
  /** Country assumed for phone numbers typed without a +country code (ISO 3166-1 alpha-2). */
  defaultPhoneCountry: countryCode(runtime.phoneCountry, env.VITE_DEFAULT_PHONE_COUNTRY) ?? 'US',
  /** Per-attempt request timeout. */
  requestTimeoutMs: positiveNumber(runtime.requestTimeoutMs, env.VITE_REQUEST_TIMEOUT_MS) ?? 20_000,
};
