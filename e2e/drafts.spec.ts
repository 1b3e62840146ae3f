import type { Page } from '@playwright/test';
import { contactForm, expect, recordContactPosts, test } from './fixtures';

/**
 * The unsent draft (issue 4): it survives a reload in session storage, per interview, holding
 * only form values and the Idempotency-Key of an unconfirmed submission; leaving with unsaved
 * changes asks first.
 */

const draftKey = (interviewId: string) => `ontora:draft:${interviewId}`;

async function sessionEntries(page: Page): Promise<Record<string, string>> {
  return page.evaluate(() => {
    const entries: Record<string, string> = {};
    for (let i = 0; i < sessionStorage.length; i++) {
      const key = sessionStorage.key(i);
      if (key !== null) entries[key] = sessionStorage.getItem(key) ?? '';
    }
    return entries;
  });
}

/** Session storage holds this interview's draft and nothing else: values and the key only. */
async function expectOnlyDraftInSession(page: Page, interviewId: string) {
  const entries = await sessionEntries(page);
  expect(Object.keys(entries)).toEqual([draftKey(interviewId)]);
  const raw = entries[draftKey(interviewId)] ?? '';
  const draft = JSON.parse(raw) as Record<string, unknown>;
  expect(Object.keys(draft).sort()).toEqual(['pendingBody', 'pendingKey', 'savedAt', 'values']);
  expect(Object.keys(draft.values as object).sort()).toEqual(
    [
      'department',
      'email',
      'is_required',
      'job_title',
      'name',
      'phone',
      'question_set_id',
      'seniority_level',
    ].sort(),
  );
  for (const text of [...Object.keys(entries), ...Object.values(entries)]) {
    expect(text).not.toMatch(/ont_|sandbox-token|api[_-]?key|booking_token|bearer/i);
  }
  return draft;
}

test.describe('drafts survive reloads', () => {
  test('reload while typing: the draft comes back; Discard clears it; success removes it', async ({
    page,
    api,
  }) => {
    const interview = await api.createInterview();
    await page.goto(`/interviews/${interview.id}`);
    const form = contactForm(page);
    await form.name.fill('Ada Lovelace');
    await form.email.fill('ada@example.com');
    await form.jobTitle.fill('Analyst');
    await form.department.fill('Engineering');
    await form.seniority.fill('4');
    await form.required.check();
    const draft = await expectOnlyDraftInSession(page, interview.id);
    expect(draft.pendingKey).toBeNull();

    await page.reload();
    const notice = page.getByText('Restored your unsent draft');
    await expect(notice).toBeVisible();
    await expect(page.getByText('What you typed before the page reloaded is back.')).toBeVisible();
    await expect(form.name).toHaveValue('Ada Lovelace');
    await expect(form.email).toHaveValue('ada@example.com');
    await expect(form.jobTitle).toHaveValue('Analyst');
    await expect(form.department).toHaveValue('Engineering');
    await expect(form.seniority).toHaveValue('4');
    await expect(form.required).toBeChecked();

    // Discard: the form empties, the draft is gone, and a reload shows nothing.
    await page.getByRole('button', { name: 'Discard draft' }).click();
    await expect(notice).toBeHidden();
    await expect(form.name).toHaveValue('');
    await expect(form.email).toHaveValue('');
    await expect(form.required).not.toBeChecked();
    expect(await sessionEntries(page)).toEqual({});
    await page.reload();
    await expect(form.questionSet).toBeEnabled();
    await expect(notice).toBeHidden();
    await expect(form.name).toHaveValue('');

    // Type again, reload, send: after the success the draft is gone for good.
    await form.name.fill('Grace Hopper');
    await form.department.fill('Navy');
    await page.reload();
    await expect(notice).toBeVisible();
    await expect(form.name).toHaveValue('Grace Hopper');
    await form.submit.click();
    await expect(form.result).toBeVisible();
    await expect(notice).toBeHidden();
    expect(await sessionEntries(page)).toEqual({});
    await page.reload();
    await expect(form.questionSet).toBeEnabled();
    await expect(notice).toBeHidden();
    await expect(form.name).toHaveValue('');
    await expect(form.department).toHaveValue('');
    expect(await sessionEntries(page)).toEqual({});
    expect((await api.contacts(interview.id)).map((contact) => contact.name)).toEqual([
      'Grace Hopper',
    ]);
  });

  test('"Discard draft" moves focus to Name instead of losing it with the notice', async ({
    page,
    api,
  }) => {
    const interview = await api.createInterview();
    await page.goto(`/interviews/${interview.id}`);
    const form = contactForm(page);
    await form.name.fill('Ada Lovelace');
    await page.reload();
    const discard = page.getByRole('button', { name: 'Discard draft' });
    await discard.click();
    await expect(discard).toBeHidden();
    await expect(form.name).toHaveValue('');
    await expect(form.name).toBeFocused();
  });

  test('after a successful submit with a question set chosen, no draft is left behind', async ({
    page,
    api,
  }) => {
    const interview = await api.createInterview();
    const sets = await api.questionSets(interview.id);
    const wanted = sets[1];
    if (!wanted) throw new Error('the test interview has question sets');
    await page.goto(`/interviews/${interview.id}`);
    const form = contactForm(page);
    await form.name.fill('Katherine Johnson');
    await form.questionSet.click();
    await page.getByRole('option', { name: wanted.name }).click();
    await expect(form.questionSet).toHaveValue(wanted.name);
    await form.submit.click();
    await expect(form.result).toBeVisible();

    // The form keeps the question set for the next contact, but nothing was typed: no draft.
    expect.soft(await sessionEntries(page)).toEqual({});
    await page.reload();
    await expect(form.questionSet).toBeEnabled();
    await expect(page.getByText('Restored your unsent draft')).toBeHidden();
    await expect(form.name).toHaveValue('');
  });

  test('reload while a submission is in flight: the draft returns with its key; resending adds one contact', async ({
    page,
    api,
  }) => {
    const interview = await api.createInterview();
    await api.delayNextContactPost(interview.id, 3_000);
    const posts = recordContactPosts(page, interview.id);
    await page.goto(`/interviews/${interview.id}`);
    const form = contactForm(page);
    await form.name.fill('Dorothy Vaughan');
    await form.email.fill('dorothy@example.com');
    await form.jobTitle.fill('Supervisor');
    await form.submit.click();
    await expect.poll(() => posts.length).toBe(1);
    const sentKey = posts[0]?.idempotencyKey;
    expect(sentKey).toMatch(/^[0-9a-f-]{36}$/i);

    // Before the answer: the draft already holds the submission's key and exact body.
    const draft = await expectOnlyDraftInSession(page, interview.id);
    expect(draft.pendingKey).toBe(sentKey);
    expect(draft.pendingBody).toBe(posts[0]?.body);

    await page.reload();
    await expect(page.getByText('Restored your unsent draft')).toBeVisible();
    await expect(
      page.getByText(/may already have been sent.*cannot create a second/),
    ).toBeVisible();
    await expect(form.name).toHaveValue('Dorothy Vaughan');
    await expect(form.email).toHaveValue('dorothy@example.com');
    await expect(form.jobTitle).toHaveValue('Supervisor');

    await form.submit.click();
    await expect(form.result).toBeVisible();
    expect(posts).toHaveLength(2);
    expect(posts[1]?.idempotencyKey).toBe(sentKey);
    expect(posts[1]?.body).toBe(posts[0]?.body);
    // The first request is still finishing on the server: give it its 3 s, then count.
    await expect
      .poll(async () => (await api.contacts(interview.id)).length, { timeout: 6_000 })
      .toBe(1);
    await page.waitForTimeout(3_000);
    const contacts = await api.contacts(interview.id);
    expect(contacts.map((contact) => contact.name)).toEqual(['Dorothy Vaughan']);
    expect(await sessionEntries(page)).toEqual({});
  });

  test('a draft belongs to its interview', async ({ page, api }) => {
    const first = await api.createInterview();
    const second = await api.createInterview();
    await page.goto(`/interviews/${first.id}`);
    const form = contactForm(page);
    await form.name.fill('Only on the first');
    await expect
      .poll(async () => Object.keys(await sessionEntries(page)))
      .toEqual([draftKey(first.id)]);

    await page.goto(`/interviews/${second.id}`);
    await expect(form.questionSet).toBeEnabled();
    await expect(page.getByText('Restored your unsent draft')).toBeHidden();
    await expect(form.name).toHaveValue('');

    await page.goto(`/interviews/${first.id}`);
    await expect(page.getByText('Restored your unsent draft')).toBeVisible();
    await expect(form.name).toHaveValue('Only on the first');
  });
});

test.describe('leaving with unsaved changes', () => {
  test('in-app navigation asks first: cancel stays with the values, OK leaves', async ({
    page,
    api,
  }) => {
    const interview = await api.createInterview();
    await page.goto(`/interviews/${interview.id}`);
    const form = contactForm(page);
    await form.name.fill('Mary Jackson');
    await form.jobTitle.fill('Engineer');
    const back = page.getByRole('link', { name: '← Interviews' });

    const dismissed = page.waitForEvent('dialog');
    const firstClick = back.click();
    const first = await dismissed;
    expect(first.type()).toBe('confirm');
    expect(first.message()).toMatch(/unsent contact/i);
    await first.dismiss();
    await firstClick;
    await expect(page).toHaveURL(`/interviews/${interview.id}`);
    await expect(form.name).toHaveValue('Mary Jackson');
    await expect(form.jobTitle).toHaveValue('Engineer');

    const accepted = page.waitForEvent('dialog');
    const secondClick = back.click();
    const second = await accepted;
    expect(second.type()).toBe('confirm');
    await second.accept();
    await secondClick;
    await expect(page).toHaveURL('/');
    await expect(page.getByRole('heading', { level: 1, name: 'Interviews' })).toBeVisible();
  });

  test('a clean form leaves without asking', async ({ page, api }) => {
    const interview = await api.createInterview();
    const dialogs: string[] = [];
    page.on('dialog', (dialog) => {
      dialogs.push(dialog.type());
      void dialog.dismiss();
    });
    await page.goto(`/interviews/${interview.id}`);
    await expect(contactForm(page).questionSet).toBeEnabled();
    await page.getByRole('link', { name: '← Interviews' }).click();
    await expect(page).toHaveURL('/');
    expect(dialogs).toEqual([]);
  });

  test('closing the tab with unsaved changes asks first (beforeunload)', async ({ page, api }) => {
    const interview = await api.createInterview();
    await page.goto(`/interviews/${interview.id}`);
    await contactForm(page).name.fill('Annie Easley');

    const dialog = page.waitForEvent('dialog');
    await page.close({ runBeforeUnload: true });
    const shown = await dialog;
    expect(shown.type()).toBe('beforeunload');
    await shown.dismiss();
    expect(page.isClosed()).toBe(false);
    await expect(contactForm(page).name).toHaveValue('Annie Easley');
  });

  test('closing the tab with a clean form does not ask', async ({ page, api }) => {
    const interview = await api.createInterview();
    const dialogs: string[] = [];
    page.on('dialog', (dialog) => {
      dialogs.push(dialog.type());
      void dialog.dismiss();
    });
    await page.goto(`/interviews/${interview.id}`);
    const form = contactForm(page);
    await form.name.fill('typed, then removed');
    await form.name.fill('');
    await page.close({ runBeforeUnload: true });
    await expect.poll(() => page.isClosed()).toBe(true);
    expect(dialogs).toEqual([]);
  });
});
