import { randomBytes } from 'node:crypto';

const SANE_REQUEST_ID = /^[A-Za-z0-9._-]{1,128}$/;

/** Echoes a caller's X-Request-Id only when it is safe to log and reflect; otherwise makes one. */
export function requestIdFrom(header: string | string[] | undefined): string {
  const value = Array.isArray(header) ? header[0] : header;
  return value !== undefined && SANE_REQUEST_ID.test(value) ? value : newRequestId();
}

// A random per-process prefix and a counter: unique, and far cheaper than fresh random bytes
// per request (request ids trace requests; they are not secrets).
const PREFIX = randomBytes(9).toString('base64url');
let counter = 0;

export function newRequestId(): string {
  counter += 1;
  return `req_${PREFIX}${counter.toString(36).padStart(6, '0')}`;
}
