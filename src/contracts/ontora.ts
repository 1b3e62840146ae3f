/**
 * The Ontora v1 wire format: the one place that says what goes over the wire.
 *
 * Imported by the add-contact form (request body rules), the API client (response parsing)
 * and the sandbox in `server/` (request validation, response shapes). Written with `zod/mini`
 * because it tree-shakes to a fraction of classic zod's bytes (docs/decisions/0002-zod-mini.md).
 *
 * Source of truth: ../shared/docs/ontora-api.md (archived docs.ontora.com). Every field that
 * Ontora does not document is marked ASSUMED where it is defined, with the reading we chose.
 *
 * Response schemas use `z.object`, which drops unknown keys: Ontora adds fields within v1
 * without a version bump, so clients must ignore them. Ids are opaque strings on responses
 * (the docs type them as uuid but show prefixed ids elsewhere); request ids we send are checked.
 */
import * as z from 'zod/mini';

/** A nullable field that may also be missing from a response: treated as `null`. */
const optionalNullable = <T extends z.core.SomeType>(schema: T) =>
  z.pipe(
    z.optional(z.nullable(schema)),
    z.transform((value) => value ?? null),
  );

// ---------------------------------------------------------------------------------------------
// Requests
// ---------------------------------------------------------------------------------------------

/**
 * Body of `POST /v1/interviews/{interview_id}/contacts` (DOC: api-reference/interviews/add-contact).
 * `name` is the only required field; the rest are nullable. No lengths or formats are documented,
 * so none are enforced here: the form adds its own rules on top (trim, email, E.164, integers).
 *
 * @example ContactCreateSchema.parse({ name: 'Ada Lovelace', is_required: true })
 */
export const ContactCreateSchema = z.object({
  name: z.string(),
  email: z.optional(z.nullable(z.string())),
  phone: z.optional(z.nullable(z.string())),
  job_title: z.optional(z.nullable(z.string())),
  department: z.optional(z.nullable(z.string())),
  // DOC: integer | null. No scale is documented; `interview_order: seniority_high_first` implies
  // that a higher number means more senior (INF).
  seniority_level: z.optional(z.nullable(z.int())),
  // DOC: boolean, default false. Meaning not documented.
  is_required: z._default(z.boolean(), false),
  // DOC: string<uuid> | null. `guid` accepts any 8-4-4-4-12 hex id, as Pydantic's UUID does.
  question_set_id: z.optional(z.nullable(z.guid())),
});
export type ContactCreate = z.input<typeof ContactCreateSchema>;

/** The body fields of ContactCreate, in the order the docs list them. */
export const CONTACT_FIELDS = [
  'name',
  'email',
  'phone',
  'job_title',
  'department',
  'seniority_level',
  'is_required',
  'question_set_id',
] as const;
export type ContactField = (typeof CONTACT_FIELDS)[number];

/** Body of `POST /v1/interviews/{interview_id}/contacts/bulk` (DOC). Batch limit: UNKNOWN. */
export const ContactBulkCreateSchema = z.object({
  contacts: z.array(ContactCreateSchema),
});

// ---------------------------------------------------------------------------------------------
// Responses
// ---------------------------------------------------------------------------------------------

/**
 * `ContactOut`, the answer to add-contact. Keys and order come from the documented sample.
 * DOC (required, nullable as shown): id, interview_id, question_set_id, name, email, phone,
 * job_title. The rest were cut from the archived page: their nullability is INF, so they are
 * accepted as missing or null here.
 */
export const ContactOutSchema = z.object({
  id: z.string(),
  interview_id: z.string(),
  question_set_id: optionalNullable(z.string()),
  name: z.string(),
  email: optionalNullable(z.string()),
  phone: optionalNullable(z.string()),
  job_title: optionalNullable(z.string()),
  department: optionalNullable(z.string()),
  seniority_level: optionalNullable(z.int()),
  is_required: z._default(z.boolean(), false),
  // INF: null until scheduled. Any string is accepted here: whether it may become a link is
  // decided where it is shown (src/lib/safe-url.ts), never by trusting the API.
  meeting_url: optionalNullable(z.string()),
  // INF: no enum is published; kept as an open string. `pending` is the sandbox's initial value.
  status: optionalNullable(z.string()),
  scheduled_at: optionalNullable(z.string()),
  completed_at: optionalNullable(z.string()),
  created_at: optionalNullable(z.string()),
  booking_token: optionalNullable(z.string()),
  reminder_count: z._default(z.int(), 0),
  last_reminder_at: optionalNullable(z.string()),
});
export type ContactOut = z.output<typeof ContactOutSchema>;

/** Answer to the bulk endpoint (DOC). */
export const ContactBulkOutSchema = z.object({
  created: z.array(ContactOutSchema),
  count: z.int(),
});

/**
 * `InterviewOut` (DOC: field names from the list-interviews sample; id, workspace_id and name
 * non-null, project_id and description nullable; the rest INF). Only the fields the app shows
 * are listed; the others are ignored like any unknown field.
 */
export const InterviewOutSchema = z.object({
  id: z.string(),
  workspace_id: optionalNullable(z.string()),
  project_id: optionalNullable(z.string()),
  name: z.string(),
  description: optionalNullable(z.string()),
  // INF: draft | active | paused | completed (concepts/campaigns), typed as a plain string.
  status: optionalNullable(z.string()),
  // INF: only `google_meet` is ever shown; open string.
  channel: optionalNullable(z.string()),
  timeframe_start: optionalNullable(z.string()),
  timeframe_end: optionalNullable(z.string()),
  timezone: optionalNullable(z.string()),
  interview_order: optionalNullable(z.string()),
  created_at: optionalNullable(z.string()),
  updated_at: optionalNullable(z.string()),
  // INF: sample shows 0, so they default to 0.
  contact_count: z._default(z.int(), 0),
  scheduled_count: z._default(z.int(), 0),
  completed_count: z._default(z.int(), 0),
});
export type InterviewOut = z.output<typeof InterviewOutSchema>;

/** `GET /v1/interviews?workspace_id=` answers a bare array (DOC). */
export const InterviewListSchema = z.array(InterviewOutSchema);

/**
 * ASSUMED: a question set. Ontora documents no question-set endpoint or schema (ontora-api.md §4);
 * only `question_set_id` on contacts. This shape is our guess, served by the sandbox at
 * `GET /v1/interviews/{id}/question-sets`.
 */
export const QuestionSetSchema = z.object({
  id: z.string(),
  name: z.string(),
  description: optionalNullable(z.string()),
  question_count: optionalNullable(z.int()),
  created_at: optionalNullable(z.string()),
});
export type QuestionSet = z.output<typeof QuestionSetSchema>;

/** Accepts a bare array or an `{items: [...]}` envelope (both seen in Ontora list endpoints). */
const listOf = <T extends z.core.SomeType>(item: T) =>
  z.pipe(
    z.union([z.array(item), z.object({ items: z.array(item) })]),
    z.transform((value) => (Array.isArray(value) ? value : value.items)),
  );

/** ASSUMED endpoint `GET /v1/interviews/{id}/question-sets`. */
export const QuestionSetListSchema = listOf(QuestionSetSchema);

/** ASSUMED endpoint `GET /v1/interviews/{id}/contacts` (not in the archived docs). */
export const ContactListSchema = listOf(ContactOutSchema);

// ---------------------------------------------------------------------------------------------
// Errors (DOC: api-reference/errors)
// ---------------------------------------------------------------------------------------------

/** The normal error body: `{detail, code}`. `code` is absent on some errors (e.g. plain 404s). */
export const ErrorBodySchema = z.object({
  detail: z.string(),
  code: optionalNullable(z.string()),
});
export type ErrorBody = z.output<typeof ErrorBodySchema>;

/** One item of a 422's `detail[]`, FastAPI/Pydantic style. `input` and `ctx` are sample-only. */
export const ValidationIssueSchema = z.object({
  loc: z.array(z.union([z.string(), z.int()])),
  msg: z.string(),
  type: z.string(),
  input: z.optional(z.unknown()),
  ctx: z.optional(z.record(z.string(), z.unknown())),
});
export type ValidationIssue = z.output<typeof ValidationIssueSchema>;

/** A 422 body: `detail` is an array. */
export const ValidationErrorBodySchema = z.object({
  detail: z.array(ValidationIssueSchema),
  code: optionalNullable(z.string()),
});
export type ValidationErrorBody = z.output<typeof ValidationErrorBodySchema>;
