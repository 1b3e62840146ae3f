import type { APIRequestContext, Page } from '@playwright/test';
import {
  contactForm,
  contactsPath,
  expect,
  recordContactPosts,
  test,
  type RecordedPost,
} from './fixtures';

/**
 * Every failure of the add-contact flow (issue 4), against the real server in sandbox mode. The
 * failures come from the sandbox's fault injection, scoped to each test's own interview; nothing
 * is stubbed in the browser. The browser's per-attempt timeout is 4 s (playwright.config.ts).
 */

const TYPED = {
  name: 'Ada Lovelace',
  email: 'ada@example.com',
  jobTitle: 'Analyst',
  department: 'Engineering',
};

async function fillContact(page: Page, name = TYPED.name) {
  const form = contactForm(page);
  await form.name.fill(name);
  await form.email.fill(TYPED.email);
  await form.jobTitle.fill(TYPED.jobTitle);
  await form.department.fill(TYPED.department);
}

async function expectValuesKept(page: Page, name = TYPED.name) {
  const form = contactForm(page);
  await expect(form.name).toHaveValue(name);
  await expect(form.email).toHaveValue(TYPED.email);
  await expect(form.jobTitle).toHaveValue(TYPED.jobTitle);
  await expect(form.department).toHaveValue(TYPED.department);
}

/** Every attempt of one logical submission carries the same, present Idempotency-Key. */
function expectOneKey(posts: RecordedPost[]) {
  const keys = new Set(posts.map((post) => post.idempotencyKey));
  expect(keys.size, `keys: ${[...keys].join(', ')}`).toBe(1);
  expect([...keys][0]).toMatch(/^[0-9a-f-]{36}$/i);
}

/**
 * Waits past the first automatic backoff (1 s + jitter ≤ 250 ms) so an unwanted automatic retry
 * would have been sent by now. The wait is inherent: we prove that something does NOT happen.
 */
async function waitPastFirstBackoff(page: Page) {
  await page.waitForTimeout(2_500);
}

/**
 * Chromium silently resends a POST when a keep-alive connection that was reused (or pre-connected
 * and left idle) drops before any answer: it cannot tell that from a connection the server closed
 * while idle. So one `drop` may never reach the app, and how many drops one fetch swallows depends
 * on the browser's socket pool. This many always make an attempt fail; {@link drainFaults} then
 * removes the rest, so the next attempt goes through.
 */
const DROPS_PER_ATTEMPT = 8;

/**
 * Uses up this path's pending faults by sending them requests the sandbox would refuse anyway
 * (an empty body is a 422), so nothing is created even if one gets past the faults.
 */
async function drainFaults(request: APIRequestContext, path: string) {
  const response = await request.get('/__sandbox/faults');
  const pending = (await response.json()) as { path: string | null; count: number }[];
  const left = pending.filter((fault) => fault.path === path).reduce((n, f) => n + f.count, 0);
  for (let i = 0; i < left; i++) {
    await request.post(path, { data: {}, failOnStatusCode: false }).catch(() => undefined);
  }
  const after = (await (await request.get('/__sandbox/faults')).json()) as { path: string }[];
  expect(after.filter((fault) => fault.path === path)).toEqual([]);
}

const REQUEST_ID = /Request ID for support: req_[A-Za-z0-9_-]+/;

test.describe('add contact: API errors that need the recruiter', () => {
  test('400: a form-level alert with the API’s detail, values kept', async ({ page, api }) => {
    const interview = await api.createInterview();
    await api.fault({
      method: 'POST',
      path: contactsPath(interview.id),
      status: 400,
      body: { detail: 'Malformed request: the body could not be decoded' },
    });
    await page.goto(`/interviews/${interview.id}`);
    await fillContact(page);
    await contactForm(page).submit.click();

    const alert = page.getByRole('alert');
    await expect(alert).toContainText('The contact was not added');
    await expect(alert).toContainText('Malformed request: the body could not be decoded');
    await expect(alert).toContainText(REQUEST_ID);
    await expectValuesKept(page);
    expect(await api.contacts(interview.id)).toHaveLength(0);
  });

  test('401: "not authorised / session expired", values kept, Retry sends the same key once more', async ({
    page,
    api,
  }) => {
    const interview = await api.createInterview();
    await api.fault({ method: 'POST', path: contactsPath(interview.id), status: 401, count: 1 });
    const posts = recordContactPosts(page, interview.id);
    await page.goto(`/interviews/${interview.id}`);
    await fillContact(page);
    const form = contactForm(page);
    await form.submit.click();

    const alert = page.getByRole('alert');
    await expect(alert).toContainText('Not authorised: your session may have expired');
    await expect(alert).toContainText(/session has expired|API key is not valid/);
    await expectValuesKept(page);
    expect(posts).toHaveLength(1);

    await alert.getByRole('button', { name: 'Retry' }).click();
    await expect(form.result).toBeVisible();
    expect(posts).toHaveLength(2);
    expectOneKey(posts);
    const contacts = await api.contacts(interview.id);
    expect(contacts).toHaveLength(1);
    expect(contacts[0]).toMatchObject({ name: TYPED.name, email: TYPED.email });
  });

  for (const { code, explains } of [
    { code: 'insufficient_scope', explains: /lacks access to this scope/ },
    { code: 'workspace_forbidden', explains: /another workspace/ },
  ]) {
    test(`403 ${code}: explains the missing access, no automatic retry`, async ({ page, api }) => {
      const interview = await api.createInterview();
      await api.fault({
        method: 'POST',
        path: contactsPath(interview.id),
        status: 403,
        body: { detail: `Forbidden (${code})`, code },
      });
      const posts = recordContactPosts(page, interview.id);
      await page.goto(`/interviews/${interview.id}`);
      await fillContact(page);
      await contactForm(page).submit.click();

      const alert = page.getByRole('alert');
      await expect(alert).toContainText('Access denied');
      await expect(alert).toContainText(explains);
      await expect(alert).toContainText(code);
      await expectValuesKept(page);
      await waitPastFirstBackoff(page);
      expect(posts).toHaveLength(1);
      expect(await api.contacts(interview.id)).toHaveLength(0);
    });
  }

  test('404 on the interview: "this interview no longer exists", a way back, no retry', async ({
    page,
    api,
  }) => {
    const interview = await api.createInterview();
    await api.fault({
      method: 'POST',
      path: contactsPath(interview.id),
      status: 404,
      body: { detail: 'Interview not found', code: 'not_found' },
    });
    const posts = recordContactPosts(page, interview.id);
    await page.goto(`/interviews/${interview.id}`);
    await fillContact(page);
    await contactForm(page).submit.click();

    const alert = page.getByRole('alert');
    await expect(alert).toContainText('This interview no longer exists');
    await expectValuesKept(page);
    await waitPastFirstBackoff(page);
    expect(posts).toHaveLength(1);

    // Leaving with a typed contact may ask first (the draft stays in the tab): say yes.
    page.on('dialog', (dialog) => void dialog.accept());
    await alert.getByRole('link', { name: 'Back to interviews' }).click();
    await expect(page).toHaveURL('/');
    await expect(page.getByRole('heading', { level: 1, name: 'Interviews' })).toBeVisible();
  });

  test('409 campaign_locked (a completed interview): plain words, values kept', async ({
    page,
    api,
  }) => {
    const interview = await api.createInterview({ status: 'completed' });
    await page.goto(`/interviews/${interview.id}`);
    await fillContact(page);
    await contactForm(page).submit.click();

    const alert = page.getByRole('alert');
    await expect(alert).toContainText('Not added');
    await expect(alert).toContainText('not in a state that takes new contacts');
    await expect(alert).toContainText('campaign_locked');
    await expectValuesKept(page);
    expect(await api.contacts(interview.id)).toHaveLength(0);
  });

  for (const { code, detail, explains } of [
    {
      code: 'idempotency_conflict',
      detail: 'Idempotency-Key was already used with a different body',
      explains: /already sent with different details/,
    },
    {
      code: 'duplicate_contact',
      detail: 'A contact with this email already exists on the interview',
      explains: /A contact with this email already exists on the interview/,
    },
  ]) {
    test(`409 ${code}: plain words, values kept`, async ({ page, api }) => {
      const interview = await api.createInterview();
      await api.fault({
        method: 'POST',
        path: contactsPath(interview.id),
        status: 409,
        body: { detail, code },
      });
      await page.goto(`/interviews/${interview.id}`);
      await fillContact(page);
      await contactForm(page).submit.click();

      const alert = page.getByRole('alert');
      await expect(alert).toContainText('Not added');
      await expect(alert).toContainText(explains);
      await expect(alert).toContainText(code);
      await expectValuesKept(page);
      expect(await api.contacts(interview.id)).toHaveLength(0);
    });
  }

  test('422: each error on its field; one summary of links to the fields, announced once', async ({
    page,
    api,
  }) => {
    const interview = await api.createInterview();
    const issue = (field: string, msg: string) => ({
      loc: ['body', field],
      msg,
      type: 'value_error',
    });
    await api.fault({
      method: 'POST',
      path: contactsPath(interview.id),
      status: 422,
      body: {
        detail: [
          issue('name', 'Value error, this name is on the do-not-contact list'),
          issue('email', 'Value error, the mail server for this domain does not exist'),
          issue('department', 'Value error, unknown department'),
        ],
      },
    });
    await page.goto(`/interviews/${interview.id}`);
    await fillContact(page);
    const form = contactForm(page);
    await form.submit.click();

    const fields = [
      { field: form.name, label: 'Name', message: /do-not-contact list/ },
      { field: form.email, label: 'Email', message: /mail server for this domain/ },
      { field: form.department, label: 'Department', message: /unknown department/ },
    ];
    for (const { field, message } of fields) {
      await expect(field).toHaveAttribute('aria-invalid', 'true');
      await expect(field).toHaveAccessibleDescription(message);
    }
    await expect(form.jobTitle).not.toHaveAttribute('aria-invalid', 'true');
    await expect(form.name).toBeFocused();

    const summary = page.getByRole('navigation', {
      name: 'There are 3 problems with this contact',
    });
    await expect(summary).toBeVisible();
    await expect(summary.getByRole('link')).toHaveCount(3);
    // Each link moves focus to its field.
    for (const { field, label, message } of [...fields].reverse()) {
      const link = summary.getByRole('link', { name: new RegExp(`^${label}: `) });
      await expect(link).toHaveAccessibleName(message);
      await link.click();
      await expect(field).toBeFocused();
    }

    // Announced once: never more than one alert, and exactly one live region tells the count.
    await expect(page.getByRole('alert')).toHaveCount(1);
    await expect(
      page.locator('[role="alert"], [role="status"]').filter({ hasText: /3 problems/ }),
    ).toHaveCount(1);
    await expectValuesKept(page);
  });

  test('422 found before sending (the form’s own checks): same summary, announced once', async ({
    page,
    api,
  }) => {
    const interview = await api.createInterview();
    const posts = recordContactPosts(page, interview.id);
    await page.goto(`/interviews/${interview.id}`);
    const form = contactForm(page);
    await form.email.fill('nope');
    await form.jobTitle.fill(TYPED.jobTitle);
    await form.seniority.fill('senior');
    await form.submit.click();

    const summary = page.getByRole('navigation', {
      name: 'There are 3 problems with this contact',
    });
    await expect(summary).toBeVisible();
    for (const { field, label } of [
      { field: form.seniority, label: 'Seniority level' },
      { field: form.email, label: 'Email' },
      { field: form.name, label: 'Name' },
    ]) {
      await expect(field).toHaveAttribute('aria-invalid', 'true');
      await summary.getByRole('link', { name: new RegExp(`^${label}: `) }).click();
      await expect(field).toBeFocused();
    }
    expect(await page.getByRole('alert').count()).toBeLessThanOrEqual(1);
    await expect(
      page.locator('[role="alert"], [role="status"]').filter({ hasText: /3 problems/ }),
    ).toHaveCount(1);
    await expect(form.email).toHaveValue('nope');
    await expect(form.jobTitle).toHaveValue(TYPED.jobTitle);
    expect(posts).toHaveLength(0);
  });
});

test.describe('add contact: failures retried automatically with the same key', () => {
  test('429 with Retry-After: "rate limited, retrying in N s", then one contact', async ({
    page,
    api,
  }) => {
    const interview = await api.createInterview();
    await api.fault({
      method: 'POST',
      path: contactsPath(interview.id),
      status: 429,
      headers: { 'Retry-After': '2' },
      count: 1,
    });
    const posts = recordContactPosts(page, interview.id);
    await page.goto(`/interviews/${interview.id}`);
    await fillContact(page);
    const form = contactForm(page);
    const limited = page.waitForResponse(
      (response) =>
        response.request().method() === 'POST' &&
        new URL(response.url()).pathname === contactsPath(interview.id),
    );
    await form.submit.click();
    const requestId = (await limited).headers()['x-request-id'];
    expect(requestId).toMatch(/^req_/);

    await expect(page.getByText('Retrying automatically', { exact: true })).toBeVisible();
    await expect(
      page.getByText(/Rate limited by Ontora\. Retrying in \d s \(attempt 2\)/),
    ).toBeVisible();
    await expect(page.getByText(`Request ID for support: ${requestId ?? '-'}`)).toBeVisible();
    await expect(page.getByRole('button', { name: 'Cancel sending' })).toBeVisible();

    await expect(form.result).toBeVisible({ timeout: 15_000 });
    expect(posts).toHaveLength(2);
    expectOneKey(posts);
    expect(await api.contacts(interview.id)).toHaveLength(1);
    await expect(page.getByRole('alert')).toHaveCount(0);
  });

  test('429: "Cancel sending" during the countdown keeps the values; sending again adds one contact', async ({
    page,
    api,
  }) => {
    const interview = await api.createInterview();
    await api.fault({
      method: 'POST',
      path: contactsPath(interview.id),
      status: 429,
      headers: { 'Retry-After': '10' },
      count: 1,
    });
    const posts = recordContactPosts(page, interview.id);
    await page.goto(`/interviews/${interview.id}`);
    await fillContact(page);
    const form = contactForm(page);
    await form.submit.click();

    await expect(page.getByText(/Retrying in \d+ s/)).toBeVisible();
    await page.getByRole('button', { name: 'Cancel sending' }).click();
    const alert = page.getByRole('alert');
    await expect(alert).toContainText('Sending cancelled');
    await expect(page.getByText('Retrying automatically', { exact: true })).toBeHidden();
    await expectValuesKept(page);
    expect(posts).toHaveLength(1);

    await form.submit.click();
    await expect(form.result).toBeVisible();
    expect(posts).toHaveLength(2);
    expectOneKey(posts);
    expect(await api.contacts(interview.id)).toHaveLength(1);
  });

  test('500: an alert with the request id and Retry; Retry adds exactly one contact', async ({
    page,
    api,
  }) => {
    const interview = await api.createInterview();
    await api.fault({ method: 'POST', path: contactsPath(interview.id), status: 500, count: 1 });
    const posts = recordContactPosts(page, interview.id);
    await page.goto(`/interviews/${interview.id}`);
    await fillContact(page);
    const form = contactForm(page);
    const failed = page.waitForResponse(
      (response) =>
        response.request().method() === 'POST' &&
        new URL(response.url()).pathname === contactsPath(interview.id),
    );
    await form.submit.click();
    const requestId = (await failed).headers()['x-request-id'];
    expect(requestId).toMatch(/^req_/);

    const alert = page.getByRole('alert');
    await expect(alert).toContainText('The contact was not added');
    await expect(alert).toContainText('internal error');
    await expect(alert).toContainText(`Request ID for support: ${requestId ?? '-'}`);
    await expectValuesKept(page);
    expect(posts).toHaveLength(1);

    await alert.getByRole('button', { name: 'Retry' }).click();
    await expect(form.result).toBeVisible();
    expect(posts).toHaveLength(2);
    expectOneKey(posts);
    expect(await api.contacts(interview.id)).toHaveLength(1);
  });

  for (const status of [502, 503, 504]) {
    test(`${status}: retried automatically with backoff, exactly one contact`, async ({
      page,
      api,
    }) => {
      const interview = await api.createInterview();
      await api.fault({ method: 'POST', path: contactsPath(interview.id), status, count: 1 });
      const posts = recordContactPosts(page, interview.id);
      await page.goto(`/interviews/${interview.id}`);
      await fillContact(page);
      const form = contactForm(page);
      await form.submit.click();

      await expect(page.getByText(/Retrying in \d s \(attempt 2\)/)).toBeVisible();
      await expect(form.result).toBeVisible();
      expect(posts).toHaveLength(2);
      expectOneKey(posts);
      expect(await api.contacts(interview.id)).toHaveLength(1);
      await expect(page.getByRole('alert')).toHaveCount(0);
    });
  }

  test('the retry notice reads as one sentence: the error, then "Retrying in N s"', async ({
    page,
    api,
  }) => {
    const interview = await api.createInterview();
    await api.fault({ method: 'POST', path: contactsPath(interview.id), status: 503, count: 1 });
    await page.goto(`/interviews/${interview.id}`);
    await fillContact(page);
    const form = contactForm(page);
    await form.submit.click();

    // "Ontora is temporarily unavailable." + ". Retrying in" must not become "unavailable.. Retrying".
    await expect(page.getByText(/Retrying in \d s \(attempt 2\)/)).toHaveText(
      /^Ontora is temporarily unavailable\. Retrying in \d s \(attempt 2\)\.$/,
    );
    await expect(form.result).toBeVisible();
  });

  test('network failure (one dropped connection): nothing lost, exactly one contact', async ({
    page,
    api,
  }) => {
    const interview = await api.createInterview();
    // Chromium may resend this one itself (see DROPS_PER_ATTEMPT); either way, one contact.
    await api.fault({ method: 'POST', path: contactsPath(interview.id), action: 'drop', count: 1 });
    const posts = recordContactPosts(page, interview.id);
    await page.goto(`/interviews/${interview.id}`);
    await fillContact(page);
    const form = contactForm(page);
    await form.submit.click();

    await expect(form.result).toBeVisible({ timeout: 15_000 });
    expectOneKey(posts);
    expect(await api.contacts(interview.id)).toHaveLength(1);
    await expect(page.getByRole('alert')).toHaveCount(0);
  });

  test('network failure the app sees: retried automatically with backoff and the same key', async ({
    page,
    api,
    request,
  }) => {
    const interview = await api.createInterview();
    await api.fault({
      method: 'POST',
      path: contactsPath(interview.id),
      action: 'drop',
      count: DROPS_PER_ATTEMPT,
    });
    const posts = recordContactPosts(page, interview.id);
    const failed: string[] = [];
    page.on('requestfailed', (failure) => {
      if (failure.method() === 'POST') failed.push(failure.failure()?.errorText ?? '?');
    });
    await page.goto(`/interviews/${interview.id}`);
    await fillContact(page);
    const form = contactForm(page);
    await form.submit.click();

    // The first attempt failed; while the app backs off, let the connection heal.
    await expect(page.getByText(/Could not reach the server\. Check the connection/)).toBeVisible();
    await expect(page.getByText(/Retrying in \d s \(attempt 2\)/)).toBeVisible();
    await drainFaults(request, contactsPath(interview.id));
    await expect(form.result).toBeVisible({ timeout: 15_000 });
    expect(failed.length).toBeGreaterThanOrEqual(1);
    expect(posts).toHaveLength(2);
    expectOneKey(posts);
    expect(await api.contacts(interview.id)).toHaveLength(1);
    await expect(page.getByRole('alert')).toHaveCount(0);
  });

  test('network failure on every attempt: "No connection" with Retry, values kept', async ({
    page,
    api,
    request,
  }) => {
    const interview = await api.createInterview();
    await api.fault({
      method: 'POST',
      path: contactsPath(interview.id),
      action: 'drop',
      count: DROPS_PER_ATTEMPT * 4,
    });
    const posts = recordContactPosts(page, interview.id);
    await page.goto(`/interviews/${interview.id}`);
    await fillContact(page);
    const form = contactForm(page);
    await form.submit.click();

    const alert = page.getByRole('alert');
    await expect(alert).toContainText('No connection', { timeout: 20_000 });
    await expect(alert).toContainText('Could not reach the server');
    await expectValuesKept(page);
    expect(posts).toHaveLength(4);
    expect(await api.contacts(interview.id)).toHaveLength(0);

    await drainFaults(request, contactsPath(interview.id));
    await alert.getByRole('button', { name: 'Retry' }).click();
    await expect(form.result).toBeVisible();
    expect(posts).toHaveLength(5);
    expectOneKey(posts);
    expect(await api.contacts(interview.id)).toHaveLength(1);
  });

  test('lost response: the server created the contact, the browser timed out; the retry is replayed', async ({
    page,
    api,
  }) => {
    const interview = await api.createInterview();
    // The server answers after 4.5 s: the contact exists, but the browser gave up at 4 s.
    await api.delayNextContactPost(interview.id, 4_500);
    const posts = recordContactPosts(page, interview.id);
    const replayed: string[] = [];
    page.on('response', (response) => {
      if (
        response.request().method() === 'POST' &&
        new URL(response.url()).pathname === contactsPath(interview.id) &&
        response.headers()['idempotent-replayed'] === 'true'
      ) {
        replayed.push(response.url());
      }
    });
    await page.goto(`/interviews/${interview.id}`);
    await fillContact(page);
    const form = contactForm(page);
    await form.submit.click();

    await expect(page.getByText(/did not answer within 4 seconds/)).toBeVisible({
      timeout: 8_000,
    });
    await expect(form.result).toBeVisible({ timeout: 15_000 });
    expect(posts).toHaveLength(2);
    expectOneKey(posts);
    expect(replayed).toHaveLength(1);
    const contacts = await api.contacts(interview.id);
    expect(contacts).toHaveLength(1);
    await expect(form.result.getByText(contacts[0]?.booking_token ?? '-')).toBeVisible();
  });

  test('lost response, slower still: the retry overtakes the first attempt; still one contact', async ({
    page,
    api,
  }) => {
    const interview = await api.createInterview();
    await api.delayNextContactPost(interview.id, 6_000);
    const posts = recordContactPosts(page, interview.id);
    await page.goto(`/interviews/${interview.id}`);
    await fillContact(page);
    const form = contactForm(page);
    await form.submit.click();

    await expect(form.result).toBeVisible({ timeout: 15_000 });
    expectOneKey(posts);
    // The first attempt is still being handled on the server: let it finish, then count.
    await expect
      .poll(async () => (await api.contacts(interview.id)).length, { timeout: 8_000 })
      .toBe(1);
    await page.waitForTimeout(2_000);
    expect(await api.contacts(interview.id)).toHaveLength(1);
  });

  test('timeout (no answer): the browser gives up at 4 s, retries, and adds one contact', async ({
    page,
    api,
  }) => {
    const interview = await api.createInterview();
    await api.fault({ method: 'POST', path: contactsPath(interview.id), action: 'hang', count: 1 });
    const posts = recordContactPosts(page, interview.id);
    await page.goto(`/interviews/${interview.id}`);
    await fillContact(page);
    const form = contactForm(page);
    await form.submit.click();

    await expect(page.getByText(/did not answer within 4 seconds/)).toBeVisible({ timeout: 8_000 });
    await expect(page.getByText(/Retrying in \d s \(attempt 2\)/)).toBeVisible();
    await expect(form.result).toBeVisible({ timeout: 15_000 });
    expect(posts).toHaveLength(2);
    expectOneKey(posts);
    expect(await api.contacts(interview.id)).toHaveLength(1);
  });

  test('timeout on every attempt: "No answer in time" with Retry, values kept', async ({
    page,
    api,
  }) => {
    test.slow();
    const interview = await api.createInterview();
    await api.fault({ method: 'POST', path: contactsPath(interview.id), action: 'hang', count: 4 });
    const posts = recordContactPosts(page, interview.id);
    await page.goto(`/interviews/${interview.id}`);
    await fillContact(page);
    const form = contactForm(page);
    await form.submit.click();

    const alert = page.getByRole('alert');
    // 4 attempts of 4 s plus backoff of about 1 + 2 + 4 s.
    await expect(alert).toContainText('No answer in time', { timeout: 35_000 });
    await expectValuesKept(page);
    expect(posts).toHaveLength(4);
    expect(await api.contacts(interview.id)).toHaveLength(0);

    await alert.getByRole('button', { name: 'Retry' }).click();
    await expect(form.result).toBeVisible();
    expect(posts).toHaveLength(5);
    expectOneKey(posts);
    expect(await api.contacts(interview.id)).toHaveLength(1);
  });
});

test.describe('add contact: odd answers and the browser’s own conditions', () => {
  test('a success that breaks the schema: "unexpected answer", the id and request id, no crash', async ({
    page,
    api,
  }) => {
    const interview = await api.createInterview();
    await api.fault({
      method: 'POST',
      path: contactsPath(interview.id),
      malformed: true,
      count: 1,
    });
    const pageErrors: Error[] = [];
    page.on('pageerror', (error) => pageErrors.push(error));
    await page.goto(`/interviews/${interview.id}`);
    await fillContact(page);
    const form = contactForm(page);
    const answered = page.waitForResponse(
      (response) =>
        response.request().method() === 'POST' &&
        new URL(response.url()).pathname === contactsPath(interview.id),
    );
    await form.submit.click();
    const response = await answered;
    const body = (await response.json()) as { id: string };
    const requestId = response.headers()['x-request-id'] ?? '-';

    const alert = page.getByRole('alert');
    await expect(alert).toContainText('Unexpected answer from the API');
    await expect(alert).toContainText('The API answered in an unexpected format.');
    await expect(alert).toContainText(body.id);
    await expect(alert).toContainText(`Request ID for support: ${requestId}`);
    await expectValuesKept(page);

    // Still a working page: the form takes another submission.
    await expect(page.getByRole('heading', { level: 1, name: interview.name })).toBeVisible();
    await form.name.fill('Ada King');
    await form.submit.click();
    await expect(form.result).toBeVisible();
    const contacts = await api.contacts(interview.id);
    expect(contacts.map((contact) => contact.name)).toEqual(['Ada King']);
    expect(pageErrors).toEqual([]);
  });

  test('offline: a banner; submit waits for the connection and sends once it is back', async ({
    page,
    context,
    api,
  }) => {
    const interview = await api.createInterview();
    const posts = recordContactPosts(page, interview.id);
    await page.goto(`/interviews/${interview.id}`);
    const form = contactForm(page);
    await expect(form.questionSet).toBeEnabled();
    await context.setOffline(true);
    await expect(page.getByText('You are offline', { exact: true })).toBeVisible();
    await fillContact(page);
    await form.submit.click();

    // Soft: the rest (nothing lost, one contact once online) is worth checking either way.
    await expect
      .soft(page.getByText('Waiting for the connection', { exact: true }))
      .toBeVisible({ timeout: 5_000 });
    await expect
      .soft(page.getByRole('button', { name: 'Cancel sending' }))
      .toBeVisible({ timeout: 1_000 });
    await expectValuesKept(page);
    expect(posts).toHaveLength(0);

    await context.setOffline(false);
    await expect(page.getByText('You are offline', { exact: true })).toBeHidden();
    await expect(form.result).toBeVisible();
    expect(posts).toHaveLength(1);
    expect(await api.contacts(interview.id)).toHaveLength(1);
  });

  test('offline: "Cancel sending" keeps the values; sending later adds one contact', async ({
    page,
    context,
    api,
  }) => {
    const interview = await api.createInterview();
    const posts = recordContactPosts(page, interview.id);
    await page.goto(`/interviews/${interview.id}`);
    const form = contactForm(page);
    await expect(form.questionSet).toBeEnabled();
    await context.setOffline(true);
    await fillContact(page);
    await form.submit.click();

    await expect(page.getByText('Waiting for the connection', { exact: true })).toBeVisible();
    await page.getByRole('button', { name: 'Cancel sending' }).click();
    await expect(page.getByRole('alert')).toContainText('Sending cancelled');
    await expect(page.getByText('Waiting for the connection', { exact: true })).toBeHidden();
    await expectValuesKept(page);
    expect(posts).toHaveLength(0);

    await context.setOffline(false);
    await form.submit.click();
    await expect(form.result).toBeVisible();
    expect(posts).toHaveLength(1);
    expect(await api.contacts(interview.id)).toHaveLength(1);
  });

  test('double click and Enter held down send one request', async ({ page, api }) => {
    const interview = await api.createInterview();
    // A slow answer keeps the first request in flight while the rest of the input lands.
    await api.delayNextContactPost(interview.id, 2_000);
    const posts = recordContactPosts(page, interview.id);
    await page.goto(`/interviews/${interview.id}`);
    await fillContact(page);
    const form = contactForm(page);

    await form.submit.dblclick();
    await form.name.focus();
    // Enter held down: the first keydown and its auto-repeats.
    for (let i = 0; i < 6; i++) await page.keyboard.down('Enter');
    await page.keyboard.up('Enter');
    for (let i = 0; i < 3; i++) await page.keyboard.press('Enter');

    await expect(form.result).toBeVisible();
    expect(posts).toHaveLength(1);
    expect(await api.contacts(interview.id)).toHaveLength(1);
  });

  test('Enter held down alone (no click) sends one request', async ({ page, api }) => {
    const interview = await api.createInterview();
    await api.delayNextContactPost(interview.id, 2_000);
    const posts = recordContactPosts(page, interview.id);
    await page.goto(`/interviews/${interview.id}`);
    await fillContact(page);
    const form = contactForm(page);

    await form.department.focus();
    for (let i = 0; i < 8; i++) await page.keyboard.down('Enter');
    await page.keyboard.up('Enter');

    await expect(form.result).toBeVisible();
    expect(posts).toHaveLength(1);
    expect(await api.contacts(interview.id)).toHaveLength(1);
  });
});
