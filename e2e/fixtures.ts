import AxeBuilder from '@axe-core/playwright';
import {
  test as base,
  expect,
  type APIRequestContext,
  type Locator,
  type Page,
} from '@playwright/test';

export interface TestInterview {
  id: string;
  name: string;
  status: string;
}

export interface StoredContact {
  id: string;
  name: string;
  email: string | null;
  phone: string | null;
  job_title: string | null;
  department: string | null;
  seniority_level: number | null;
  is_required: boolean;
  question_set_id: string | null;
  meeting_url: string | null;
  status: string | null;
  booking_token: string | null;
}

export interface QuestionSetRow {
  id: string;
  name: string;
}

/**
 * Talks to the running server the way the browser does (`/v1` through the gateway) plus the
 * sandbox's admin endpoints. Each test makes its own interview, so parallel tests never share
 * contacts or faults (faults are scoped to that interview's paths).
 */
export class SandboxApi {
  constructor(private readonly request: APIRequestContext) {}

  async createInterview(
    input: { name?: string; status?: string; question_set_count?: number } = {},
  ): Promise<TestInterview> {
    const response = await this.request.post('/__sandbox/interviews', { data: input });
    expect(response.status()).toBe(201);
    return (await response.json()) as TestInterview;
  }

  async contacts(interviewId: string): Promise<StoredContact[]> {
    const response = await this.request.get(contactsPath(interviewId));
    expect(response.status()).toBe(200);
    return (await response.json()) as StoredContact[];
  }

  async questionSets(interviewId: string): Promise<QuestionSetRow[]> {
    const response = await this.request.get(`/v1/interviews/${interviewId}/question-sets`);
    expect(response.status()).toBe(200);
    return (await response.json()) as QuestionSetRow[];
  }

  /** The next add-contact POST of this interview is answered for real, `delayMs` late. */
  async delayNextContactPost(interviewId: string, delayMs: number): Promise<void> {
    await this.fault({
      method: 'POST',
      path: contactsPath(interviewId),
      delayMs,
      passThrough: true,
      count: 1,
    });
  }

  /** Queues a fault for the next `count` matching requests (POST /__sandbox/faults). */
  async fault(fault: Record<string, unknown>): Promise<void> {
    const response = await this.request.post('/__sandbox/faults', { data: fault });
    expect(response.status(), await response.text()).toBe(201);
  }
}

export const test = base.extend<{ api: SandboxApi }>({
  api: async ({ request }, use) => {
    await use(new SandboxApi(request));
  },
});

export { expect };

/** axe with the WCAG 2.2 A and AA rules; returns the violations (expected to be none). */
export async function axeViolations(page: Page, include?: string) {
  let builder = new AxeBuilder({ page }).withTags([
    'wcag2a',
    'wcag2aa',
    'wcag21a',
    'wcag21aa',
    'wcag22a',
    'wcag22aa',
  ]);
  if (include) builder = builder.include(include);
  const result = await builder.analyze();
  return result.violations.map((violation) => ({
    id: violation.id,
    help: violation.help,
    nodes: violation.nodes.map((node) => node.target.join(' ')),
  }));
}

/**
 * The add-contact form's fields, by their visible labels, on the app's page or inside one
 * embedded element (Playwright's locators pierce its open shadow root).
 */
export function contactForm(scope: Page | Locator) {
  return {
    name: scope.getByLabel(/^Name/),
    email: scope.getByLabel(/^Email/),
    phone: scope.getByLabel(/^Phone/),
    jobTitle: scope.getByLabel(/^Job title/),
    department: scope.getByLabel(/^Department/),
    seniority: scope.getByLabel(/^Seniority level/),
    required: scope.getByLabel('Required contact'),
    questionSet: scope.getByRole('combobox', { name: 'Question set' }),
    submit: scope.getByRole('button', { name: 'Add contact' }),
    result: scope.getByRole('region', { name: 'Contact added' }),
  };
}

/** Whether `locator` has focus, looking through open shadow roots (the embed). */
export function isFocused(locator: Locator): Promise<boolean> {
  return locator.evaluate((element) => {
    let active: Element | null = document.activeElement;
    while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement;
    return active === element;
  });
}

/** Presses Tab until `locator` has focus, at most `limit` times (the caller asserts focus). */
export async function tabTo(page: Page, locator: Locator, limit: number): Promise<void> {
  for (let i = 0; i < limit && !(await isFocused(locator)); i++) await page.keyboard.press('Tab');
}

/** The add-contact endpoint of one interview: the exact path to scope a fault to one test. */
export function contactsPath(interviewId: string): string {
  return `/v1/interviews/${interviewId}/contacts`;
}

export interface RecordedPost {
  idempotencyKey: string | undefined;
  authorization: string | undefined;
  body: string | null;
}

/**
 * Records every add-contact POST the page sends for one interview (listening only: nothing is
 * stubbed), so a test can count attempts and compare their Idempotency-Keys.
 */
export function recordContactPosts(page: Page, interviewId: string): RecordedPost[] {
  const posts: RecordedPost[] = [];
  const path = contactsPath(interviewId);
  page.on('request', (request) => {
    if (request.method() !== 'POST' || new URL(request.url()).pathname !== path) return;
    const headers = request.headers();
    posts.push({
      idempotencyKey: headers['idempotency-key'],
      authorization: headers.authorization,
      body: request.postData(),
    });
  });
  return posts;
}
