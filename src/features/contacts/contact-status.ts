import type { Tone } from '@/components/ui/badge';

/**
 * Plain-language meanings for contact statuses we have evidence for (ontora-api.md §5.1: no enum
 * is published). Any other value is shown as it came, in a neutral badge.
 */
const CONTACT_STATUSES: Record<string, { label: string; meaning: string; tone: Tone }> = {
  pending: {
    label: 'Pending',
    meaning: 'Added; waiting for the person to book a time with the booking link.',
    tone: 'info',
  },
  scheduled: {
    label: 'Scheduled',
    meaning: 'A time is booked; the meeting link is ready to share.',
    tone: 'success',
  },
  completed: {
    label: 'Completed',
    meaning: 'The interview took place.',
    tone: 'success',
  },
  cancelled: { label: 'Cancelled', meaning: 'The interview was cancelled.', tone: 'warning' },
  skipped: {
    label: 'Skipped',
    meaning: 'The person was skipped for this interview.',
    tone: 'neutral',
  },
};

export function describeContactStatus(status: string | null): {
  label: string;
  meaning: string | null;
  tone: Tone;
} {
  if (status === null)
    return { label: 'Unknown', meaning: 'The API did not say.', tone: 'neutral' };
  const known = CONTACT_STATUSES[status.toLowerCase()];
  return known ?? { label: status, meaning: null, tone: 'neutral' };
}

const INTERVIEW_STATUSES: Record<string, { label: string; tone: Tone }> = {
  draft: { label: 'Draft', tone: 'neutral' },
  active: { label: 'Active', tone: 'success' },
  paused: { label: 'Paused', tone: 'warning' },
  completed: { label: 'Completed', tone: 'info' },
};

export function describeInterviewStatus(status: string | null): { label: string; tone: Tone } {
  if (status === null) return { label: 'Unknown', tone: 'neutral' };
  return INTERVIEW_STATUSES[status.toLowerCase()] ?? { label: status, tone: 'neutral' };
}

/** Interview statuses that take no new contacts (INF: docs only say draft "can still" take them). */
export function acceptsContacts(status: string | null): boolean {
  return status?.toLowerCase() !== 'completed';
}
