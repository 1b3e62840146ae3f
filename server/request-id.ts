import { randomBytes } from 'node:crypto';

const SANE_REQUEST_ID = /^[A-Za-z0-9._-]{1,128}$/;

/** Echoes a caller's X-Request-Id only when it is safe to log and reflect; otherwise makes one. */
export function requestIdFrom(header: string | string[] | undefined): string {
  const value = Array.isArray(header) ? header[0] : header;
  return value !== undefined && SANE_REQUEST_ID.test(value) ? value : newRequestId();
}

export function newRequestId(): string {
  return `req_${randomBytes(12).toString('base64url')}`;
}
