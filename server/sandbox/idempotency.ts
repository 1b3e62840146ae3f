/**
 * Idempotency-Key store (ontora-api.md §1.3 GUESS): `(workspace, method, path, key)` kept 24 h.
 * Only 2xx answers are stored, so an attempt that failed (an injected 500, a 422) can be retried
 * with the same key and still succeed.
 */
import { createHash } from 'node:crypto';

export const IDEMPOTENCY_TTL_MS = 24 * 60 * 60 * 1000;

export interface StoredResponse {
  fingerprint: string;
  status: number;
  body: string;
  storedAt: number;
}

/** JSON.stringify's real signature: undefined for functions and symbols. */
const stringify = JSON.stringify as (value: unknown) => string | undefined;

/** Key order and whitespace must not make two equal bodies look different. */
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (typeof value === 'object' && value !== null) {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
  }
  return stringify(value) ?? 'null';
}

export function fingerprintBody(raw: Buffer): string {
  let canonical: string;
  try {
    canonical = `json:${canonicalJson(JSON.parse(raw.toString('utf8')))}`;
  } catch {
    canonical = `raw:${raw.toString('base64')}`;
  }
  return createHash('sha256').update(canonical).digest('hex');
}

export class IdempotencyStore {
  private entries = new Map<string, StoredResponse>();

  constructor(private readonly now: () => number) {}

  static key(workspace: string, method: string, path: string, key: string): string {
    return JSON.stringify([workspace, method, path, key]);
  }

  get(key: string): StoredResponse | null {
    this.prune();
    return this.entries.get(key) ?? null;
  }

  set(key: string, value: Omit<StoredResponse, 'storedAt'>): void {
    this.entries.set(key, { ...value, storedAt: this.now() });
  }

  clear(): void {
    this.entries.clear();
  }

  private prune(): void {
    const cutoff = this.now() - IDEMPOTENCY_TTL_MS;
    for (const [key, entry] of this.entries) {
      if (entry.storedAt < cutoff) this.entries.delete(key);
    }
  }
}
