/**
 * Sample payloads exactly as the archived docs.ontora.com API reference shows them
 * (generated from Ontora's OpenAPI spec; `<string>` placeholders included). They are test
 * fixtures: the contract must accept every one of them.
 */
export const addContactRequestSample = {
  name: '<string>',
  email: '<string>',
  phone: '<string>',
  job_title: '<string>',
  department: '<string>',
  seniority_level: 123,
  is_required: false,
  question_set_id: '3c90c3cc-0d44-4b50-8888-8dd25736052a',
};

export const contactOutSample = {
  id: '3c90c3cc-0d44-4b50-8888-8dd25736052a',
  interview_id: '3c90c3cc-0d44-4b50-8888-8dd25736052a',
  question_set_id: '3c90c3cc-0d44-4b50-8888-8dd25736052a',
  name: '<string>',
  email: '<string>',
  phone: '<string>',
  job_title: '<string>',
  department: '<string>',
  seniority_level: 123,
  is_required: true,
  meeting_url: '<string>',
  status: '<string>',
  scheduled_at: '2023-11-07T05:31:56Z',
  completed_at: '2023-11-07T05:31:56Z',
  created_at: '2023-11-07T05:31:56Z',
  booking_token: '<string>',
  reminder_count: 0,
  last_reminder_at: '2023-11-07T05:31:56Z',
};

export const bulkRequestSample = { contacts: [addContactRequestSample] };
export const bulkResponseSample = { created: [contactOutSample], count: 123 };

export const interviewOutSample = {
  id: '3c90c3cc-0d44-4b50-8888-8dd25736052a',
  workspace_id: '3c90c3cc-0d44-4b50-8888-8dd25736052a',
  project_id: '3c90c3cc-0d44-4b50-8888-8dd25736052a',
  name: '<string>',
  description: '<string>',
  goal: '<string>',
  agent_behavior: '<string>',
  status: '<string>',
  channel: '<string>',
  completion_threshold: 123,
  timeframe_start: '2023-11-07T05:31:56Z',
  timeframe_end: '2023-11-07T05:31:56Z',
  interview_order: '<string>',
  interview_duration_minutes: 123,
  created_by: '<string>',
  created_at: '2023-11-07T05:31:56Z',
  updated_at: '2023-11-07T05:31:56Z',
  timezone: '<string>',
  start_immediately: true,
  scheduling_mode: 'availability',
  quick_mode_hours: 123,
  weekly_availability: {},
  project_context: '<string>',
  success_criteria: '<string>',
  interview_context_for_employee: '<string>',
  interview_type: '<string>',
  welcome_screen: '<string>',
  closing_message: '<string>',
  folder: '<string>',
  recurring_interval: '<string>',
  contact_count: 0,
  completed_count: 0,
  scheduled_count: 0,
};

/** The errors page's normal body and its 422 example (campaign-creation sample shape). */
export const errorBodySample = {
  detail: 'API key belongs to a different workspace',
  code: 'workspace_forbidden',
};
export const validationErrorSample = {
  detail: [
    {
      loc: ['body', 'topics', 0, 'name'],
      msg: 'Field required',
      type: 'missing',
      input: {},
      ctx: {},
    },
  ],
};
