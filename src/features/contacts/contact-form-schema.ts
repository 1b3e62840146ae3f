import * as z from 'zod/mini';
import { ContactCreateSchema, type ContactCreate } from '@/contracts/ontora';
import { normalisePhone } from '@/lib/phone';

/** UI limits (Ontora documents none; the sandbox allows 1000 characters). */
export const LIMITS = {
  name: 200,
  email: 254,
  phone: 40,
  text: 200,
  seniority: 1_000_000,
} as const;

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

const trimmed = (max: number, label: string) =>
  z
    .string()
    .check(z.trim(), z.maxLength(max, { error: `${label} must be at most ${max} characters.` }));

/** Form values as the inputs hold them: text everywhere except the checkbox and the picker. */
export interface ContactFormValues {
  name: string;
  email: string;
  phone: string;
  job_title: string;
  department: string;
  seniority_level: string;
  is_required: boolean;
  question_set_id: string | null;
}

export const EMPTY_CONTACT_FORM: ContactFormValues = {
  name: '',
  email: '',
  phone: '',
  job_title: '',
  department: '',
  seniority_level: '',
  is_required: false,
  question_set_id: null,
};

const blankToNull = (value: string) => (value === '' ? null : value);

/**
 * The add-contact form's rules, built on the contract: the fields are checked and normalised
 * here (trim, email, E.164 phone, whole-number seniority, UUID), then piped into
 * `ContactCreateSchema`, so what the form submits is by construction a valid request body.
 * Blank optional fields become `null`, never `""`; an empty seniority box never becomes 0.
 */
export function createContactFormSchema({ phoneCountry }: { phoneCountry: string }) {
  const fields = z.object({
    name: z
      .string()
      .check(
        z.trim(),
        z.minLength(1, { error: 'Enter the contact’s name.' }),
        z.maxLength(LIMITS.name, { error: `Name must be at most ${LIMITS.name} characters.` }),
      ),
    email: trimmed(LIMITS.email, 'Email').check(
      z.refine((value) => value === '' || z.regexes.email.test(value), {
        error: 'Enter a valid email address, like name@example.com.',
      }),
    ),
    phone: z.pipe(
      trimmed(LIMITS.phone, 'Phone'),
      z.transform(async (value, ctx) => {
        if (value === '') return null;
        const result = await normalisePhone(value, phoneCountry);
        if (result.ok) return result.e164;
        ctx.issues.push({ code: 'custom', message: result.message, input: value });
        return z.NEVER;
      }),
    ),
    job_title: trimmed(LIMITS.text, 'Job title'),
    department: trimmed(LIMITS.text, 'Department'),
    seniority_level: z.string().check(
      z.trim(),
      z.refine(
        (value) =>
          value === '' || (/^-?\d+$/.test(value) && Math.abs(Number(value)) <= LIMITS.seniority),
        { error: 'Enter a whole number, like 3, or leave it empty.' },
      ),
    ),
    is_required: z.boolean(),
    question_set_id: z.nullable(
      z.string().check(
        z.trim(),
        z.refine((value) => value === '' || GUID.test(value), {
          error: 'Enter a question set ID in UUID form, like 3c90c3cc-0d44-4b50-8888-8dd25736052a.',
        }),
      ),
    ),
  });

  return z.pipe(
    z.pipe(
      fields,
      z.transform((values): ContactCreate => ({
        name: values.name,
        email: blankToNull(values.email),
        phone: values.phone,
        job_title: blankToNull(values.job_title),
        department: blankToNull(values.department),
        seniority_level: values.seniority_level === '' ? null : Number(values.seniority_level),
        is_required: values.is_required,
        question_set_id: values.question_set_id ? values.question_set_id : null,
      })),
    ),
    ContactCreateSchema,
  );
}
