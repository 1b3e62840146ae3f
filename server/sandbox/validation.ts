/**
 * Pydantic v2-style validation errors for the sandbox. The contract's `ContactCreateSchema` decides
 * WHETHER a field is wrong; this module only decides how the 422 describes it, so the sandbox can
 * never accept something the contract rejects (or the reverse) without a test noticing.
 */
import {
  CONTACT_FIELDS,
  ContactCreateSchema,
  type ContactField,
  type ValidationIssue,
} from '../../src/contracts/ontora.ts';
import { findJsonError } from './json-errors.ts';

type Loc = (string | number)[];

/** Sandbox sanity limits: Ontora documents none (ontora-api.md §3.1); these are our own choice. */
export const MAX_STRING_LENGTH = 1000;
export const MAX_BULK_CONTACTS = 500;

type FieldKind = 'string' | 'nullable-string' | 'nullable-int' | 'bool' | 'nullable-uuid';

/** How each ContactCreate field is typed on the wire (ontora-api.md §3.1). */
export const FIELD_KINDS: Record<ContactField, FieldKind> = {
  name: 'string',
  email: 'nullable-string',
  phone: 'nullable-string',
  job_title: 'nullable-string',
  department: 'nullable-string',
  seniority_level: 'nullable-int',
  is_required: 'bool',
  question_set_id: 'nullable-uuid',
};

export interface ValidContact {
  name: string;
  email: string | null;
  phone: string | null;
  job_title: string | null;
  department: string | null;
  seniority_level: number | null;
  is_required: boolean;
  question_set_id: string | null;
}

export type ParsedBody = { ok: true; value: unknown } | { ok: false; issues: ValidationIssue[] };

/** Reads a request body like FastAPI: empty → missing, bad JSON → json_invalid with a position. */
export function parseJsonBody(raw: Buffer): ParsedBody {
  if (raw.length === 0) {
    return { ok: false, issues: [{ loc: ['body'], msg: 'Field required', type: 'missing' }] };
  }
  const text = raw.toString('utf8');
  try {
    return { ok: true, value: JSON.parse(text) as unknown };
  } catch {
    const { position, error } = findJsonError(text);
    return {
      ok: false,
      issues: [
        {
          loc: ['body', position],
          msg: 'JSON decode error',
          type: 'json_invalid',
          input: {},
          ctx: { error },
        },
      ],
    };
  }
}

export function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export function modelAttributesIssue(loc: Loc, input: unknown): ValidationIssue {
  return {
    loc,
    msg: 'Input should be a valid dictionary or object to extract fields from',
    type: 'model_attributes_type',
    input,
  };
}

const UUID_RE = /^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$/;

export function isUuid(value: string): boolean {
  return UUID_RE.test(value);
}

/** Pydantic's UUID messages name the first problem it finds; this mirrors the two common ones. */
function uuidIssue(loc: Loc, input: unknown): ValidationIssue {
  if (typeof input !== 'string') {
    return {
      loc,
      msg: 'UUID input should be a string, bytes or UUID object',
      type: 'uuid_type',
      input,
    };
  }
  const chars = Array.from(input);
  const bad = chars.findIndex((ch) => !/[0-9a-fA-F-]/.test(ch));
  const detail =
    bad >= 0
      ? `invalid character: expected an optional prefix of \`urn:uuid:\` followed by [0-9a-fA-F-], found \`${chars[bad] ?? ''}\` at ${bad + 1}`
      : `invalid group count or length: found ${input.length} characters`;
  return { loc, msg: `Input should be a valid UUID, ${detail}`, type: 'uuid_parsing', input };
}

function typeIssue(kind: FieldKind, loc: Loc, input: unknown): ValidationIssue {
  if (input === undefined) return { loc, msg: 'Field required', type: 'missing', input: {} };
  switch (kind) {
    case 'string':
    case 'nullable-string':
      return { loc, msg: 'Input should be a valid string', type: 'string_type', input };
    case 'nullable-int':
      if (typeof input === 'number' && Number.isFinite(input) && !Number.isInteger(input)) {
        return {
          loc,
          msg: 'Input should be a valid integer, got a number with a fractional part',
          type: 'int_from_float',
          input,
        };
      }
      if (typeof input === 'number' && Number.isInteger(input)) {
        return {
          loc,
          msg: 'Input should be a valid integer, unable to parse number as an integer safely',
          type: 'int_parsing_size',
          input,
        };
      }
      return { loc, msg: 'Input should be a valid integer', type: 'int_type', input };
    case 'bool':
      return { loc, msg: 'Input should be a valid boolean', type: 'bool_type', input };
    case 'nullable-uuid':
      return uuidIssue(loc, input);
  }
}

/** The sandbox's own limits, checked only on values that already passed the contract. */
function limitIssue(field: ContactField, loc: Loc, value: unknown): ValidationIssue | null {
  if (typeof value !== 'string') return null;
  if (value.includes('\u0000')) {
    return {
      loc,
      msg: "String should match pattern '^[^\\x00]*$'",
      type: 'string_pattern_mismatch',
      input: value,
      ctx: { pattern: '^[^\\x00]*$' },
    };
  }
  // Pydantic counts code points, not UTF-16 units, so an emoji is one character.
  if (Array.from(value).length > MAX_STRING_LENGTH) {
    return {
      loc,
      msg: `String should have at most ${MAX_STRING_LENGTH} characters`,
      type: 'string_too_long',
      input: value,
      ctx: { max_length: MAX_STRING_LENGTH },
    };
  }
  if (field === 'name' && value.trim().length === 0) {
    return {
      loc,
      msg: 'String should have at least 1 character',
      type: 'string_too_short',
      input: value,
      ctx: { min_length: 1 },
    };
  }
  return null;
}

export type ContactValidation =
  { ok: true; value: ValidContact } | { ok: false; issues: ValidationIssue[] };

/** Validates one ContactCreate at `loc`, reporting every wrong field at once. */
export function validateContact(input: unknown, loc: Loc): ContactValidation {
  if (!isPlainObject(input)) return { ok: false, issues: [modelAttributesIssue(loc, input)] };
  const result = ContactCreateSchema.safeParse(input);
  const badFields = new Set<string>();
  const fallbacks = new Map<string, string>();
  if (!result.success) {
    for (const issue of result.error.issues) {
      const field = String(issue.path[0] ?? '');
      badFields.add(field);
      if (!fallbacks.has(field)) fallbacks.set(field, issue.message);
    }
  }
  const issues: ValidationIssue[] = [];
  for (const field of CONTACT_FIELDS) {
    const fieldLoc = [...loc, field];
    if (badFields.has(field)) {
      issues.push(typeIssue(FIELD_KINDS[field], fieldLoc, input[field]));
      badFields.delete(field);
      continue;
    }
    const limit = limitIssue(field, fieldLoc, input[field]);
    if (limit) issues.push(limit);
  }
  // A contract rule this module has no Pydantic wording for still surfaces, just less precisely.
  for (const field of badFields) {
    issues.push({
      loc: [...loc, field],
      msg: `Value error, ${fallbacks.get(field) ?? 'Invalid input'}`,
      type: 'value_error',
      input: input[field],
    });
  }
  if (issues.length > 0 || !result.success) return { ok: false, issues };
  const data = result.data;
  return {
    ok: true,
    value: {
      name: data.name,
      email: data.email ?? null,
      phone: data.phone ?? null,
      job_title: data.job_title ?? null,
      department: data.department ?? null,
      seniority_level: data.seniority_level ?? null,
      is_required: data.is_required,
      question_set_id: data.question_set_id ?? null,
    },
  };
}

export function unknownQuestionSetIssue(loc: Loc, input: string): ValidationIssue {
  return {
    loc,
    msg: 'Value error, Unknown question set for this interview',
    type: 'value_error',
    input,
    ctx: { error: {} },
  };
}
