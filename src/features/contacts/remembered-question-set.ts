/**
 * The last question set used per interview, in localStorage so the next contact starts with it.
 * Only an id is stored (no contact data, no credentials); storage failures (private mode, quota,
 * a sandboxed iframe) just mean nothing is remembered.
 */
const key = (interviewId: string) => `ontora:last-question-set:${interviewId}`;

export function rememberedQuestionSet(interviewId: string): string | null {
  try {
    return localStorage.getItem(key(interviewId));
  } catch {
    return null;
  }
}

export function rememberQuestionSet(interviewId: string, questionSetId: string | null): void {
  try {
    if (questionSetId) localStorage.setItem(key(interviewId), questionSetId);
    else localStorage.removeItem(key(interviewId));
  } catch {
    // Not remembering is acceptable.
  }
}
