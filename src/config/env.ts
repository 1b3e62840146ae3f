/**
 * Build-time settings for the standalone app (Vite `VITE_*` variables). The embed overrides
 * them per element through attributes instead.
 */
const env = import.meta.env;

function positiveNumber(value: unknown, fallback: number): number {
  const parsed = Number(value);
  return Number.isFinite(parsed) && parsed > 0 ? parsed : fallback;
}

export const appConfig = {
  /** Where the browser finds Ontora's `/v1`: the server's gateway by default. */
  apiBaseUrl: typeof env.VITE_API_BASE_URL === 'string' ? env.VITE_API_BASE_URL : '/v1',
  /** Country assumed for phone numbers typed without a +country code (ISO 3166-1 alpha-2). */
  defaultPhoneCountry:
    typeof env.VITE_DEFAULT_PHONE_COUNTRY === 'string' ? env.VITE_DEFAULT_PHONE_COUNTRY : 'US',
  /** Per-attempt request timeout. */
  requestTimeoutMs: positiveNumber(env.VITE_REQUEST_TIMEOUT_MS, 20_000),
};
