import { describe, expect, it, vi } from 'vitest';
import { contactOutSample, interviewOutSample } from '@/contracts/documented-samples';
import { createApiClient } from './api-client';
import { ApiError, mapValidationIssues, parseRetryAfter } from './api-error';

type Handler = (url: string, init: RequestInit) => Response | Promise<Response>;

function fakeFetch(handler: Handler) {
  return vi.fn((input: RequestInfo | URL, init?: RequestInit) =>
    Promise.resolve(handler(input instanceof Request ? input.url : input.toString(), init ?? {})),
  );
}

function json(status: number, body: unknown, headers: Record<string, string> = {}) {
  return new Response(JSON.stringify(body), {
    status,
    headers: { 'content-type': 'application/json', ...headers },
  });
}

async function failure(promise: Promise<unknown>): Promise<ApiError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof ApiError) return error;
    throw error;
  }
  throw new Error('expected the call to fail');
}

const KEY = '1b4e28ba-2fa1-41d2-883f-0016d3cca427';

describe('createContact', () => {
  it('POSTs JSON to /v1/interviews/{id}/contacts with the Idempotency-Key', async () => {
    const fetch = fakeFetch(() => json(201, contactOutSample));
    const api = createApiClient({ fetch });
    const contact = await api.createContact('iv-1', { name: 'Ada' }, { idempotencyKey: KEY });

    expect(contact.id).toBe(contactOutSample.id);
    const [url, init] = fetch.mock.calls[0] ?? [];
    expect(url).toBe('/v1/interviews/iv-1/contacts');
    expect(init?.method).toBe('POST');
    expect(init?.body).toBe('{"name":"Ada"}');
    expect(init?.headers).toMatchObject({
      'idempotency-key': KEY,
      'content-type': 'application/json',
    });
  });

  it('honours a configured base URL and escapes the interview id', async () => {
    const fetch = fakeFetch(() => json(201, contactOutSample));
    const api = createApiClient({ fetch, baseUrl: 'https://portal.example/v1/' });
    await api.createContact('a/b', { name: 'Ada' }, { idempotencyKey: KEY });
    expect(fetch.mock.calls[0]?.[0]).toBe('https://portal.example/v1/interviews/a%2Fb/contacts');
  });

  it('maps a 422 onto fields by loc and keeps the rest form-level', async () => {
    const fetch = fakeFetch(() =>
      json(
        422,
        {
          detail: [
            { loc: ['body', 'email'], msg: 'value is not a valid email', type: 'value_error' },
            {
              loc: ['body', 'seniority_level'],
              msg: 'Input should be a valid integer',
              type: 'int_type',
            },
            { loc: ['body'], msg: 'JSON decode error', type: 'json_invalid' },
            { loc: ['query', 'workspace_id'], msg: 'Field required', type: 'missing' },
          ],
        },
        { 'x-request-id': 'req_422' },
      ),
    );
    const error = await failure(
      createApiClient({ fetch }).createContact('iv', { name: 'A' }, { idempotencyKey: KEY }),
    );
    expect(error.kind).toBe('http');
    expect(error.status).toBe(422);
    expect(error.fieldErrors).toEqual({
      email: ['value is not a valid email'],
      seniority_level: ['Input should be a valid integer'],
    });
    expect(error.formErrors).toEqual(['JSON decode error', 'query.workspace_id: Field required']);
    expect(error.requestId).toBe('req_422');
  });

  it('keeps a string detail, the code and a plain-language message', async () => {
    const fetch = fakeFetch(() =>
      json(409, { detail: 'Interview is completed', code: 'campaign_locked' }),
    );
    const error = await failure(
      createApiClient({ fetch }).createContact('iv', { name: 'A' }, { idempotencyKey: KEY }),
    );
    expect(error.status).toBe(409);
    expect(error.code).toBe('campaign_locked');
    expect(error.detail).toBe('Interview is completed');
    expect(error.message).toMatch(/not in a state that takes new contacts/);
  });

  it('reads Retry-After in seconds on a 429', async () => {
    const fetch = fakeFetch(() =>
      json(429, { detail: 'Rate limit exceeded', code: 'rate_limited' }, { 'retry-after': '7' }),
    );
    const error = await failure(
      createApiClient({ fetch }).createContact('iv', { name: 'A' }, { idempotencyKey: KEY }),
    );
    expect(error.retryAfterSeconds).toBe(7);
    expect(error.code).toBe('rate_limited');
  });

  it('turns a connection failure into a network error', async () => {
    const fetch = vi.fn(() => Promise.reject(new TypeError('Failed to fetch')));
    const error = await failure(
      createApiClient({ fetch }).createContact('iv', { name: 'A' }, { idempotencyKey: KEY }),
    );
    expect(error.kind).toBe('network');
    expect(error.isTransient).toBe(true);
  });

  it('gives up after the timeout with a timeout error', async () => {
    const fetch = vi.fn(
      (_input: RequestInfo | URL, init?: RequestInit) =>
        new Promise<Response>((_resolve, reject) => {
          init?.signal?.addEventListener('abort', () => {
            reject(new DOMException('aborted', 'AbortError'));
          });
        }),
    );
    const error = await failure(
      createApiClient({ fetch, timeoutMs: 10 }).createContact(
        'iv',
        { name: 'A' },
        { idempotencyKey: KEY },
      ),
    );
    expect(error.kind).toBe('timeout');
    expect(error.isTransient).toBe(true);
  });

  it('reports a cancelled request as aborted, not as a timeout', async () => {
    const controller = new AbortController();
    const fetch = vi.fn(
      (_input: RequestInfo | URL, init?: RequestInit) =>
        new Promise<Response>((_resolve, reject) => {
          init?.signal?.addEventListener('abort', () => {
            reject(new DOMException('aborted', 'AbortError'));
          });
        }),
    );
    const pending = createApiClient({ fetch }).createContact(
      'iv',
      { name: 'A' },
      { idempotencyKey: KEY, signal: controller.signal },
    );
    controller.abort();
    expect((await failure(pending)).kind).toBe('aborted');
  });

  it('reports a success body that breaks the schema, with what is known and the request id', async () => {
    const fetch = fakeFetch(() =>
      json(201, { id: 'c-1', status: 42 }, { 'x-request-id': 'req_bad' }),
    );
    const error = await failure(
      createApiClient({ fetch }).createContact('iv', { name: 'A' }, { idempotencyKey: KEY }),
    );
    expect(error.kind).toBe('unexpected_response');
    expect(error.message).toBe('The API answered in an unexpected format.');
    expect(error.partial).toEqual({ id: 'c-1', status: '42' });
    expect(error.requestId).toBe('req_bad');
  });

  it('treats a non-JSON success as an unexpected response and an HTML error page as HTTP', async () => {
    const html = fakeFetch(() => new Response('<html>ok</html>', { status: 200 }));
    expect(
      (
        await failure(
          createApiClient({ fetch: html }).createContact(
            'iv',
            { name: 'A' },
            { idempotencyKey: KEY },
          ),
        )
      ).kind,
    ).toBe('unexpected_response');

    const gateway = fakeFetch(() => new Response('<html>Bad gateway</html>', { status: 502 }));
    const error = await failure(
      createApiClient({ fetch: gateway }).createContact(
        'iv',
        { name: 'A' },
        { idempotencyKey: KEY },
      ),
    );
    expect(error.status).toBe(502);
    expect(error.isTransient).toBe(true);
  });

  it('asks for a fresh token once after a 401 and retries with the same key', async () => {
    const tokens = ['old', 'fresh'];
    const getToken = vi.fn(() => Promise.resolve(tokens.shift()));
    const fetch = fakeFetch((_url, init) =>
      (init.headers as Record<string, string>).authorization === 'Bearer fresh'
        ? json(201, contactOutSample)
        : json(401, { detail: 'expired', code: 'invalid_api_key' }),
    );
    const contact = await createApiClient({ fetch, getToken }).createContact(
      'iv',
      { name: 'A' },
      { idempotencyKey: KEY },
    );
    expect(contact.id).toBe(contactOutSample.id);
    expect(getToken).toHaveBeenCalledTimes(2);
    const keys = fetch.mock.calls.map(
      ([, init]) => (init?.headers as Record<string, string>)['idempotency-key'],
    );
    expect(keys).toEqual([KEY, KEY]);
  });
});

describe('getInterview', () => {
  it('returns the interview from the get-one endpoint', async () => {
    const fetch = fakeFetch(() => json(200, interviewOutSample));
    const interview = await createApiClient({ fetch }).getInterview(interviewOutSample.id);
    expect(interview.id).toBe(interviewOutSample.id);
  });

  it('falls back to the documented list when the API has no get-one route', async () => {
    const fetch = fakeFetch((url) =>
      url.endsWith('/interviews')
        ? json(200, [interviewOutSample])
        : json(404, { detail: 'Not Found' }),
    );
    const interview = await createApiClient({ fetch }).getInterview(interviewOutSample.id);
    expect(interview.name).toBe(interviewOutSample.name);

    const missing = await failure(createApiClient({ fetch }).getInterview('unknown'));
    expect(missing.status).toBe(404);
  });

  it('does not fall back when the API says the interview itself is unknown', async () => {
    const fetch = fakeFetch(() => json(404, { detail: 'Interview not found', code: 'not_found' }));
    const error = await failure(createApiClient({ fetch }).getInterview('x'));
    expect(error.status).toBe(404);
    expect(fetch).toHaveBeenCalledTimes(1);
  });
});

describe('helpers', () => {
  it('parses Retry-After as seconds or as an HTTP date', () => {
    expect(parseRetryAfter('3')).toBe(3);
    expect(parseRetryAfter(null)).toBeNull();
    expect(parseRetryAfter('soon')).toBeNull();
    const now = Date.parse('2026-01-01T00:00:00Z');
    expect(parseRetryAfter('Thu, 01 Jan 2026 00:00:05 GMT', now)).toBe(5);
  });

  it('maps nested body locations to their top-level field', () => {
    expect(
      mapValidationIssues([{ loc: ['body', 'phone', 0], msg: 'bad', type: 'x' }]).fieldErrors,
    ).toEqual({ phone: ['bad'] });
    expect(
      mapValidationIssues([{ loc: ['body', 'nickname'], msg: 'bad', type: 'x' }]).formErrors,
    ).toEqual(['nickname: bad']);
  });
});
