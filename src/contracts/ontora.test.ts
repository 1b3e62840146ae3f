import { describe, expect, it } from 'vitest';
import {
  ContactBulkCreateSchema,
  ContactBulkOutSchema,
  ContactCreateSchema,
  ContactListSchema,
  ContactOutSchema,
  ErrorBodySchema,
  InterviewListSchema,
  InterviewOutSchema,
  QuestionSetListSchema,
  ValidationErrorBodySchema,
} from './ontora';
import {
  addContactRequestSample,
  bulkRequestSample,
  bulkResponseSample,
  contactOutSample,
  errorBodySample,
  interviewOutSample,
  validationErrorSample,
} from './documented-samples';

describe('documented samples', () => {
  it('parses the add-contact request sample', () => {
    expect(ContactCreateSchema.parse(addContactRequestSample)).toEqual(addContactRequestSample);
  });

  it('parses the ContactOut sample, keeping every documented field', () => {
    expect(ContactOutSchema.parse(contactOutSample)).toEqual(contactOutSample);
  });

  it('parses the bulk request and response samples', () => {
    expect(ContactBulkCreateSchema.parse(bulkRequestSample).contacts).toHaveLength(1);
    expect(ContactBulkOutSchema.parse(bulkResponseSample).count).toBe(123);
  });

  it('parses the InterviewOut sample and the bare-array list', () => {
    const parsed = InterviewOutSchema.parse(interviewOutSample);
    expect(parsed.name).toBe('<string>');
    expect(parsed.contact_count).toBe(0);
    expect(InterviewListSchema.parse([interviewOutSample])).toHaveLength(1);
  });

  it('parses both error body forms', () => {
    expect(ErrorBodySchema.parse(errorBodySample).code).toBe('workspace_forbidden');
    const issue = ValidationErrorBodySchema.parse(validationErrorSample).detail[0];
    expect(issue?.loc).toEqual(['body', 'topics', 0, 'name']);
  });
});

describe('ContactCreateSchema', () => {
  it('requires only name and defaults is_required to false', () => {
    expect(ContactCreateSchema.parse({ name: 'Ada' })).toEqual({ name: 'Ada', is_required: false });
  });

  it('rejects a missing name, a string seniority, a non-integer seniority and a bad uuid', () => {
    const result = ContactCreateSchema.safeParse({
      seniority_level: 2.5,
      question_set_id: 'not-a-uuid',
      is_required: 'yes',
    });
    expect(result.success).toBe(false);
    const paths = result.error?.issues.map((issue) => issue.path.join('.')).sort();
    expect(paths).toEqual(['is_required', 'name', 'question_set_id', 'seniority_level']);
    expect(ContactCreateSchema.safeParse({ name: 'Ada', seniority_level: '3' }).success).toBe(
      false,
    );
  });

  it('accepts null for every optional field', () => {
    const body = {
      name: 'Ada',
      email: null,
      phone: null,
      job_title: null,
      department: null,
      seniority_level: null,
      question_set_id: null,
      is_required: true,
    };
    expect(ContactCreateSchema.parse(body)).toEqual(body);
  });
});

describe('response parsing', () => {
  it('ignores unknown fields (Ontora adds fields within v1)', () => {
    const parsed = ContactOutSchema.parse({ ...contactOutSample, brand_new_field: 'x' });
    expect(parsed).not.toHaveProperty('brand_new_field');
  });

  it('treats missing inferred fields as null rather than undefined', () => {
    const parsed = ContactOutSchema.parse({ id: 'c1', interview_id: 'i1', name: 'Ada' });
    expect(parsed.meeting_url).toBeNull();
    expect(parsed.status).toBeNull();
    expect(parsed.booking_token).toBeNull();
    expect(parsed.reminder_count).toBe(0);
  });

  it('rejects a contact without an id or with a wrongly typed field', () => {
    expect(ContactOutSchema.safeParse({ ...contactOutSample, id: undefined }).success).toBe(false);
    expect(ContactOutSchema.safeParse({ ...contactOutSample, status: 7 }).success).toBe(false);
    expect(ContactOutSchema.safeParse('<html>').success).toBe(false);
  });

  it('accepts a list as a bare array or an items envelope', () => {
    expect(QuestionSetListSchema.parse([{ id: 'q', name: 'Core' }])).toHaveLength(1);
    expect(QuestionSetListSchema.parse({ items: [{ id: 'q', name: 'Core' }] })[0]?.name).toBe(
      'Core',
    );
    expect(ContactListSchema.parse({ items: [contactOutSample], total: 1 })).toHaveLength(1);
    expect(QuestionSetListSchema.safeParse({ data: [] }).success).toBe(false);
  });
});
