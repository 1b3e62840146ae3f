/** Shapes the sandbox keeps in memory; the wire shapes come from src/contracts/ontora.ts. */

export type InterviewStatus = 'draft' | 'active' | 'paused' | 'completed';

export interface QuestionSetRecord {
  id: string;
  name: string;
  description: string | null;
  question_count: number;
  created_at: string;
}

/**
 * Every documented InterviewOut field except the three counters, which are always computed from
 * the stored contacts so they can never drift.
 */
export interface InterviewRecord {
  id: string;
  workspace_id: string;
  project_id: string | null;
  name: string;
  description: string | null;
  goal: string | null;
  agent_behavior: string | null;
  status: InterviewStatus;
  channel: string;
  completion_threshold: number;
  timeframe_start: string | null;
  timeframe_end: string | null;
  interview_order: string;
  interview_duration_minutes: number;
  created_by: string;
  created_at: string;
  updated_at: string;
  timezone: string;
  start_immediately: boolean;
  scheduling_mode: string;
  quick_mode_hours: number | null;
  weekly_availability: Record<string, string[]>;
  project_context: string | null;
  success_criteria: string | null;
  interview_context_for_employee: string | null;
  interview_type: string;
  welcome_screen: string | null;
  closing_message: string | null;
  folder: string | null;
  recurring_interval: string | null;
}

export interface ContactRecord {
  id: string;
  interview_id: string;
  question_set_id: string | null;
  name: string;
  email: string | null;
  phone: string | null;
  job_title: string | null;
  department: string | null;
  seniority_level: number | null;
  is_required: boolean;
  meeting_url: string | null;
  status: string;
  scheduled_at: string | null;
  completed_at: string | null;
  created_at: string;
  booking_token: string | null;
  reminder_count: number;
  last_reminder_at: string | null;
}

export interface SeedData {
  workspaceId: string;
  interviews: InterviewRecord[];
  questionSets: Map<string, QuestionSetRecord[]>;
  contacts: ContactRecord[];
}
