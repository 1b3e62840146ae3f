import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ContactCreateSchema } from '@/contracts/ontora';
import { mapValidationIssues } from '@/lib/api-error';
import { CONTACT_FIELDS } from '@/contracts/ontora';
import {
  createContactFormSchema,
  EMPTY_CONTACT_FORM,
  type ContactFormValues,
} from './contact-form-schema';

const schema = createContactFormSchema({ phoneCountry: 'US' });

const formValues = fc.record<ContactFormValues>({
  name: fc.string({ maxLength: 250 }),
  email: fc.oneof(fc.constant(''), fc.emailAddress(), fc.string({ maxLength: 40 })),
  phone: fc.oneof(fc.constant(''), fc.constant('+1 415 555 0132'), fc.string({ maxLength: 20 })),
  job_title: fc.string({ maxLength: 220 }),
  department: fc.string({ maxLength: 220 }),
  seniority_level: fc.oneof(
    fc.constant(''),
    fc.nat({ max: 2_000_000 }).map(String),
    fc.string({ maxLength: 6 }),
  ),
  is_required: fc.boolean(),
  question_set_id: fc.oneof(
    fc.constant(null),
    fc.constant(''),
    fc.uuid(),
    fc.string({ maxLength: 40 }),
  ),
});

describe('form values → request body (property-based)', () => {
  it('never throws, and every accepted body is a valid ContactCreate built from the inputs', async () => {
    await fc.assert(
      fc.asyncProperty(formValues, async (values) => {
        const result = await schema.safeParseAsync(values);
        if (!result.success) {
          // Every problem names a form field, so it can be shown next to it.
          for (const issue of result.error.issues) {
            expect(Object.keys(EMPTY_CONTACT_FORM)).toContain(String(issue.path[0]));
          }
          return;
        }
        const body = result.data;
        expect(ContactCreateSchema.safeParse(body).success).toBe(true);
        expect(body.name).toBe(values.name.trim());
        expect(body.name.length).toBeGreaterThan(0);
        for (const field of ['email', 'job_title', 'department'] as const) {
          const trimmed = values[field].trim();
          expect(body[field]).toBe(trimmed === '' ? null : trimmed);
        }
        expect(body.seniority_level).toBe(
          values.seniority_level.trim() === '' ? null : Number(values.seniority_level.trim()),
        );
        if (body.seniority_level !== null)
          expect(Number.isInteger(body.seniority_level)).toBe(true);
        expect(body.is_required).toBe(values.is_required);
        expect(body.phone ?? null).toSatisfy(
          (phone: string | null) => phone === null || /^\+[1-9]\d{6,14}$/.test(phone),
        );
        if (values.phone.trim() === '') expect(body.phone).toBeNull();
        expect(body.question_set_id ?? null).toBe(values.question_set_id?.trim() || null);
      }),
      { numRuns: 300 },
    );
  });

  it('never sends an empty string', async () => {
    await fc.assert(
      fc.asyncProperty(formValues, async (values) => {
        const result = await schema.safeParseAsync({ ...values, name: 'Valid Name' });
        if (result.success) {
          expect(Object.values(result.data)).not.toContain('');
        }
      }),
      { numRuns: 200 },
    );
  });
});

describe('422 loc → field (property-based)', () => {
  const loc = fc.array(
    fc.oneof(
      fc.constantFrom('body', 'query', 'path', ...CONTACT_FIELDS),
      fc.string({ maxLength: 10 }),
      fc.integer({ min: -1, max: 5 }),
    ),
    { maxLength: 5 },
  );
  const issue = fc.record({
    loc,
    msg: fc.string({ maxLength: 30 }),
    type: fc.string({ maxLength: 10 }),
  });

  it('never throws and puts every item in exactly one place, on a field only for body fields', () => {
    fc.assert(
      fc.property(fc.array(issue, { maxLength: 20 }), (issues) => {
        const { fieldErrors, formErrors } = mapValidationIssues(issues);
        const onFields = Object.values(fieldErrors).reduce((sum, list) => sum + list.length, 0);
        expect(onFields + formErrors.length).toBe(issues.length);
        for (const [field, messages] of Object.entries(fieldErrors)) {
          const expected = issues.filter((item) => item.loc[0] === 'body' && item.loc[1] === field);
          expect(messages).toEqual(expected.map((item) => item.msg));
        }
      }),
      { numRuns: 500 },
    );
  });
});
