/**
 * The sandbox's starting data. Everything is fixed (ids, timestamps, tokens) so tests, screenshots
 * and e2e runs see the same world after every reset. `buildSeed()` returns fresh objects each time
 * so a reset can never share state with the previous run.
 */
import type {
  ContactRecord,
  InterviewRecord,
  InterviewStatus,
  QuestionSetRecord,
  SeedData,
} from './types.ts';

/** A valid v4-shaped uuid whose last group is a counter, so seeded ids are easy to recognise. */
export function fixedUuid(prefix: string, n: number): string {
  return `${prefix}-0000-4000-8000-${n.toString(16).padStart(12, '0')}`;
}

export const SEED_WORKSPACE_ID = '0b7c0d5e-9a3f-4c61-8d2e-5f1a7b3c9e01';
const SEED_PROJECT_ID = '0b7c0d5e-0000-4000-8000-00000000a001';
const SEED_USER = 'user_sandbox_admin';

const QS_PREFIX = '95e70000';
const CONTACT_PREFIX = 'c0a7c700';

export const SEED = {
  workspaceId: SEED_WORKSPACE_ID,
  interviews: {
    /** `active`, 6 question sets, 4 contacts in mixed states. */
    active: { id: '1a7e0000-0000-4000-8000-000000000001', name: 'Platform Engineering Discovery' },
    /** `draft`, no question sets, no contacts. */
    draft: { id: '1a7e0000-0000-4000-8000-000000000002', name: 'Customer Support Tooling Review' },
    /** `completed`: refuses new contacts (409 campaign_locked). 2 contacts. */
    completed: {
      id: '1a7e0000-0000-4000-8000-000000000003',
      name: 'Finance Close Process Retrospective',
    },
    /** `active`, 250 question sets (for the picker's search and virtualisation), 1 contact. */
    large: { id: '1a7e0000-0000-4000-8000-000000000004', name: 'Sales Enablement Listening Tour' },
    /** `paused`: still accepts contacts. 1 question set, no contacts. */
    paused: { id: '1a7e0000-0000-4000-8000-000000000005', name: 'Leadership Offsite Prep' },
  },
  /** Question sets of the `active` interview, in list order. */
  activeQuestionSetIds: Array.from({ length: 6 }, (_, i) => fixedUuid(QS_PREFIX, 0x100 + i + 1)),
  /** The `large` interview's question sets are `fixedUuid('95e70000', 0x1000 + n)`, n = 1..250. */
  largeQuestionSetCount: 250,
} as const;

export function largeQuestionSetId(n: number): string {
  return fixedUuid(QS_PREFIX, 0x1000 + n);
}

const DEFAULT_AVAILABILITY: Record<string, string[]> = {
  mon: ['09:00-12:00', '13:00-17:00'],
  tue: ['09:00-12:00', '13:00-17:00'],
  wed: ['09:00-12:00', '13:00-17:00'],
  thu: ['09:00-12:00', '13:00-17:00'],
  fri: ['09:00-12:00'],
};

export function interviewRecord(
  fields: Pick<InterviewRecord, 'id' | 'name' | 'status'> & Partial<InterviewRecord>,
): InterviewRecord {
  // Key order follows Ontora's documented sample; `rest` overrides values in place.
  const { id, name, status, ...rest } = fields;
  return {
    id,
    workspace_id: SEED_WORKSPACE_ID,
    project_id: SEED_PROJECT_ID,
    name,
    description: null,
    goal: null,
    agent_behavior: 'Curious, neutral interviewer. Ask one question at a time and follow up once.',
    status,
    channel: 'google_meet',
    completion_threshold: 80,
    timeframe_start: null,
    timeframe_end: null,
    interview_order: 'seniority_high_first',
    interview_duration_minutes: 30,
    created_by: SEED_USER,
    created_at: '2025-01-06T09:00:00Z',
    updated_at: '2025-01-06T09:00:00Z',
    timezone: 'Europe/Berlin',
    start_immediately: false,
    scheduling_mode: 'availability',
    quick_mode_hours: null,
    weekly_availability: structuredClone(DEFAULT_AVAILABILITY),
    project_context: null,
    success_criteria: null,
    interview_context_for_employee: null,
    interview_type: 'speaking_default',
    welcome_screen: null,
    closing_message: 'Thank you for your time. Your answers help shape what we build next.',
    folder: null,
    recurring_interval: null,
    ...rest,
  };
}

const ACTIVE_SETS: [string, string, number][] = [
  [
    'Core platform & developer experience',
    'Build pipelines, local environments and the paved road for new services.',
    14,
  ],
  [
    'Infrastructure & reliability',
    'On-call load, incident follow-up, capacity planning and SLOs.',
    12,
  ],
  ['Product & roadmap alignment', 'How platform priorities are set and communicated.', 9],
  ['Design systems & front-end tooling', 'Component library, accessibility checks, releases.', 8],
  ['Security & compliance', 'Secrets handling, access reviews and audit evidence.', 11],
  ['Leadership perspective', 'Staffing, investment trade-offs and success measures.', 7],
];

const AREAS = [
  'Prospecting',
  'Discovery calls',
  'Demo delivery',
  'Pricing & negotiation',
  'CRM hygiene',
  'Onboarding handoff',
  'Competitive positioning',
  'Territory planning',
  'Forecasting',
  'Partner channel',
];

function questionSet(
  id: string,
  name: string,
  description: string | null,
  count: number,
  createdAt: string,
): QuestionSetRecord {
  return { id, name, description, question_count: count, created_at: createdAt };
}

function largeSets(): QuestionSetRecord[] {
  return Array.from({ length: SEED.largeQuestionSetCount }, (_, i) => {
    const n = i + 1;
    const area = AREAS[i % AREAS.length] ?? 'General';
    const seq = String(n).padStart(3, '0');
    const day = String((i % 28) + 1).padStart(2, '0');
    return questionSet(
      largeQuestionSetId(n),
      `Set ${seq} — ${area}`,
      n % 7 === 0
        ? null
        : `Variant ${Math.ceil(n / AREAS.length)} of the ${area.toLowerCase()} track.`,
      5 + ((n * 7) % 16),
      `2025-02-${day}T10:00:00Z`,
    );
  });
}

function contact(
  n: number,
  fields: Pick<ContactRecord, 'interview_id' | 'name'> & Partial<ContactRecord>,
): ContactRecord {
  const token = `seedToken${String(n).padStart(3, '0')}_AbCdEfGhIjKlMnOp`;
  return {
    id: fixedUuid(CONTACT_PREFIX, n),
    question_set_id: null,
    email: null,
    phone: null,
    job_title: null,
    department: null,
    seniority_level: null,
    is_required: false,
    meeting_url: null,
    status: 'pending',
    scheduled_at: null,
    completed_at: null,
    created_at: '2025-03-01T09:00:00Z',
    booking_token: token,
    reminder_count: 0,
    last_reminder_at: null,
    ...fields,
  };
}

export function buildSeed(): SeedData {
  const { active, draft, completed, large, paused } = SEED.interviews;
  const interviews: InterviewRecord[] = [
    interviewRecord({
      ...active,
      status: 'active' satisfies InterviewStatus,
      description: 'Understand how product teams build, ship and operate services today.',
      goal: 'Find the three biggest sources of friction in the path from commit to production.',
      timeframe_start: '2025-03-03T08:00:00Z',
      timeframe_end: '2025-04-30T17:00:00Z',
      created_at: '2025-02-20T09:15:00Z',
      updated_at: '2025-03-02T16:40:00Z',
    }),
    interviewRecord({
      ...draft,
      status: 'draft',
      description: 'Collect pain points with the ticketing and knowledge-base tools.',
      goal: 'Decide whether to consolidate support tooling next quarter.',
      created_at: '2025-03-10T11:00:00Z',
      updated_at: '2025-03-10T11:00:00Z',
    }),
    interviewRecord({
      ...completed,
      status: 'completed',
      description: 'What slowed down the Q4 close, and what should change.',
      goal: 'Shorten month-end close by two days.',
      timeframe_start: '2025-01-08T08:00:00Z',
      timeframe_end: '2025-01-31T17:00:00Z',
      created_at: '2025-01-06T09:00:00Z',
      updated_at: '2025-02-03T12:00:00Z',
    }),
    interviewRecord({
      ...large,
      status: 'active',
      description: 'Listening tour across every sales segment and region.',
      goal: 'Map where reps lose time between first call and signed contract.',
      timeframe_start: '2025-03-01T08:00:00Z',
      timeframe_end: '2025-06-30T17:00:00Z',
      timezone: 'America/New_York',
      created_at: '2025-02-01T14:00:00Z',
      updated_at: '2025-02-28T14:00:00Z',
    }),
    interviewRecord({
      ...paused,
      status: 'paused',
      description: 'Agenda input for the leadership offsite.',
      goal: null,
      timeframe_start: '2025-03-15T08:00:00Z',
      timeframe_end: '2025-04-15T17:00:00Z',
      created_at: '2025-03-05T10:00:00Z',
      updated_at: '2025-03-12T10:00:00Z',
    }),
  ];

  const questionSets = new Map<string, QuestionSetRecord[]>([
    [
      active.id,
      ACTIVE_SETS.map(([name, description, count], i) =>
        questionSet(
          SEED.activeQuestionSetIds[i] ?? fixedUuid(QS_PREFIX, 0x100 + i + 1),
          name,
          description,
          count,
          `2025-02-2${i}T10:00:00Z`,
        ),
      ),
    ],
    [draft.id, []],
    [
      completed.id,
      [
        questionSet(
          fixedUuid(QS_PREFIX, 0x201),
          'Close retrospective',
          null,
          10,
          '2025-01-06T09:30:00Z',
        ),
      ],
    ],
    [large.id, largeSets()],
    [
      paused.id,
      [
        questionSet(
          fixedUuid(QS_PREFIX, 0x301),
          'Offsite agenda input',
          'Topics leaders want on the table.',
          6,
          '2025-03-05T10:30:00Z',
        ),
      ],
    ],
  ]);

  const [qsPlatform, qsInfra, qsProduct, qsDesign] = SEED.activeQuestionSetIds;
  const contacts: ContactRecord[] = [
    contact(1, {
      interview_id: active.id,
      name: 'Priya Raman',
      email: 'priya.raman@example.com',
      phone: '+4915123456701',
      job_title: 'Staff Software Engineer',
      department: 'Engineering',
      seniority_level: 4,
      is_required: true,
      question_set_id: qsPlatform ?? null,
      status: 'completed',
      meeting_url: 'https://meet.sandbox.ontora.test/prr-8k2q-xw1',
      scheduled_at: '2025-03-05T10:00:00Z',
      completed_at: '2025-03-05T10:32:00Z',
      created_at: '2025-03-03T08:10:00Z',
    }),
    contact(2, {
      interview_id: active.id,
      name: 'Marcus Oyelaran',
      email: 'marcus.oyelaran@example.com',
      job_title: 'Site Reliability Engineer',
      department: 'Engineering',
      seniority_level: 3,
      question_set_id: qsInfra ?? null,
      status: 'scheduled',
      meeting_url: 'https://meet.sandbox.ontora.test/mso-4hd9-qa7',
      scheduled_at: '2025-03-18T14:00:00Z',
      created_at: '2025-03-03T08:12:00Z',
      reminder_count: 1,
      last_reminder_at: '2025-03-10T09:00:00Z',
    }),
    contact(3, {
      interview_id: active.id,
      name: 'Sofia Lindqvist',
      email: 'sofia.lindqvist@example.com',
      job_title: 'Senior Product Manager',
      department: 'Product',
      seniority_level: 3,
      question_set_id: qsProduct ?? null,
      status: 'pending',
      created_at: '2025-03-04T12:00:00Z',
    }),
    contact(4, {
      interview_id: active.id,
      name: 'Kenji Watanabe',
      email: 'kenji.watanabe@example.com',
      phone: '+81312345678',
      job_title: 'Product Designer',
      department: 'Design',
      seniority_level: 2,
      question_set_id: qsDesign ?? null,
      status: 'pending',
      created_at: '2025-03-06T15:30:00Z',
      reminder_count: 2,
      last_reminder_at: '2025-03-12T09:00:00Z',
    }),
    contact(5, {
      interview_id: completed.id,
      name: 'Amara Okafor',
      email: 'amara.okafor@example.com',
      job_title: 'Financial Controller',
      department: 'Finance',
      seniority_level: 4,
      is_required: true,
      status: 'completed',
      meeting_url: 'https://meet.sandbox.ontora.test/amo-2jd8-lp3',
      scheduled_at: '2025-01-14T09:00:00Z',
      completed_at: '2025-01-14T09:28:00Z',
      created_at: '2025-01-08T09:00:00Z',
    }),
    contact(6, {
      interview_id: completed.id,
      name: 'Lukas Brenner',
      email: 'lukas.brenner@example.com',
      job_title: 'Accountant',
      department: 'Finance',
      seniority_level: 2,
      status: 'completed',
      meeting_url: 'https://meet.sandbox.ontora.test/lkb-9zt4-re5',
      scheduled_at: '2025-01-16T13:00:00Z',
      completed_at: '2025-01-16T13:25:00Z',
      created_at: '2025-01-08T09:05:00Z',
    }),
    contact(7, {
      interview_id: large.id,
      name: 'Daniela Costa',
      email: 'daniela.costa@example.com',
      job_title: 'Account Executive',
      department: 'Sales',
      seniority_level: 2,
      question_set_id: largeQuestionSetId(1),
      status: 'scheduled',
      meeting_url: 'https://meet.sandbox.ontora.test/dco-5mn2-ty8',
      scheduled_at: '2025-03-20T15:00:00Z',
      created_at: '2025-03-02T10:00:00Z',
    }),
  ];

  return { workspaceId: SEED_WORKSPACE_ID, interviews, questionSets, contacts };
}
