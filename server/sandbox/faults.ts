/**
 * Fault injection: queued misbehaviours that the next matching /v1 requests receive, so UI and e2e
 * tests can exercise errors, slowness, hangs and dropped connections on demand.
 */
import { randomUUID } from 'node:crypto';
import type { ValidationIssue } from '../../src/contracts/ontora.ts';
import { isPlainObject } from './validation.ts';

const METHODS = ['GET', 'POST', 'PUT', 'PATCH', 'DELETE', 'HEAD', 'OPTIONS'] as const;
const MAX_DELAY_MS = 600_000;

export interface Fault {
  id: string;
  method: string | null;
  path: string | null;
  /** How many more matching requests get this fault. */
  remaining: number;
  status: number | null;
  body: unknown;
  headers: Record<string, string>;
  delayMs: number;
  action: 'hang' | 'drop' | null;
  malformed: boolean;
  passThrough: boolean;
}

export type FaultInput = Partial<Omit<Fault, 'id' | 'remaining'>> & { count?: number };

/** Ontora-shaped default bodies, so an injected status looks like the real thing. */
export function defaultFaultBody(status: number): unknown {
  switch (status) {
    case 400:
      return { detail: 'Malformed request' };
    case 401:
      return { detail: 'Invalid or missing API key', code: 'invalid_api_key' };
    case 403:
      return { detail: 'API key lacks the required scope: interviews', code: 'insufficient_scope' };
    case 404:
      return { detail: 'Interview not found', code: 'not_found' };
    case 409:
      return {
        detail: 'Interview is completed and no longer accepts contacts',
        code: 'campaign_locked',
      };
    case 422:
      return {
        detail: [{ loc: ['body', 'name'], msg: 'Field required', type: 'missing', input: {} }],
      };
    case 429:
      return { detail: 'Rate limit exceeded', code: 'rate_limited' };
    case 500:
      return { detail: 'Internal Server Error' };
    case 502:
      return { detail: 'Bad Gateway' };
    case 503:
      return { detail: 'Service temporarily unavailable' };
    case 504:
      return { detail: 'Gateway Timeout' };
    default:
      return { detail: `Sandbox injected status ${status}` };
  }
}

/** `*` stands for exactly one path segment; everything else must match literally. */
export function pathMatches(pattern: string, path: string): boolean {
  const want = pattern.replace(/\/+$/, '').split('/');
  const got = path.replace(/\/+$/, '').split('/');
  return want.length === got.length && want.every((seg, i) => seg === '*' || seg === got[i]);
}

type Parsed = { ok: true; fault: Fault } | { ok: false; issues: ValidationIssue[] };

/** Validates a POST /__sandbox/faults body, in the same 422 style as the API. */
export function parseFault(input: unknown): Parsed {
  if (!isPlainObject(input)) {
    return {
      ok: false,
      issues: [
        { loc: ['body'], msg: 'Input should be a valid dictionary', type: 'dict_type', input },
      ],
    };
  }
  const issues: ValidationIssue[] = [];
  const bad = (field: string, msg: string) => {
    issues.push({ loc: ['body', field], msg, type: 'value_error', input: input[field] });
  };
  const { method, path, count, status, body, headers, delayMs, action, malformed, passThrough } =
    input;

  let methodValue: string | null = null;
  if (method !== undefined && method !== null) {
    if (
      typeof method !== 'string' ||
      !(METHODS as readonly string[]).includes(method.toUpperCase())
    )
      bad('method', `Value error, method must be one of ${METHODS.join(', ')}`);
    else methodValue = method.toUpperCase();
  }
  let pathValue: string | null = null;
  if (path !== undefined && path !== null) {
    if (typeof path !== 'string' || !path.startsWith('/') || path.includes('?'))
      bad('path', 'Value error, path must start with "/" and carry no query string');
    else pathValue = path;
  }
  const int = (value: unknown, min: number, max: number) =>
    typeof value === 'number' && Number.isInteger(value) && value >= min && value <= max;
  if (count !== undefined && !int(count, 1, 10_000))
    bad('count', 'Value error, count must be an integer from 1 to 10000');
  if (status !== undefined && status !== null && !int(status, 200, 599))
    bad('status', 'Value error, status must be an integer from 200 to 599');
  if (body !== undefined && body !== null && typeof body !== 'string' && typeof body !== 'object')
    bad('body', 'Value error, body must be an object, array or string');
  const headerValues: Record<string, string> = {};
  if (headers !== undefined && headers !== null) {
    if (!isPlainObject(headers)) bad('headers', 'Value error, headers must be an object');
    else
      for (const [name, value] of Object.entries(headers)) {
        if (
          !/^[A-Za-z0-9!#$%&'*+.^_`|~-]+$/.test(name) ||
          typeof value !== 'string' ||
          /[\r\n]/.test(value)
        )
          bad('headers', `Value error, invalid header ${JSON.stringify(name)}`);
        else headerValues[name] = value;
      }
  }
  if (delayMs !== undefined && !int(delayMs, 0, MAX_DELAY_MS))
    bad('delayMs', `Value error, delayMs must be an integer from 0 to ${MAX_DELAY_MS}`);
  if (action !== undefined && action !== null && action !== 'hang' && action !== 'drop')
    bad('action', 'Value error, action must be "hang" or "drop"');
  if (malformed !== undefined && typeof malformed !== 'boolean')
    bad('malformed', 'Value error, malformed must be a boolean');
  if (passThrough !== undefined && typeof passThrough !== 'boolean')
    bad('passThrough', 'Value error, passThrough must be a boolean');
  const hasEffect =
    typeof status === 'number' ||
    action === 'hang' ||
    action === 'drop' ||
    malformed === true ||
    (typeof delayMs === 'number' && delayMs > 0);
  if (issues.length === 0 && !hasEffect)
    issues.push({
      loc: ['body'],
      msg: 'Value error, a fault needs at least one of status, action, malformed or delayMs',
      type: 'value_error',
      input,
    });
  if (issues.length > 0) return { ok: false, issues };
  return {
    ok: true,
    fault: {
      id: `flt_${randomUUID()}`,
      method: methodValue,
      path: pathValue,
      remaining: typeof count === 'number' ? count : 1,
      status: typeof status === 'number' ? status : null,
      body: body ?? null,
      headers: headerValues,
      delayMs: typeof delayMs === 'number' ? delayMs : 0,
      action: action === 'hang' || action === 'drop' ? action : null,
      malformed: malformed === true,
      passThrough: passThrough === true,
    },
  };
}

export function describeFault(fault: Fault) {
  return {
    id: fault.id,
    method: fault.method,
    path: fault.path,
    count: fault.remaining,
    status: fault.status,
    body: fault.body,
    headers: fault.headers,
    delayMs: fault.delayMs,
    action: fault.action,
    malformed: fault.malformed,
    passThrough: fault.passThrough,
  };
}

export class FaultQueue {
  private faults: Fault[] = [];

  add(fault: Fault): void {
    this.faults.push(fault);
  }

  list(): Fault[] {
    return [...this.faults];
  }

  clear(): void {
    this.faults = [];
  }

  /** Takes one use of the oldest matching fault (FIFO), removing it when used up. */
  take(method: string, path: string): Fault | null {
    const index = this.faults.findIndex(
      (fault) =>
        (fault.method === null || fault.method === method) &&
        (fault.path === null || pathMatches(fault.path, path)),
    );
    const fault = index >= 0 ? this.faults[index] : undefined;
    if (!fault) return null;
    fault.remaining -= 1;
    if (fault.remaining <= 0) this.faults.splice(index, 1);
    return fault;
  }
}
