import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import {
  CONTACT_FIELDS,
  ContactBulkOutSchema,
  ContactListSchema,
  ContactOutSchema,
  ErrorBodySchema,
  InterviewListSchema,
  InterviewOutSchema,
  QuestionSetListSchema,
  ValidationErrorBodySchema,
} from '../../src/contracts/ontora.ts';
import { FIELD_KINDS } from './validation.ts';
import { SEED, createSandboxServer, type SandboxServer } from './index.ts';

const KEY = 'ont_sandbox_key';
const json = async (response: Response): Promise<unknown> => (await response.json()) as unknown;
const ACTIVE = SEED.interviews.active.id;
const contactsPath = (id: string = ACTIVE) => `/v1/interviews/${id}/contacts`;

let server: SandboxServer;
let base: string;

beforeAll(async () => {
  server = createSandboxServer();
  base = await server.listen();
});
afterAll(async () => {
  await server.close();
});
beforeEach(() => {
  server.sandbox.reset();
});

function api(path: string, init: RequestInit = {}, key: string | null = KEY) {
  const headers = new Headers(init.headers);
  if (key !== null && !headers.has('x-api-key')) headers.set('x-api-key', key);
  return fetch(`${base}${path}`, { ...init, headers });
}

function post(path: string, body: unknown, headers: Record<string, string> = {}) {
  return api(path, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
}

async function issues(response: Response) {
  expect(response.status).toBe(422);
  return ValidationErrorBodySchema.parse(await json(response)).detail;
}

async function countContacts(id = ACTIVE): Promise<number> {
  const response = await fetch(`${base}/__sandbox/contacts?interview_id=${id}`);
  return ((await json(response)) as unknown[]).length;
}

describe('auth', () => {
  it('refuses a missing key with 401 invalid_api_key', async () => {
    const response = await api(contactsPath(), {}, null);
    expect(response.status).toBe(401);
    expect(response.headers.get('www-authenticate')).toBe('Bearer');
    expect(ErrorBodySchema.parse(await json(response)).code).toBe('invalid_api_key');
  });

  it('refuses a wrong key, even alongside a valid Bearer token (the key decides)', async () => {
    const response = await api(contactsPath(), {
      headers: { 'x-api-key': 'ont_wrong', authorization: 'Bearer sandbox-token-abc' },
    });
    expect(response.status).toBe(401);
    expect(ErrorBodySchema.parse(await json(response)).code).toBe('invalid_api_key');
  });

  it('accepts X-API-Key', async () => {
    expect((await api(contactsPath())).status).toBe(200);
  });

  it('accepts a sandbox Bearer token and refuses another one', async () => {
    const ok = await api(
      contactsPath(),
      { headers: { authorization: 'Bearer sandbox-token-x1' } },
      null,
    );
    expect(ok.status).toBe(200);
    const bad = await api(
      contactsPath(),
      { headers: { authorization: 'Bearer eyJhbGciOi' } },
      null,
    );
    expect(bad.status).toBe(401);
  });
});

describe('reading', () => {
  it('lists interviews for the workspace and requires workspace_id', async () => {
    const ok = await api(`/v1/interviews?workspace_id=${SEED.workspaceId}`);
    const list = InterviewListSchema.parse(await json(ok));
    expect(list.map((i) => i.id)).toContain(ACTIVE);
    expect(list.find((i) => i.id === ACTIVE)?.contact_count).toBe(4);

    const missing = await issues(await api('/v1/interviews'));
    expect(missing[0]).toMatchObject({ loc: ['query', 'workspace_id'], type: 'missing' });

    const other = await api('/v1/interviews?workspace_id=11111111-1111-4111-8111-111111111111');
    expect(other.status).toBe(403);
    expect(ErrorBodySchema.parse(await json(other)).code).toBe('workspace_forbidden');
  });

  it('gets one interview with computed counts', async () => {
    const response = await api(`/v1/interviews/${ACTIVE}`);
    const interview = InterviewOutSchema.parse(await json(response));
    expect(interview).toMatchObject({ contact_count: 4, scheduled_count: 1, completed_count: 1 });
  });

  it('lists contacts newest first', async () => {
    const created = ContactOutSchema.parse(await json(await post(contactsPath(), { name: 'New' })));
    const list = ContactListSchema.parse(await json(await api(contactsPath())));
    expect(list).toHaveLength(5);
    expect(list[0]?.id).toBe(created.id);
  });

  it('lists question sets: 6, 250 and none', async () => {
    const sets = async (id: string) =>
      QuestionSetListSchema.parse(await json(await api(`/v1/interviews/${id}/question-sets`)));
    expect(await sets(ACTIVE)).toHaveLength(6);
    const large = await sets(SEED.interviews.large.id);
    expect(large).toHaveLength(250);
    expect(new Set(large.map((s) => s.id)).size).toBe(250);
    expect(large[0]?.name).toMatch(/^Set 001 — /);
    expect(await sets(SEED.interviews.draft.id)).toEqual([]);
  });

  it('answers 404 for unknown interviews (uuid or not) and unknown paths', async () => {
    for (const id of ['99999999-9999-4999-8999-999999999999', 'not-a-uuid']) {
      const response = await api(`/v1/interviews/${id}/contacts`);
      expect(response.status).toBe(404);
      expect(await json(response)).toEqual({ detail: 'Interview not found', code: 'not_found' });
    }
    const unknown = await api('/v1/booking/abc');
    expect(unknown.status).toBe(404);
    expect(await json(unknown)).toEqual({ detail: 'Not Found' });
  });

  it('answers 405 with Allow for a wrong method', async () => {
    const response = await api(contactsPath(), { method: 'DELETE' });
    expect(response.status).toBe(405);
    expect(response.headers.get('allow')).toBe('GET, POST');
  });
});

describe('creating a contact', () => {
  it('returns 201 with a ContactOut the contract accepts', async () => {
    const qs = SEED.activeQuestionSetIds[0];
    const response = await post(contactsPath(), {
      name: 'Ada Lovelace',
      email: 'ada@example.com',
      seniority_level: 3,
      is_required: true,
      question_set_id: qs,
      unknown_field: 'ignored',
    });
    expect(response.status).toBe(201);
    const raw = (await json(response)) as Record<string, unknown>;
    expect(raw).not.toHaveProperty('unknown_field');
    const contact = ContactOutSchema.parse(raw);
    expect(contact).toMatchObject({
      interview_id: ACTIVE,
      name: 'Ada Lovelace',
      email: 'ada@example.com',
      phone: null,
      seniority_level: 3,
      is_required: true,
      question_set_id: qs,
      status: 'pending',
      reminder_count: 0,
      scheduled_at: null,
      completed_at: null,
      last_reminder_at: null,
    });
    expect(contact.id).toMatch(/^[0-9a-f-]{36}$/);
    expect(contact.booking_token).toMatch(/^[A-Za-z0-9_-]{22,}$/);
    expect(new URL(contact.meeting_url ?? '').protocol).toBe('https:');
    expect(contact.created_at).toMatch(/Z$/);
    expect(await countContacts()).toBe(5);
  });

  it('stores hostile strings exactly as sent', async () => {
    const name = '<img src=x onerror=alert(1)> ‮evil‬ 👩🏽‍💻 Zoë 名前 \'"`';
    const contact = ContactOutSchema.parse(
      await json(await post(contactsPath(), { name, job_title: '  padded  ' })),
    );
    expect(contact.name).toBe(name);
    expect(contact.job_title).toBe('  padded  ');
  });

  it('refuses NUL bytes, blank names and over-long strings', async () => {
    const found = await issues(
      await post(contactsPath(), { name: '   ', email: 'a\u0000b', phone: 'x'.repeat(1001) }),
    );
    expect(found.map((i) => [i.loc, i.type])).toEqual([
      [['body', 'name'], 'string_too_short'],
      [['body', 'email'], 'string_pattern_mismatch'],
      [['body', 'phone'], 'string_too_long'],
    ]);
    expect(found[2]?.ctx).toEqual({ max_length: 1000 });
    // Exactly 1000 characters (emoji count once) is fine.
    expect((await post(contactsPath(), { name: '🙂'.repeat(1000) })).status).toBe(201);
  });

  it('reports a missing name', async () => {
    const [issue] = await issues(await post(contactsPath(), { email: 'a@b.c' }));
    expect(issue).toMatchObject({ loc: ['body', 'name'], type: 'missing', msg: 'Field required' });
  });

  // One wrong value per field, with the Pydantic type the sandbox must report.
  const wrong: Record<(typeof CONTACT_FIELDS)[number], [unknown, string]> = {
    name: [42, 'string_type'],
    email: [true, 'string_type'],
    phone: [5551234, 'string_type'],
    job_title: [['engineer'], 'string_type'],
    department: [{ name: 'x' }, 'string_type'],
    seniority_level: ['5', 'int_type'],
    is_required: ['true', 'bool_type'],
    question_set_id: ['not-a-uuid', 'uuid_parsing'],
  };
  it('covers every contract field', () => {
    expect(Object.keys(wrong).sort()).toEqual([...CONTACT_FIELDS].sort());
    expect(Object.keys(FIELD_KINDS).sort()).toEqual([...CONTACT_FIELDS].sort());
  });
  for (const field of CONTACT_FIELDS) {
    const [value, type] = wrong[field];
    it(`reports a wrong type in ${field}`, async () => {
      const body = { name: 'Valid', [field]: value };
      const found = await issues(await post(contactsPath(), body));
      expect(found).toHaveLength(1);
      expect(found[0]).toMatchObject({ loc: ['body', field], type, input: value });
    });
  }

  it('reports fractional integers and null booleans', async () => {
    const found = await issues(
      await post(contactsPath(), { name: 'A', seniority_level: 2.5, is_required: null }),
    );
    expect(found.map((i) => i.type)).toEqual(['int_from_float', 'bool_type']);
  });

  it('reports every wrong field at once', async () => {
    const found = await issues(
      await post(contactsPath(), {
        email: 1,
        seniority_level: 'high',
        is_required: 'no',
        question_set_id: 7,
      }),
    );
    expect(found.map((i) => i.loc.join('.'))).toEqual([
      'body.name',
      'body.email',
      'body.seniority_level',
      'body.is_required',
      'body.question_set_id',
    ]);
    expect(found.map((i) => i.type)).toEqual([
      'missing',
      'string_type',
      'int_type',
      'bool_type',
      'uuid_type',
    ]);
  });

  it('reports malformed JSON as json_invalid with a position', async () => {
    const [issue] = await issues(await post(contactsPath(), '{"name": "Ada",}'));
    expect(issue).toMatchObject({
      loc: ['body', 15],
      type: 'json_invalid',
      msg: 'JSON decode error',
    });
  });

  it('refuses a body that is not an object, and an empty body', async () => {
    const [array] = await issues(await post(contactsPath(), '[1,2]'));
    expect(array).toMatchObject({ loc: ['body'], type: 'model_attributes_type' });
    const [empty] = await issues(await post(contactsPath(), ''));
    expect(empty).toMatchObject({ loc: ['body'], type: 'missing' });
  });

  it('refuses a question set of another interview', async () => {
    const other = SEED.activeQuestionSetIds[0] ?? '';
    const [issue] = await issues(
      await post(contactsPath(SEED.interviews.large.id), { name: 'A', question_set_id: other }),
    );
    expect(issue).toMatchObject({ loc: ['body', 'question_set_id'], type: 'value_error' });
    expect(issue?.msg).toBe('Value error, Unknown question set for this interview');
  });

  it('refuses contacts for a completed interview with 409 campaign_locked', async () => {
    const response = await post(contactsPath(SEED.interviews.completed.id), { name: 'Late' });
    expect(response.status).toBe(409);
    expect(ErrorBodySchema.parse(await json(response)).code).toBe('campaign_locked');
  });

  it('accepts contacts for draft and paused interviews', async () => {
    expect((await post(contactsPath(SEED.interviews.draft.id), { name: 'A' })).status).toBe(201);
    expect((await post(contactsPath(SEED.interviews.paused.id), { name: 'B' })).status).toBe(201);
  });
});

describe('bulk', () => {
  const bulkPath = `${contactsPath()}/bulk`;

  it('creates all contacts', async () => {
    const response = await post(bulkPath, { contacts: [{ name: 'A' }, { name: 'B' }] });
    expect(response.status).toBe(201);
    expect(ContactBulkOutSchema.parse(await json(response)).count).toBe(2);
    expect(await countContacts()).toBe(6);
  });

  it('creates nothing when one item is invalid', async () => {
    const found = await issues(await post(bulkPath, { contacts: [{ name: 'A' }, { email: 3 }] }));
    expect(found.map((i) => i.loc)).toEqual([
      ['body', 'contacts', 1, 'name'],
      ['body', 'contacts', 1, 'email'],
    ]);
    expect(await countContacts()).toBe(4);
  });
});

describe('idempotency', () => {
  it('replays the first answer for the same key and body', async () => {
    const headers = { 'idempotency-key': 'key-1' };
    const first = await post(contactsPath(), { name: 'Once', email: 'o@x.io' }, headers);
    // Same JSON, different key order and spacing.
    const second = await post(contactsPath(), '{ "email": "o@x.io", "name": "Once" }', headers);
    expect(first.status).toBe(201);
    expect(second.status).toBe(201);
    expect(second.headers.get('idempotent-replayed')).toBe('true');
    expect(await json(second)).toEqual(await json(first));
    expect(await countContacts()).toBe(5);
  });

  it('answers 409 idempotency_conflict for the same key with another body', async () => {
    const headers = { 'idempotency-key': 'key-2' };
    await post(contactsPath(), { name: 'One' }, headers);
    const conflict = await post(contactsPath(), { name: 'Two' }, headers);
    expect(conflict.status).toBe(409);
    expect(ErrorBodySchema.parse(await json(conflict)).code).toBe('idempotency_conflict');
  });

  it('does not store failures, so a retry after an injected 500 succeeds', async () => {
    await post('/__sandbox/faults', { path: contactsPath(), status: 500 });
    const headers = { 'idempotency-key': 'key-3' };
    expect((await post(contactsPath(), { name: 'Retry' }, headers)).status).toBe(500);
    expect((await post(contactsPath(), { name: 'Retry' }, headers)).status).toBe(201);
    expect(await countContacts()).toBe(5);
  });

  it('creates one contact for concurrent requests with the same key', async () => {
    await post('/__sandbox/faults', { path: contactsPath(), delayMs: 100, passThrough: true });
    const headers = { 'idempotency-key': 'key-4' };
    const responses = await Promise.all(
      Array.from({ length: 6 }, () => post(contactsPath(), { name: 'Racer' }, headers)),
    );
    const bodies = await Promise.all(responses.map((r) => json(r)));
    expect(responses.map((r) => r.status)).toEqual(Array(6).fill(201));
    expect(new Set(bodies.map((b) => (b as { id: string }).id)).size).toBe(1);
    expect(await countContacts()).toBe(5);
  });
});

describe('rate limits and request ids', () => {
  it('sends rate-limit headers and a request id on every /v1 response', async () => {
    for (const response of [
      await api(contactsPath()),
      await api('/v1/nope'),
      await api(contactsPath(), {}, null),
    ]) {
      expect(response.headers.get('x-ratelimit-limit')).toBe('600');
      expect(Number(response.headers.get('x-ratelimit-remaining'))).toBeGreaterThan(0);
      expect(Number(response.headers.get('x-ratelimit-reset'))).toBeGreaterThan(
        Date.now() / 1000 - 1,
      );
      expect(response.headers.get('x-request-id')).toMatch(/^req_/);
    }
  });

  it('echoes a sane X-Request-Id and replaces an unsafe one', async () => {
    const echoed = await api(contactsPath(), { headers: { 'x-request-id': 'trace-123.abc_D' } });
    expect(echoed.headers.get('x-request-id')).toBe('trace-123.abc_D');
    const replaced = await api(contactsPath(), { headers: { 'x-request-id': 'a b<script>' } });
    expect(replaced.headers.get('x-request-id')).toMatch(/^req_/);
  });

  it('answers 429 rate_limited with Retry-After past the limit', async () => {
    const small = createSandboxServer({ rateLimit: 3, rateWindowSeconds: 60 });
    const url = await small.listen();
    try {
      const get = (key: string | null) =>
        fetch(`${url}${contactsPath()}`, { headers: key ? { 'x-api-key': key } : {} });
      // Unauthenticated requests do not spend the budget.
      expect((await get(null)).status).toBe(401);
      const statuses = [];
      for (let i = 0; i < 3; i++) statuses.push((await get(KEY)).status);
      expect(statuses).toEqual([200, 200, 200]);
      const limited = await get(KEY);
      expect(limited.status).toBe(429);
      expect(Number(limited.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
      expect(limited.headers.get('x-ratelimit-remaining')).toBe('0');
      expect(ErrorBodySchema.parse(await json(limited)).code).toBe('rate_limited');
      // Reset clears the counters.
      await fetch(`${url}/__sandbox/reset`, { method: 'POST' });
      expect((await get(KEY)).status).toBe(200);
    } finally {
      await small.close();
    }
  });
});

describe('fault injection', () => {
  const addFault = async (fault: Record<string, unknown>) => {
    const response = await post('/__sandbox/faults', fault);
    expect(response.status).toBe(201);
    return (await json(response)) as { id: string };
  };

  it('injects a status for `count` matching requests, before auth, with headers', async () => {
    await addFault({
      method: 'POST',
      path: '/v1/interviews/*/contacts',
      status: 503,
      count: 2,
      headers: { 'Retry-After': '2' },
    });
    const first = await post(contactsPath(), { name: 'A' });
    expect(first.status).toBe(503);
    expect(first.headers.get('retry-after')).toBe('2');
    expect(first.headers.get('x-request-id')).toMatch(/^req_/);
    expect(first.headers.get('x-ratelimit-limit')).toBe('600');
    expect(await json(first)).toEqual({ detail: 'Service temporarily unavailable' });
    // GET does not match the method; the second POST still gets the fault.
    expect((await api(contactsPath())).status).toBe(200);
    expect((await post(contactsPath(), { name: 'A' })).status).toBe(503);
    expect((await post(contactsPath(), { name: 'A' })).status).toBe(201);
  });

  it('injects a 401 even with valid credentials, and a custom body', async () => {
    await addFault({ status: 401 });
    const response = await api(contactsPath());
    expect(response.status).toBe(401);
    expect(ErrorBodySchema.parse(await json(response)).code).toBe('invalid_api_key');
    await addFault({ status: 500, body: { detail: 'Custom' } });
    expect(await json(await api(contactsPath()))).toEqual({ detail: 'Custom' });
  });

  it('lists and clears pending faults', async () => {
    const { id } = await addFault({ status: 500, count: 3 });
    const listed = (await json(await fetch(`${base}/__sandbox/faults`))) as {
      id: string;
      count: number;
    }[];
    expect(listed).toEqual([expect.objectContaining({ id, count: 3 })]);
    await fetch(`${base}/__sandbox/faults`, { method: 'DELETE' });
    expect(await json(await fetch(`${base}/__sandbox/faults`))).toEqual([]);
  });

  it('validates fault bodies', async () => {
    const response = await post('/__sandbox/faults', { status: 42, action: 'explode' });
    expect(response.status).toBe(422);
    expect((await post('/__sandbox/faults', {})).status).toBe(422);
  });

  it('hangs until the client gives up, then serves normally', async () => {
    await addFault({ action: 'hang' });
    await expect(api(contactsPath(), { signal: AbortSignal.timeout(200) })).rejects.toThrow();
    expect((await api(contactsPath())).status).toBe(200);
  });

  it('drops the connection', async () => {
    await addFault({ action: 'drop' });
    await expect(api(contactsPath())).rejects.toThrow();
    expect((await api(contactsPath())).status).toBe(200);
  });

  it('answers a malformed 201 that the contract rejects', async () => {
    await addFault({ method: 'POST', malformed: true });
    const response = await post(contactsPath(), { name: 'A' });
    expect(response.status).toBe(201);
    expect(ContactOutSchema.safeParse(await json(response)).success).toBe(false);
    expect(await countContacts()).toBe(4);
  });

  it('delays and then processes normally', async () => {
    await addFault({ delayMs: 150, passThrough: true });
    const started = performance.now();
    const response = await post(contactsPath(), { name: 'Slow' });
    expect(response.status).toBe(201);
    expect(performance.now() - started).toBeGreaterThanOrEqual(140);
  });

  it('reset restores the seed and clears faults', async () => {
    await post(contactsPath(), { name: 'Temp' });
    await addFault({ status: 500 });
    const reset = await fetch(`${base}/__sandbox/reset`, { method: 'POST' });
    expect(reset.status).toBe(204);
    expect(await countContacts()).toBe(4);
    expect((await api(contactsPath())).status).toBe(200);
  });

  it('creates isolated interviews for tests', async () => {
    const response = await post('/__sandbox/interviews', {
      name: 'Isolated',
      status: 'draft',
      question_set_count: 12,
    });
    expect(response.status).toBe(201);
    const interview = InterviewOutSchema.parse(await json(response));
    expect(interview).toMatchObject({ name: 'Isolated', status: 'draft', contact_count: 0 });
    const sets = QuestionSetListSchema.parse(
      await json(await api(`/v1/interviews/${interview.id}/question-sets`)),
    );
    expect(sets).toHaveLength(12);
    expect(
      (await post(contactsPath(interview.id), { name: 'A', question_set_id: sets[0]?.id })).status,
    ).toBe(201);
  });

  it('describes itself', async () => {
    const response = await fetch(`${base}/__sandbox`);
    expect(response.status).toBe(200);
    expect(JSON.stringify(await json(response))).toContain('/__sandbox/faults');
  });
});
