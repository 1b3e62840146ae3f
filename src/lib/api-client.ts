import * as z from 'zod/mini';
import {
  ContactListSchema,
  ContactOutSchema,
  InterviewListSchema,
  InterviewOutSchema,
  QuestionSetListSchema,
  type ContactCreate,
  type ContactOut,
  type InterviewOut,
  type QuestionSet,
} from '@/contracts/ontora';
import { ApiError, errorFromResponse } from './api-error';

export interface ApiClientOptions {
  /** Where `/v1` lives. Default: same-origin `/v1` (the server's gateway). */
  baseUrl?: string;
  /**
   * Supplies a Bearer token (the embed's host auth). Called before each request, and once more
   * after a 401, before that request is retried with the same Idempotency-Key.
   */
  getToken?: () => Promise<string | null | undefined>;
  /** Per-attempt timeout; the request fails with kind `timeout` after it. Default 20 s. */
  timeoutMs?: number;
  fetch?: typeof fetch;
}

export interface RequestOptions {
  signal?: AbortSignal;
}

export interface CreateContactOptions extends RequestOptions {
  /** One UUID per logical submission, reused by every retry of it. */
  idempotencyKey: string;
}

export interface ApiClient {
  readonly baseUrl: string;
  listInterviews(options?: RequestOptions): Promise<InterviewOut[]>;
  getInterview(interviewId: string, options?: RequestOptions): Promise<InterviewOut>;
  listContacts(interviewId: string, options?: RequestOptions): Promise<ContactOut[]>;
  listQuestionSets(interviewId: string, options?: RequestOptions): Promise<QuestionSet[]>;
  createContact(
    interviewId: string,
    body: ContactCreate,
    options: CreateContactOptions,
  ): Promise<ContactOut>;
}

export const DEFAULT_TIMEOUT_MS = 20_000;

interface Call<T> {
  method: 'GET' | 'POST';
  path: string;
  schema: z.ZodMiniType<T>;
  body?: unknown;
  idempotencyKey?: string;
  signal?: AbortSignal;
}

const UNEXPECTED_FORMAT = 'The API answered in an unexpected format.';

/**
 * The only module that talks HTTP. Every failure rejects with an {@link ApiError}; every 2xx body
 * is parsed with its contract schema, so a broken answer fails loudly instead of surfacing
 * later as `undefined`.
 *
 * @example
 * const api = createApiClient({ baseUrl: '/v1' });
 * const contact = await api.createContact(id, { name: 'Ada' }, { idempotencyKey: crypto.randomUUID() });
 */
export function createApiClient(options: ApiClientOptions = {}): ApiClient {
  const baseUrl = (options.baseUrl ?? '/v1').replace(/\/+$/, '');
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const fetchImpl = options.fetch ?? ((...args: Parameters<typeof fetch>) => fetch(...args));

  async function attempt<T>(call: Call<T>, token: string | null | undefined): Promise<T> {
    const headers: Record<string, string> = { accept: 'application/json' };
    if (call.body !== undefined) headers['content-type'] = 'application/json';
    if (call.idempotencyKey) headers['idempotency-key'] = call.idempotencyKey;
    if (token) headers.authorization = `Bearer ${token}`;

    const timeout = new AbortController();
    const timer = setTimeout(() => {
      timeout.abort();
    }, timeoutMs);
    const signal = call.signal ? AbortSignal.any([call.signal, timeout.signal]) : timeout.signal;

    let response: Response;
    let text: string;
    try {
      response = await fetchImpl(`${baseUrl}${call.path}`, {
        method: call.method,
        headers,
        body: call.body === undefined ? undefined : JSON.stringify(call.body),
        signal,
      });
      text = await response.text();
    } catch (cause) {
      if (call.signal?.aborted) {
        throw new ApiError({ kind: 'aborted', message: 'The request was cancelled.' });
      }
      if (timeout.signal.aborted) {
        throw new ApiError({
          kind: 'timeout',
          message: `The Ontora API did not answer within ${Math.round(timeoutMs / 1000)} seconds.`,
        });
      }
      throw new ApiError({
        kind: 'network',
        message:
          cause instanceof Error && /offline/i.test(cause.message)
            ? 'You are offline.'
            : 'Could not reach the server. Check the connection.',
      });
    } finally {
      clearTimeout(timer);
    }

    const requestId = response.headers.get('x-request-id');
    let json: unknown = undefined;
    let jsonOk = false;
    if (text !== '') {
      try {
        json = JSON.parse(text);
        jsonOk = true;
      } catch {
        // Not JSON: handled below (a 2xx must be JSON; an error page may be HTML).
      }
    }

    if (!response.ok) throw errorFromResponse(response.status, response.headers, json);

    const parsed = jsonOk ? call.schema.safeParse(json) : null;
    if (parsed?.success) return parsed.data;
    throw new ApiError({
      kind: 'unexpected_response',
      status: response.status,
      requestId,
      message: UNEXPECTED_FORMAT,
      detail: parsed?.error ? z.prettifyError(parsed.error) : 'The body is not JSON.',
      partial: knownFields(json),
    });
  }

  async function send<T>(call: Call<T>): Promise<T> {
    const token = options.getToken ? await options.getToken() : undefined;
    try {
      return await attempt(call, token);
    } catch (error) {
      // One fresh token and one retry on a 401, with the same Idempotency-Key: a host whose
      // token expired mid-session gets a second chance without the recruiter noticing.
      if (options.getToken && error instanceof ApiError && error.status === 401) {
        return attempt(call, await options.getToken());
      }
      throw error;
    }
  }

  const interviewPath = (id: string) => `/interviews/${encodeURIComponent(id)}`;

  return {
    baseUrl,
    listInterviews: ({ signal } = {}) =>
      send({ method: 'GET', path: '/interviews', schema: InterviewListSchema, signal }),

    async getInterview(interviewId, { signal } = {}) {
      try {
        return await send({
          method: 'GET',
          path: interviewPath(interviewId),
          schema: InterviewOutSchema,
          signal,
        });
      } catch (error) {
        // ASSUMED endpoint: Ontora documents no get-one. When the API lacks the route (405, or a
        // framework's bare "Not Found" without a code), fall back to the documented list.
        if (!(error instanceof ApiError) || !isMissingRoute(error)) throw error;
        const all = await send({
          method: 'GET',
          path: '/interviews',
          schema: InterviewListSchema,
          signal,
        });
        const found = all.find((interview) => interview.id === interviewId);
        if (found) return found;
        throw new ApiError({
          kind: 'http',
          status: 404,
          code: 'not_found',
          message: 'Not found: this interview no longer exists.',
          requestId: error.requestId,
        });
      }
    },

    listContacts: (interviewId, { signal } = {}) =>
      send({
        method: 'GET',
        path: `${interviewPath(interviewId)}/contacts`,
        schema: ContactListSchema,
        signal,
      }),

    listQuestionSets: (interviewId, { signal } = {}) =>
      send({
        method: 'GET',
        path: `${interviewPath(interviewId)}/question-sets`,
        schema: QuestionSetListSchema,
        signal,
      }),

    createContact: (interviewId, body, { idempotencyKey, signal }) =>
      send({
        method: 'POST',
        path: `${interviewPath(interviewId)}/contacts`,
        schema: ContactOutSchema,
        body,
        idempotencyKey,
        signal,
      }),
  };
}

/** A 404/405/501 that means "this API has no such endpoint" rather than "no such record". */
export function isMissingRoute(error: ApiError): boolean {
  if (error.kind !== 'http') return false;
  if (error.status === 405 || error.status === 501) return true;
  return error.status === 404 && error.code === null && error.detail === 'Not Found';
}

/** An endpoint the app relies on but Ontora does not document answered "no such route". */
export function isEndpointUnavailable(error: unknown): boolean {
  return (
    error instanceof ApiError &&
    error.kind === 'http' &&
    (error.status === 404 || error.status === 405 || error.status === 501)
  );
}

/** What can still be read from a broken success body: scalar id-like fields only, as text. */
function knownFields(json: unknown): Record<string, unknown> | null {
  if (typeof json !== 'object' || json === null || Array.isArray(json)) return null;
  const known: Record<string, unknown> = {};
  for (const key of ['id', 'name', 'status'] as const) {
    const value = (json as Record<string, unknown>)[key];
    if (typeof value === 'string' || typeof value === 'number') known[key] = String(value);
  }
  return Object.keys(known).length > 0 ? known : null;
}
