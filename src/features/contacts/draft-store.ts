import type { ContactFormValues } from './contact-form-schema';
import { FIELD_ORDER } from './field-labels';

/**
 * The unsent draft of one interview's add-contact form, in sessionStorage: it survives a reload
 * or a crashed tab, and dies with the tab. It holds only the typed values and, while a
 * submission is unconfirmed, its Idempotency-Key and body, so a resubmission after a reload is
 * replayed by Ontora instead of creating the person twice. Never credentials or API answers.
 */
export interface Draft {
  values: ContactFormValues;
  /** The Idempotency-Key of a submission whose outcome is unknown (sent, no answer seen). */
  pendingKey: string | null;
  /** The exact body sent with `pendingKey`: the key is reused only for the same body. */
  pendingBody: string | null;
  savedAt: number;
}

const storageKey = (interviewId: string) => `ontora:draft:${interviewId}`;

function isValues(value: unknown): value is ContactFormValues {
  if (typeof value !== 'object' || value === null) return false;
  const record = value as Record<string, unknown>;
  return FIELD_ORDER.every((field) => {
    const v = record[field];
    if (field === 'is_required') return typeof v === 'boolean';
    if (field === 'question_set_id') return v === null || typeof v === 'string';
    return typeof v === 'string';
  });
}

export function loadDraft(interviewId: string): Draft | null {
  try {
    const raw = sessionStorage.getItem(storageKey(interviewId));
    if (!raw) return null;
    const parsed = JSON.parse(raw) as Partial<Draft>;
    if (!isValues(parsed.values)) return null;
    return {
      values: parsed.values,
      pendingKey: typeof parsed.pendingKey === 'string' ? parsed.pendingKey : null,
      pendingBody: typeof parsed.pendingBody === 'string' ? parsed.pendingBody : null,
      savedAt: typeof parsed.savedAt === 'number' ? parsed.savedAt : Date.now(),
    };
  } catch {
    return null;
  }
}

export function saveDraft(interviewId: string, draft: Omit<Draft, 'savedAt'>): void {
  try {
    const values = Object.fromEntries(FIELD_ORDER.map((field) => [field, draft.values[field]]));
    sessionStorage.setItem(
      storageKey(interviewId),
      JSON.stringify({ ...draft, values, savedAt: Date.now() }),
    );
  } catch {
    // Storage full or blocked (private mode, sandboxed iframe): the draft just isn't kept.
  }
}

export function clearDraft(interviewId: string): void {
  try {
    sessionStorage.removeItem(storageKey(interviewId));
  } catch {
    // Nothing to clear.
  }
}
