/**
 * The Ontora-compatible sandbox, independent of any transport: a request object in, a result out.
 * The node http adapter (http.ts), the gateway (in-process, no sockets) and tests all drive this.
 *
 * Endpoints marked DOC follow ../shared/docs/ontora-api.md; ASSUMED ones are not in Ontora's docs
 * and exist only because the admin page needs them (see server/README.md).
 */
import { randomBytes, randomUUID, timingSafeEqual, createHash } from 'node:crypto';
import type { ValidationIssue } from '../../src/contracts/ontora.ts';
import { requestIdFrom } from '../request-id.ts';
import { FaultQueue, defaultFaultBody, describeFault, parseFault, type Fault } from './faults.ts';
import { IdempotencyStore, fingerprintBody } from './idempotency.ts';
import { FixedWindowLimiter, type RateLimitState } from './rate-limit.ts';
import { fixedUuid, interviewRecord } from './seed.ts';
import { SandboxStore } from './store.ts';
import type { ContactRecord, InterviewStatus, QuestionSetRecord } from './types.ts';
import {
  MAX_BULK_CONTACTS,
  isPlainObject,
  isUuid,
  modelAttributesIssue,
  parseJsonBody,
  unknownQuestionSetIssue,
  validateContact,
  type ValidContact,
} from './validation.ts';

export interface SandboxRequest {
  method: string;
  /** Path without the query string. */
  path: string;
  query: URLSearchParams;
  /** Lower-cased header names. */
  headers: Record<string, string | undefined>;
  body: Buffer;
}

export type SandboxResult =
  | { kind: 'response'; status: number; headers: Record<string, string>; body: string }
  | { kind: 'hang' }
  | { kind: 'drop' };

export interface SandboxOptions {
  /** The one valid X-API-Key. Default `ont_sandbox_key`. */
  apiKey?: string;
  /** Which Bearer tokens count as valid. Default: any token starting with `sandbox-token-`. */
  acceptBearer?: (token: string) => boolean;
  /** Requests per window per workspace. Default 600. */
  rateLimit?: number;
  /** Window length in seconds. Default 60. */
  rateWindowSeconds?: number;
  /** Serve /__sandbox/* (fault injection, reset, helpers). Default true. */
  admin?: boolean;
  /** Clock in ms, for tests. */
  now?: () => number;
  /**
   * Serve only the endpoints Ontora documents: the ASSUMED ones (get one interview, list
   * contacts, list question sets) answer a framework 404 `{"detail":"Not Found"}`, as the real
   * API presumably does. Shows how the app copes with the real API's gaps.
   */
  documentedOnly?: boolean;
}

export const DEFAULT_SANDBOX_API_KEY = 'ont_sandbox_key';
export const SANDBOX_BEARER_PREFIX = 'sandbox-token-';

interface ApiAnswer {
  status: number;
  body?: unknown;
  headers?: Record<string, string>;
}

const json = (status: number, body: unknown, headers?: Record<string, string>): ApiAnswer => ({
  status,
  body,
  ...(headers ? { headers } : {}),
});
const invalid = (issues: ValidationIssue[]) => json(422, { detail: issues });
const interviewNotFound = () => json(404, { detail: 'Interview not found', code: 'not_found' });

type Route =
  | { name: 'interviews' }
  | { name: 'interview'; id: string }
  | { name: 'contacts'; id: string }
  | { name: 'bulk'; id: string }
  | { name: 'question-sets'; id: string };

const ROUTE_METHODS: Record<Route['name'], string[]> = {
  interviews: ['GET'],
  interview: ['GET'],
  contacts: ['GET', 'POST'],
  bulk: ['POST'],
  'question-sets': ['GET'],
};

function matchRoute(path: string): Route | null {
  const parts = path.split('/').slice(1);
  if (parts[0] !== 'v1' || parts[1] !== 'interviews') return null;
  const id = parts[2];
  if (parts.length === 2) return { name: 'interviews' };
  if (id === undefined || id === '') return null;
  const rest = parts.slice(3).join('/');
  if (rest === '' && parts.length === 3) return { name: 'interview', id };
  if (rest === 'contacts') return { name: 'contacts', id };
  if (rest === 'contacts/bulk') return { name: 'bulk', id };
  if (rest === 'question-sets') return { name: 'question-sets', id };
  return null;
}

function sha256(value: string): Buffer {
  return createHash('sha256').update(value).digest();
}

function constantTimeEqual(a: string, b: string): boolean {
  return timingSafeEqual(sha256(a), sha256(b));
}

export function createSandbox(options: SandboxOptions = {}) {
  const apiKey = options.apiKey ?? DEFAULT_SANDBOX_API_KEY;
  const acceptBearer =
    options.acceptBearer ??
    ((token: string) =>
      token.startsWith(SANDBOX_BEARER_PREFIX) && token.length > SANDBOX_BEARER_PREFIX.length);
  const now = options.now ?? Date.now;
  const adminEnabled = options.admin ?? true;
  const store = new SandboxStore();
  const faults = new FaultQueue();
  const idempotency = new IdempotencyStore(now);
  const limiter = new FixedWindowLimiter(
    options.rateLimit ?? 600,
    (options.rateWindowSeconds ?? 60) * 1000,
    now,
  );

  function reset(): void {
    store.reset();
    faults.clear();
    idempotency.clear();
    limiter.reset();
  }

  function rateHeaders(state: RateLimitState): Record<string, string> {
    return {
      'x-ratelimit-limit': String(state.limit),
      'x-ratelimit-remaining': String(state.remaining),
      'x-ratelimit-reset': String(state.reset),
    };
  }

  function respond(answer: ApiAnswer, extra: Record<string, string>): SandboxResult {
    const headers: Record<string, string> = { ...extra };
    let body = '';
    if (answer.body !== undefined) {
      if (typeof answer.body === 'string') {
        body = answer.body;
        headers['content-type'] ??= 'text/plain; charset=utf-8';
      } else {
        body = JSON.stringify(answer.body);
        headers['content-type'] = 'application/json';
      }
    }
    for (const [name, value] of Object.entries(answer.headers ?? {})) {
      headers[name.toLowerCase()] = value;
    }
    return { kind: 'response', status: answer.status, headers, body };
  }

  /** X-API-Key decides when present; otherwise the Bearer token (DOC: either method). */
  function authenticate(headers: SandboxRequest['headers']): string | null {
    const key = headers['x-api-key'];
    if (key !== undefined) return constantTimeEqual(key, apiKey) ? store.workspaceId : null;
    const match = /^Bearer\s+(\S+)\s*$/i.exec(headers.authorization ?? '');
    return match?.[1] !== undefined && acceptBearer(match[1]) ? store.workspaceId : null;
  }

  function faultAnswer(fault: Fault): ApiAnswer {
    if (fault.malformed) {
      // Breaks ContactOutSchema (status must be a string, name is missing) while still looking
      // like a created resource, to exercise the client's "unexpected format" path.
      return json(201, { id: randomUUID(), status: 42 }, fault.headers);
    }
    const status = fault.status ?? 500;
    const headers: Record<string, string> = {};
    if (status === 429) headers['retry-after'] = '1';
    Object.assign(headers, fault.headers);
    return { status, body: fault.body ?? defaultFaultBody(status), headers };
  }

  // -------------------------------------------------------------------------------------------
  // /v1 handlers. All synchronous: once a request's body is in memory nothing awaits, so an
  // idempotency lookup and the write it guards can never interleave with another request.
  // -------------------------------------------------------------------------------------------

  function listInterviews(query: URLSearchParams, workspace: string): ApiAnswer {
    const workspaceId = query.get('workspace_id');
    if (workspaceId === null) {
      return invalid([
        { loc: ['query', 'workspace_id'], msg: 'Field required', type: 'missing', input: null },
      ]);
    }
    if (!isUuid(workspaceId)) {
      return invalid([
        {
          loc: ['query', 'workspace_id'],
          msg: 'Input should be a valid UUID',
          type: 'uuid_parsing',
          input: workspaceId,
        },
      ]);
    }
    if (workspaceId.toLowerCase() !== workspace) {
      return json(403, {
        detail: 'This API key does not belong to that workspace',
        code: 'workspace_forbidden',
      });
    }
    const status = query.get('status');
    const projectId = query.get('project_id');
    return json(
      200,
      store
        .listInterviews()
        .filter((interview) => status === null || interview.status === status)
        .filter((interview) => projectId === null || interview.project_id === projectId),
    );
  }

  function newContact(interviewId: string, fields: ValidContact): ContactRecord {
    return {
      id: randomUUID(),
      interview_id: interviewId,
      question_set_id: fields.question_set_id,
      name: fields.name,
      email: fields.email,
      phone: fields.phone,
      job_title: fields.job_title,
      department: fields.department,
      seniority_level: fields.seniority_level,
      is_required: fields.is_required,
      // Sandbox choice: an https link at once, so the UI's link rendering is always exercised.
      meeting_url: `https://meet.sandbox.ontora.test/${randomBytes(8).toString('base64url').slice(0, 10)}`,
      status: 'pending',
      scheduled_at: null,
      completed_at: null,
      created_at: new Date(now()).toISOString(),
      // 24 random bytes: 192 bits, URL-safe, unguessable.
      booking_token: randomBytes(24).toString('base64url'),
      reminder_count: 0,
      last_reminder_at: null,
    };
  }

  /** Body checks shared by single and bulk create; returns contacts or the 4xx to send. */
  function checkContacts(
    interviewId: string,
    items: { input: unknown; loc: (string | number)[] }[],
  ): { ok: true; contacts: ValidContact[] } | { ok: false; answer: ApiAnswer } {
    const issues: ValidationIssue[] = [];
    const contacts: ValidContact[] = [];
    for (const { input, loc } of items) {
      const result = validateContact(input, loc);
      if (!result.ok) {
        issues.push(...result.issues);
        continue;
      }
      const qs = result.value.question_set_id;
      if (qs !== null && !store.hasQuestionSet(interviewId, qs)) {
        issues.push(unknownQuestionSetIssue([...loc, 'question_set_id'], qs));
        continue;
      }
      contacts.push(result.value);
    }
    if (issues.length > 0) return { ok: false, answer: invalid(issues) };
    if (store.interviewStatus(interviewId) === 'completed') {
      return {
        ok: false,
        answer: json(409, {
          detail: 'Interview is completed and no longer accepts contacts',
          code: 'campaign_locked',
        }),
      };
    }
    return { ok: true, contacts };
  }

  function createContact(interviewId: string, raw: Buffer): ApiAnswer {
    const parsed = parseJsonBody(raw);
    if (!parsed.ok) return invalid(parsed.issues);
    const checked = checkContacts(interviewId, [{ input: parsed.value, loc: ['body'] }]);
    if (!checked.ok) return checked.answer;
    const [fields] = checked.contacts;
    if (!fields) throw new Error('unreachable: one valid contact expected');
    const created = newContact(interviewId, fields);
    store.addContacts(interviewId, [created]);
    return json(201, created);
  }

  /** All-or-nothing (sandbox choice; Ontora's behaviour is UNKNOWN, ontora-api.md §3.2). */
  function createBulk(interviewId: string, raw: Buffer): ApiAnswer {
    const parsed = parseJsonBody(raw);
    if (!parsed.ok) return invalid(parsed.issues);
    const body = parsed.value;
    if (!isPlainObject(body)) return invalid([modelAttributesIssue(['body'], body)]);
    const list = body.contacts;
    if (list === undefined) {
      return invalid([
        { loc: ['body', 'contacts'], msg: 'Field required', type: 'missing', input: body },
      ]);
    }
    if (!Array.isArray(list)) {
      return invalid([
        {
          loc: ['body', 'contacts'],
          msg: 'Input should be a valid list',
          type: 'list_type',
          input: list,
        },
      ]);
    }
    if (list.length > MAX_BULK_CONTACTS) {
      return invalid([
        {
          loc: ['body', 'contacts'],
          msg: `List should have at most ${MAX_BULK_CONTACTS} items after validation, not ${list.length}`,
          type: 'too_long',
          input: `[${list.length} items]`,
          ctx: { field_type: 'List', max_length: MAX_BULK_CONTACTS, actual_length: list.length },
        },
      ]);
    }
    const checked = checkContacts(
      interviewId,
      list.map((input: unknown, i) => ({ input, loc: ['body', 'contacts', i] })),
    );
    if (!checked.ok) return checked.answer;
    const created = checked.contacts.map((fields) => newContact(interviewId, fields));
    store.addContacts(interviewId, created);
    return json(201, { created, count: created.length });
  }

  function route(req: SandboxRequest, matched: Route, workspace: string): ApiAnswer {
    if (matched.name === 'interviews') return listInterviews(req.query, workspace);
    const interview = store.getInterview(matched.id);
    if (!interview || interview.workspace_id !== workspace) return interviewNotFound();
    switch (matched.name) {
      case 'interview':
        return json(200, interview);
      case 'question-sets':
        // ASSUMED, non-Ontora endpoint (ontora-api.md §4): Ontora documents no question-set API.
        return json(200, store.listQuestionSets(matched.id));
      case 'contacts':
        // GET is ASSUMED (ontora-api.md §2.1); POST is DOC (§3.1).
        return req.method === 'GET'
          ? json(200, store.listContacts(matched.id))
          : createContact(matched.id, req.body);
      case 'bulk':
        return createBulk(matched.id, req.body);
    }
  }

  /** Idempotency-Key around a POST (ontora-api.md §1.3 GUESS; see idempotency.ts). */
  function withIdempotency(
    req: SandboxRequest,
    workspace: string,
    run: () => ApiAnswer,
  ): ApiAnswer {
    const header = req.headers['idempotency-key'];
    if (req.method !== 'POST' || header === undefined) return run();
    if (header.length === 0 || header.length > 255) {
      return invalid([
        {
          loc: ['header', 'idempotency-key'],
          msg: 'String should have between 1 and 255 characters',
          type: header.length === 0 ? 'string_too_short' : 'string_too_long',
          input: header.length > 255 ? `${header.slice(0, 32)}…` : header,
        },
      ]);
    }
    const key = IdempotencyStore.key(workspace, req.method, req.path, header);
    const fingerprint = fingerprintBody(req.body);
    const stored = idempotency.get(key);
    if (stored) {
      if (stored.fingerprint !== fingerprint) {
        return json(409, {
          detail: 'Idempotency-Key was already used with a different request body',
          code: 'idempotency_conflict',
        });
      }
      return {
        status: stored.status,
        body: JSON.parse(stored.body) as unknown,
        headers: { 'idempotent-replayed': 'true' },
      };
    }
    const answer = run();
    if (answer.status >= 200 && answer.status < 300) {
      idempotency.set(key, {
        fingerprint,
        status: answer.status,
        body: JSON.stringify(answer.body),
      });
    }
    return answer;
  }

  async function handleApi(req: SandboxRequest): Promise<SandboxResult> {
    const requestId = requestIdFrom(req.headers['x-request-id']);
    const base = { 'x-request-id': requestId };
    // Faults come before auth so that an injected 401/403 works even with valid credentials.
    const fault = faults.take(req.method, req.path);
    if (fault) {
      if (fault.delayMs > 0) await new Promise((resolve) => setTimeout(resolve, fault.delayMs));
      if (fault.action) return { kind: fault.action };
      if (fault.malformed || fault.status !== null) {
        return respond(faultAnswer(fault), {
          ...base,
          ...rateHeaders(limiter.peek(store.workspaceId)),
        });
      }
    }

    const found = matchRoute(req.path);
    const assumed =
      found?.name === 'interview' ||
      found?.name === 'question-sets' ||
      (found?.name === 'contacts' && req.method === 'GET');
    const matched = options.documentedOnly && assumed ? null : found;
    if (!matched) {
      return respond(json(404, { detail: 'Not Found' }), {
        ...base,
        ...rateHeaders(limiter.peek(store.workspaceId)),
      });
    }
    const allowed = ROUTE_METHODS[matched.name];
    if (!allowed.includes(req.method)) {
      return respond(json(405, { detail: 'Method Not Allowed' }, { allow: allowed.join(', ') }), {
        ...base,
        ...rateHeaders(limiter.peek(store.workspaceId)),
      });
    }

    const workspace = authenticate(req.headers);
    if (workspace === null) {
      // Unauthenticated calls spend nothing: there is no workspace to charge them to.
      return respond(
        json(
          401,
          { detail: 'Invalid or missing API key', code: 'invalid_api_key' },
          { 'www-authenticate': 'Bearer' },
        ),
        { ...base, ...rateHeaders(limiter.peek(store.workspaceId)) },
      );
    }
    const { allowed: withinLimit, state } = limiter.hit(workspace);
    const withRate = { ...base, ...rateHeaders(state) };
    if (!withinLimit) {
      return respond(
        json(
          429,
          { detail: 'Rate limit exceeded', code: 'rate_limited' },
          { 'retry-after': String(state.retryAfter) },
        ),
        withRate,
      );
    }
    return respond(
      withIdempotency(req, workspace, () => route(req, matched, workspace)),
      withRate,
    );
  }

  // -------------------------------------------------------------------------------------------
  // /__sandbox admin endpoints: no auth, sandbox only, never reachable in forwarding mode.
  // -------------------------------------------------------------------------------------------

  function createTestInterview(input: unknown): ApiAnswer {
    const body = input ?? {};
    if (!isPlainObject(body)) return invalid([modelAttributesIssue(['body'], body)]);
    const issues: ValidationIssue[] = [];
    const { name, status, question_set_count: count } = body;
    if (
      name !== undefined &&
      (typeof name !== 'string' || name.trim() === '' || name.length > 1000)
    )
      issues.push({
        loc: ['body', 'name'],
        msg: 'Value error, name must be a non-empty string of at most 1000 characters',
        type: 'value_error',
        input: name,
      });
    const statuses: InterviewStatus[] = ['draft', 'active', 'paused', 'completed'];
    if (status !== undefined && !statuses.includes(status as InterviewStatus))
      issues.push({
        loc: ['body', 'status'],
        msg: `Input should be ${statuses.map((s) => `'${s}'`).join(', ')}`,
        type: 'literal_error',
        input: status,
      });
    if (
      count !== undefined &&
      (typeof count !== 'number' || !Number.isInteger(count) || count < 0 || count > 10_000)
    )
      issues.push({
        loc: ['body', 'question_set_count'],
        msg: 'Value error, question_set_count must be an integer from 0 to 10000',
        type: 'value_error',
        input: count,
      });
    if (issues.length > 0) return invalid(issues);
    const id = randomUUID();
    const createdAt = new Date(now()).toISOString();
    const record = interviewRecord({
      id,
      name: typeof name === 'string' ? name : `Test interview ${id.slice(0, 8)}`,
      status: (status as InterviewStatus | undefined) ?? 'active',
      description: 'Created through POST /__sandbox/interviews for an isolated test.',
      created_at: createdAt,
      updated_at: createdAt,
    });
    const sets: QuestionSetRecord[] = Array.from(
      { length: typeof count === 'number' ? count : 3 },
      (_, i) => ({
        id: fixedUuid(id.slice(0, 8), i + 1),
        name: `Set ${String(i + 1).padStart(3, '0')} — Test topic ${(i % 5) + 1}`,
        description: `Question set ${i + 1} of a test interview.`,
        question_count: 5 + (i % 10),
        created_at: createdAt,
      }),
    );
    store.addInterview(record, sets);
    return json(201, store.getInterview(id));
  }

  const ADMIN_DESCRIPTION = {
    description:
      'Ontora sandbox admin endpoints (no auth; sandbox mode only). In-memory state resets on restart.',
    endpoints: {
      'GET /__sandbox': 'This description',
      'POST /__sandbox/faults':
        'Queue a fault: {method?, path? ("*" = one segment), count?, status?, body?, headers?, delayMs?, action?: "hang"|"drop", malformed?, passThrough?}',
      'GET /__sandbox/faults': 'List pending faults',
      'DELETE /__sandbox/faults': 'Clear pending faults',
      'POST /__sandbox/reset': 'Restore the seed; clear faults, idempotency keys, rate limits',
      'GET /__sandbox/contacts?interview_id=': 'All stored contacts (optionally of one interview)',
      'POST /__sandbox/interviews':
        'Create an isolated interview: {name?, status?, question_set_count?} → InterviewOut',
    },
    seed: { workspace_id: store.workspaceId },
  };

  function handleAdmin(req: SandboxRequest): ApiAnswer {
    const sub = req.path.replace(/\/+$/, '');
    const notAllowed = (allow: string) => json(405, { detail: 'Method Not Allowed' }, { allow });
    switch (sub) {
      case '/__sandbox':
        return req.method === 'GET' ? json(200, ADMIN_DESCRIPTION) : notAllowed('GET');
      case '/__sandbox/faults': {
        if (req.method === 'GET') return json(200, faults.list().map(describeFault));
        if (req.method === 'DELETE') {
          const cleared = faults.list().length;
          faults.clear();
          return json(200, { cleared });
        }
        if (req.method !== 'POST') return notAllowed('GET, POST, DELETE');
        const parsed = parseJsonBody(req.body);
        if (!parsed.ok) return invalid(parsed.issues);
        const result = parseFault(parsed.value);
        if (!result.ok) return invalid(result.issues);
        faults.add(result.fault);
        return json(201, describeFault(result.fault));
      }
      case '/__sandbox/reset':
        if (req.method !== 'POST') return notAllowed('POST');
        reset();
        return { status: 204 };
      case '/__sandbox/contacts': {
        if (req.method !== 'GET') return notAllowed('GET');
        const interviewId = req.query.get('interview_id');
        return json(
          200,
          interviewId === null ? store.allContacts() : store.listContacts(interviewId),
        );
      }
      case '/__sandbox/interviews': {
        if (req.method !== 'POST') return notAllowed('POST');
        if (req.body.length === 0) return createTestInterview(undefined);
        const parsed = parseJsonBody(req.body);
        return parsed.ok ? createTestInterview(parsed.value) : invalid(parsed.issues);
      }
      default:
        return json(404, { detail: 'Not Found' });
    }
  }

  async function handle(req: SandboxRequest): Promise<SandboxResult> {
    if (req.path === '/v1' || req.path.startsWith('/v1/')) return handleApi(req);
    const requestId = requestIdFrom(req.headers['x-request-id']);
    const base = { 'x-request-id': requestId, 'cache-control': 'no-store' };
    if (adminEnabled && (req.path === '/__sandbox' || req.path.startsWith('/__sandbox/'))) {
      return Promise.resolve(respond(handleAdmin(req), base));
    }
    return Promise.resolve(respond(json(404, { detail: 'Not Found' }), base));
  }

  return {
    handle,
    reset,
    store,
    faults,
    /** The sandbox's X-API-Key, for the in-process gateway. */
    apiKey,
    get workspaceId() {
      return store.workspaceId;
    },
  };
}

export type Sandbox = ReturnType<typeof createSandbox>;
