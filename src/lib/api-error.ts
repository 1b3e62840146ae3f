import {
  CONTACT_FIELDS,
  ErrorBodySchema,
  ValidationErrorBodySchema,
  type ContactField,
  type ValidationIssue,
} from '@/contracts/ontora';

/**
 * What went wrong, in one of five kinds:
 * - `http`: the API answered with a non-2xx status;
 * - `network`: no answer at all (connection refused, dropped, offline);
 * - `timeout`: no answer within the client's timeout;
 * - `unexpected_response`: a 2xx whose body breaks the contract;
 * - `aborted`: the caller cancelled (navigated away, pressed Cancel).
 */
export type ApiErrorKind = 'http' | 'network' | 'timeout' | 'unexpected_response' | 'aborted';

export type FieldErrors = Partial<Record<ContactField, string[]>>;

export interface ApiErrorInit {
  kind: ApiErrorKind;
  message: string;
  status?: number | null;
  code?: string | null;
  detail?: string | null;
  fieldErrors?: FieldErrors;
  formErrors?: string[];
  retryAfterSeconds?: number | null;
  requestId?: string | null;
  /** For `unexpected_response`: whatever could be read, e.g. `{ id }` of a created contact. */
  partial?: Record<string, unknown> | null;
}

/**
 * The single error type every API call rejects with. `message` is written for a recruiter;
 * `detail` keeps the API's own words; `requestId` is what support needs.
 *
 * @example
 * if (isApiError(error) && error.kind === 'http' && error.status === 422) form.setError(...)
 */
export class ApiError extends Error {
  override readonly name = 'ApiError';
  readonly kind: ApiErrorKind;
  readonly status: number | null;
  readonly code: string | null;
  readonly detail: string | null;
  readonly fieldErrors: FieldErrors;
  readonly formErrors: string[];
  readonly retryAfterSeconds: number | null;
  readonly requestId: string | null;
  readonly partial: Record<string, unknown> | null;

  constructor(init: ApiErrorInit) {
    super(init.message);
    this.kind = init.kind;
    this.status = init.status ?? null;
    this.code = init.code ?? null;
    this.detail = init.detail ?? null;
    this.fieldErrors = init.fieldErrors ?? {};
    this.formErrors = init.formErrors ?? [];
    this.retryAfterSeconds = init.retryAfterSeconds ?? null;
    this.requestId = init.requestId ?? null;
    this.partial = init.partial ?? null;
  }

  /** True for failures where sending the same request again (same Idempotency-Key) may work. */
  get isTransient(): boolean {
    if (this.kind === 'network' || this.kind === 'timeout') return true;
    return (
      this.kind === 'http' && (this.status === 502 || this.status === 503 || this.status === 504)
    );
  }
}

export function isApiError(value: unknown): value is ApiError {
  return value instanceof ApiError;
}

const FIELD_SET: ReadonlySet<string> = new Set(CONTACT_FIELDS);

export function isContactField(value: unknown): value is ContactField {
  return typeof value === 'string' && FIELD_SET.has(value);
}

/**
 * Splits a 422's `detail[]` into messages per body field and form-level messages.
 * `["body","email"]` (and deeper paths such as `["body","email",0]`) land on `email`; anything
 * else (`["body"]` for malformed JSON, `["query",…]`, `["path",…]`, unknown fields) stays
 * form-level, prefixed with its location so nothing is lost.
 */
export function mapValidationIssues(issues: readonly ValidationIssue[]): {
  fieldErrors: FieldErrors;
  formErrors: string[];
} {
  const fieldErrors: FieldErrors = {};
  const formErrors: string[] = [];
  for (const issue of issues) {
    const [source, field] = issue.loc;
    if (source === 'body' && isContactField(field)) {
      (fieldErrors[field] ??= []).push(issue.msg);
    } else {
      const where = issue.loc.filter((part) => part !== 'body').join('.');
      formErrors.push(where ? `${where}: ${issue.msg}` : issue.msg);
    }
  }
  return { fieldErrors, formErrors };
}

/** `Retry-After` as seconds: delta-seconds or an HTTP date; null when absent or unreadable. */
export function parseRetryAfter(value: string | null, now: number = Date.now()): number | null {
  if (value === null || value.trim() === '') return null;
  const trimmed = value.trim();
  if (/^\d+$/.test(trimmed)) return Number(trimmed);
  const date = Date.parse(trimmed);
  if (Number.isNaN(date)) return null;
  return Math.max(0, Math.ceil((date - now) / 1000));
}

/** Plain-language messages for the codes Ontora documents (and our sandbox's own). */
const MESSAGES_BY_CODE: Record<string, string> = {
  invalid_api_key: 'Not authorised: the session has expired or the API key is not valid.',
  insufficient_scope: 'The API key lacks access to this scope (it needs the "interviews" scope).',
  workspace_forbidden: 'The API key belongs to another workspace and cannot reach this interview.',
  campaign_locked:
    'This interview is not in a state that takes new contacts (for example, it is completed).',
  idempotency_conflict:
    'This submission was already sent with different details. Start a new contact to send it again.',
  rate_limited: 'Too many requests: Ontora is rate limiting this workspace.',
  upstream_timeout: 'The Ontora API took too long to answer.',
  upstream_unreachable: 'The Ontora API could not be reached.',
  payload_too_large: 'The request is too large.',
};

function messageForStatus(status: number): string {
  if (status === 400) return 'The API could not process the request.';
  if (status === 401) return MESSAGES_BY_CODE.invalid_api_key ?? '';
  if (status === 403) return 'Not allowed: the API key lacks access to this scope or workspace.';
  if (status === 404) return 'Not found: this interview no longer exists.';
  if (status === 409) return 'The interview is not in a state that allows this.';
  if (status === 413) return 'The request is too large.';
  if (status === 422) return 'Some details need fixing.';
  if (status === 429) return MESSAGES_BY_CODE.rate_limited ?? '';
  if (status === 502 || status === 504) return 'The Ontora API did not answer properly.';
  if (status === 503) return 'Ontora is temporarily unavailable.';
  if (status >= 500) return 'Ontora had an internal error.';
  return `The API answered with HTTP ${status}.`;
}

/** Builds the ApiError for a non-2xx answer from its status, headers and (unparsed) body. */
export function errorFromResponse(status: number, headers: Headers, body: unknown): ApiError {
  const requestId = headers.get('x-request-id');
  const retryAfterSeconds = parseRetryAfter(headers.get('retry-after'));
  const common = { kind: 'http' as const, status, requestId, retryAfterSeconds };

  const validation = ValidationErrorBodySchema.safeParse(body);
  if (validation.success) {
    const { fieldErrors, formErrors } = mapValidationIssues(validation.data.detail);
    return new ApiError({
      ...common,
      code: validation.data.code,
      message: messageForStatus(status),
      fieldErrors,
      formErrors,
    });
  }

  const plain = ErrorBodySchema.safeParse(body);
  const code = plain.success ? plain.data.code : null;
  const detail = plain.success ? plain.data.detail : null;
  const message = (code !== null ? MESSAGES_BY_CODE[code] : undefined) ?? messageForStatus(status);
  return new ApiError({ ...common, code, detail, message });
}
