import type { ContactFormValues } from './contact-form-schema';

/** Visible labels: the names users and tests find fields by. */
export const FIELD_LABELS: Record<keyof ContactFormValues, string> = {
  name: 'Name',
  email: 'Email',
  phone: 'Phone',
  job_title: 'Job title',
  department: 'Department',
  seniority_level: 'Seniority level',
  is_required: 'Required contact',
  question_set_id: 'Question set',
};

/** Order of the fields on screen: errors are listed and focused in this order. */
export const FIELD_ORDER: (keyof ContactFormValues)[] = [
  'name',
  'email',
  'phone',
  'job_title',
  'department',
  'seniority_level',
  'question_set_id',
  'is_required',
];
