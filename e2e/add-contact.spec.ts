import { axeViolations, contactForm, expect, tabTo, test } from './fixtures';

test.describe('interview page: add a contact', () => {
  test('a recruiter goes from / to an interview, fills every field, and gets the meeting link, status and token', async ({
    page,
    api,
  }) => {
    const interview = await api.createInterview({ name: `E2E happy path ${Date.now()}` });
    const sets = await api.questionSets(interview.id);
    const wanted = sets[1];
    if (!wanted) throw new Error('the test interview has question sets');

    await page.goto('/');
    await page.getByRole('link', { name: interview.name }).click();
    await expect(page).toHaveURL(`/interviews/${interview.id}`);
    await expect(page.getByRole('heading', { level: 1, name: interview.name })).toBeVisible();
    // Focus starts at the new page's content, and the tab says where we are.
    await expect(page.getByRole('main')).toBeFocused();
    await expect(page).toHaveTitle(`${interview.name} – Ontora Admin`);

    const form = contactForm(page);
    await form.name.fill('Ada Lovelace');
    await form.email.fill('ada@example.com');
    await form.phone.fill('+44 20 7946 0958');
    await form.jobTitle.fill('Analyst');
    await form.department.fill('Engineering');
    await form.seniority.fill('4');
    await form.required.check();
    // Pick the question set by typing part of its name, then the arrow keys.
    await form.questionSet.fill(wanted.name.slice(0, 7));
    await expect(page.getByRole('listbox')).toBeVisible();
    await form.questionSet.press('ArrowDown');
    const highlighted = page.getByRole('option', { name: new RegExp(wanted.name.slice(0, 7)) });
    await expect(highlighted.first()).toBeVisible();
    // Walk down to the wanted set by its position among the filtered options.
    const names = await page.getByRole('option').allTextContents();
    const index = names.findIndex((text) => text.includes(wanted.name));
    for (let i = 0; i < index; i++) await form.questionSet.press('ArrowDown');
    await form.questionSet.press('Enter');
    await expect(form.questionSet).toHaveValue(wanted.name);

    await form.submit.click();
    await expect(form.result).toBeVisible();

    const [stored] = await api.contacts(interview.id);
    expect(stored).toMatchObject({
      name: 'Ada Lovelace',
      email: 'ada@example.com',
      phone: '+442079460958',
      job_title: 'Analyst',
      department: 'Engineering',
      seniority_level: 4,
      is_required: true,
      question_set_id: wanted.id,
    });
    await expect(
      form.result.getByRole('link', { name: stored?.meeting_url ?? '-' }),
    ).toHaveAttribute('href', stored?.meeting_url ?? '-');
    await expect(
      form.result.getByText(stored?.booking_token ?? '-', { exact: true }),
    ).toBeVisible();
    await expect(form.result.getByText('Pending', { exact: true })).toBeVisible();

    const list = page.getByRole('region', { name: 'Contacts' });
    await expect(list.getByRole('rowheader', { name: 'Ada Lovelace' })).toBeVisible();
    await expect(list.getByRole('row', { name: /Ada Lovelace/ })).toContainText(wanted.name);
  });

  test('a double click creates exactly one contact', async ({ page, api }) => {
    const interview = await api.createInterview();
    // A slow answer keeps the first request in flight while the second click lands.
    await api.delayNextContactPost(interview.id, 800);
    await page.goto(`/interviews/${interview.id}`);
    const form = contactForm(page);
    await form.name.fill('Grace Hopper');
    await form.submit.dblclick();
    await form.name.press('Enter');
    await expect(form.result).toBeVisible();
    const contacts = await api.contacts(interview.id);
    expect(contacts.filter((contact) => contact.name === 'Grace Hopper')).toHaveLength(1);
  });

  test('a 422 from the API lands on the right field and keeps what was typed', async ({
    page,
    api,
  }) => {
    const interview = await api.createInterview();
    await api.fault({
      method: 'POST',
      path: `/v1/interviews/${interview.id}/contacts`,
      status: 422,
      body: {
        detail: [
          {
            loc: ['body', 'email'],
            msg: 'The mail server for this domain does not exist',
            type: 'value_error',
            input: 'ada@example.invalid',
          },
        ],
      },
    });
    await page.goto(`/interviews/${interview.id}`);
    const form = contactForm(page);
    await form.name.fill('Ada');
    await form.email.fill('ada@example.invalid');
    await form.submit.click();

    await expect(form.email).toHaveAttribute('aria-invalid', 'true');
    await expect(form.email).toHaveAccessibleDescription(/mail server for this domain/);
    await expect(form.email).toBeFocused();
    await expect(form.email).toHaveValue('ada@example.invalid');
    await expect(form.name).toHaveValue('Ada');
    await expect(page.getByRole('link', { name: /Email: The mail server/ })).toBeVisible();
  });

  test('the whole flow works with the keyboard alone', async ({ page, api }) => {
    const interview = await api.createInterview();
    const sets = await api.questionSets(interview.id);
    await page.goto('/');
    // Tab to the interview's link and open it.
    const link = page.getByRole('link', { name: interview.name });
    await tabTo(page, link, 40);
    await expect(link).toBeFocused();
    await page.keyboard.press('Enter');
    await expect(page.getByRole('heading', { level: 1, name: interview.name })).toBeVisible();

    const form = contactForm(page);
    // Tab from the top of the page to Name.
    await tabTo(page, form.name, 20);
    await expect(form.name).toBeFocused();
    await page.keyboard.type('Katherine Johnson');
    await page.keyboard.press('Tab');
    await expect(form.email).toBeFocused();
    await page.keyboard.type('kj@example.com');
    // Through phone, job title, department, seniority to the question set picker.
    await tabTo(page, form.questionSet, 10);
    await expect(form.questionSet).toBeFocused();
    await page.keyboard.press('ArrowDown');
    await expect(page.getByRole('listbox')).toBeVisible();
    await page.keyboard.press('End');
    await page.keyboard.press('Enter');
    await expect(form.questionSet).toHaveValue(sets.at(-1)?.name ?? '-');
    await page.keyboard.press('Tab');
    await expect(form.required).toBeFocused();
    await page.keyboard.press('Space');
    await expect(form.required).toBeChecked();
    await page.keyboard.press('Enter');

    await expect(form.result).toBeVisible();
    await expect(page.getByRole('heading', { name: 'Contact added' })).toBeFocused();
    const [stored] = await api.contacts(interview.id);
    expect(stored).toMatchObject({
      name: 'Katherine Johnson',
      email: 'kj@example.com',
      is_required: true,
      question_set_id: sets.at(-1)?.id,
    });
  });

  test('an unknown interview shows "not found" with a way back', async ({ page }) => {
    await page.goto('/interviews/00000000-0000-4000-8000-000000000000');
    await expect(page.getByRole('heading', { name: 'Interview not found' })).toBeVisible();
    await page.getByRole('link', { name: 'Back to interviews' }).click();
    await expect(page.getByRole('heading', { name: 'Interviews' })).toBeVisible();
  });

  test('a completed interview says it takes no new contacts, and shows the API’s answer', async ({
    page,
    api,
  }) => {
    const interview = await api.createInterview({ status: 'completed' });
    await page.goto(`/interviews/${interview.id}`);
    await expect(page.getByText('This interview is completed')).toBeVisible();
    const form = contactForm(page);
    await form.name.fill('Too Late');
    await form.submit.click();
    const alert = page.getByRole('alert');
    await expect(alert).toContainText('not in a state that takes new contacts');
    await expect(alert).toContainText('campaign_locked');
    await expect(form.name).toHaveValue('Too Late');
  });
});

test.describe('accessibility (axe, WCAG 2.2 A and AA)', () => {
  for (const colorScheme of ['light', 'dark'] as const) {
    test(`no violations in the initial, error and success states (${colorScheme})`, async ({
      page,
      api,
    }) => {
      await page.emulateMedia({ colorScheme });
      const interview = await api.createInterview();
      await page.goto(`/interviews/${interview.id}`);
      const form = contactForm(page);
      await expect(form.questionSet).toBeEnabled();
      expect(await axeViolations(page)).toEqual([]);

      await form.email.fill('nope');
      await form.submit.click();
      await expect(form.name).toHaveAttribute('aria-invalid', 'true');
      expect(await axeViolations(page)).toEqual([]);

      await form.questionSet.click();
      await form.questionSet.press('ArrowDown');
      await expect(page.getByRole('listbox')).toBeVisible();
      expect(await axeViolations(page)).toEqual([]);
      await form.questionSet.press('Escape');

      await form.name.fill('Ada');
      await form.email.fill('ada@example.com');
      await form.submit.click();
      await expect(form.result).toBeVisible();
      expect(await axeViolations(page)).toEqual([]);

      await page.goto('/');
      await expect(page.getByRole('link', { name: interview.name })).toBeVisible();
      expect(await axeViolations(page)).toEqual([]);
    });
  }
});

test('every field is found by its exact visible label, and only that field', async ({
  page,
  api,
}) => {
  const interview = await api.createInterview();
  await page.goto(`/interviews/${interview.id}`);
  await expect(page.getByRole('combobox', { name: 'Question set', exact: true })).toBeEnabled();
  for (const label of [
    'Name',
    'Email',
    'Phone',
    'Job title',
    'Department',
    'Seniority level',
    'Question set',
    'Required contact',
  ]) {
    await expect(page.getByLabel(label, { exact: true }), label).toHaveCount(1);
    await expect(page.getByLabel(label), label).toHaveCount(1);
  }
  await expect(page.getByRole('button', { name: 'Add contact', exact: true })).toHaveCount(1);
});
