/** The sandbox's in-memory data. Lost on restart by design (README: "state resets on restart"). */
import type { InterviewOut } from '../../src/contracts/ontora.ts';
import { buildSeed } from './seed.ts';
import type { ContactRecord, InterviewRecord, QuestionSetRecord } from './types.ts';

export type InterviewOutRecord = InterviewRecord &
  Required<Pick<InterviewOut, 'contact_count' | 'scheduled_count' | 'completed_count'>>;

export class SandboxStore {
  workspaceId = '';
  private interviews = new Map<string, InterviewRecord>();
  private questionSets = new Map<string, QuestionSetRecord[]>();
  /** Per interview, in insertion order; lists reverse it (newest first). */
  private contacts = new Map<string, ContactRecord[]>();

  constructor() {
    this.reset();
  }

  reset(): void {
    const seed = buildSeed();
    this.workspaceId = seed.workspaceId;
    this.interviews = new Map(seed.interviews.map((interview) => [interview.id, interview]));
    this.questionSets = seed.questionSets;
    this.contacts = new Map(seed.interviews.map((interview) => [interview.id, []]));
    for (const contact of seed.contacts) this.contacts.get(contact.interview_id)?.push(contact);
  }

  listInterviews(): InterviewOutRecord[] {
    return [...this.interviews.values()].map((interview) => this.withCounts(interview));
  }

  getInterview(id: string): InterviewOutRecord | null {
    const interview = this.interviews.get(id);
    return interview ? this.withCounts(interview) : null;
  }

  hasInterview(id: string): boolean {
    return this.interviews.has(id);
  }

  interviewStatus(id: string): InterviewRecord['status'] | null {
    return this.interviews.get(id)?.status ?? null;
  }

  addInterview(interview: InterviewRecord, questionSets: QuestionSetRecord[]): void {
    this.interviews.set(interview.id, interview);
    this.questionSets.set(interview.id, questionSets);
    this.contacts.set(interview.id, []);
  }

  listQuestionSets(interviewId: string): QuestionSetRecord[] {
    return this.questionSets.get(interviewId) ?? [];
  }

  hasQuestionSet(interviewId: string, questionSetId: string): boolean {
    const wanted = questionSetId.toLowerCase();
    return this.listQuestionSets(interviewId).some((set) => set.id.toLowerCase() === wanted);
  }

  /** Newest first: by `created_at`, then by insertion for contacts created in the same ms. */
  listContacts(interviewId: string): ContactRecord[] {
    const all = this.contacts.get(interviewId) ?? [];
    return all
      .map((contact, index) => ({ contact, index }))
      .sort((a, b) =>
        a.contact.created_at === b.contact.created_at
          ? b.index - a.index
          : a.contact.created_at < b.contact.created_at
            ? 1
            : -1,
      )
      .map(({ contact }) => contact);
  }

  allContacts(): ContactRecord[] {
    return [...this.contacts.values()].flat();
  }

  addContacts(interviewId: string, contacts: ContactRecord[]): void {
    const list = this.contacts.get(interviewId);
    if (!list) throw new Error(`Unknown interview ${interviewId}`);
    list.push(...contacts);
  }

  private withCounts(interview: InterviewRecord): InterviewOutRecord {
    const contacts = this.contacts.get(interview.id) ?? [];
    return {
      ...interview,
      contact_count: contacts.length,
      scheduled_count: contacts.filter((c) => c.status === 'scheduled').length,
      completed_count: contacts.filter((c) => c.status === 'completed').length,
    };
  }
}
