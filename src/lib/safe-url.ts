/**
 * Returns the URL when it may become a link: absolute `http:` or `https:` only. Anything else
 * (`javascript:`, `data:`, `vbscript:`, relative paths, garbage) returns null and is shown as
 * text. Browsers strip tabs and newlines inside URLs before reading the scheme, and the URL
 * parser does the same, so "java\tscript:" is caught as `javascript:`.
 */
export function safeHttpUrl(value: string | null | undefined): string | null {
  if (!value) return null;
  let url: URL;
  try {
    url = new URL(value.trim());
  } catch {
    return null;
  }
  return url.protocol === 'http:' || url.protocol === 'https:' ? url.href : null;
}
