import { contactForm, expect, test } from './fixtures';

test.describe('interview page: what surrounds the form', () => {
  test('when the header cannot load it says so with Retry, and the form still adds contacts', async ({
    page,
    api,
  }) => {
    const interview = await api.createInterview();
    await api.fault({ method: 'GET', path: `/v1/interviews/${interview.id}`, status: 500 });
    await page.goto(`/interviews/${interview.id}`);
    await expect(page.getByText('The interview’s details could not be loaded')).toBeVisible();

    const form = contactForm(page);
    await form.name.fill('Still Works');
    await form.submit.click();
    await expect(form.result).toBeVisible();
    // A success refreshes the header's counts, which also recovers it.
    await expect(page.getByRole('heading', { level: 1, name: interview.name })).toBeVisible();

    await api.fault({ method: 'GET', path: `/v1/interviews/${interview.id}`, status: 503 });
    await api.fault({ method: 'GET', path: `/v1/interviews/${interview.id}`, status: 500 });
    await page.reload();
    await expect(page.getByText('The interview’s details could not be loaded')).toBeVisible();
    await page.getByRole('button', { name: 'Retry', exact: true }).click();
    await expect(page.getByRole('heading', { level: 1, name: interview.name })).toBeVisible();
  });

  test('without a contact-list endpoint, it says so and shows the contacts added in this session', async ({
    page,
    api,
  }) => {
    const interview = await api.createInterview();
    // A FastAPI-style "no such route" for every listing of this interview's contacts.
    await api.fault({
      method: 'GET',
      path: `/v1/interviews/${interview.id}/contacts`,
      status: 404,
      body: { detail: 'Not Found' },
      count: 20,
    });
    await page.goto(`/interviews/${interview.id}`);
    const list = page.getByRole('region', { name: 'Contacts' });
    await expect(list).toContainText('The full contact list is unavailable from this API');

    const form = contactForm(page);
    await form.name.fill('Session Only');
    await form.submit.click();
    await expect(form.result).toBeVisible();
    await expect(list.getByRole('rowheader', { name: 'Session Only' })).toBeVisible();
  });

  test('Copy puts the meeting URL and the booking token on the clipboard and says so', async ({
    page,
    context,
    api,
  }) => {
    await context.grantPermissions(['clipboard-read', 'clipboard-write']);
    const interview = await api.createInterview();
    await page.goto(`/interviews/${interview.id}`);
    const form = contactForm(page);
    await form.name.fill('Copy Me');
    await form.submit.click();
    await expect(form.result).toBeVisible();
    const [stored] = await api.contacts(interview.id);

    await form.result.getByRole('button', { name: 'Copy meeting URL' }).click();
    await expect(form.result.getByText('Copied')).toBeVisible();
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(stored?.meeting_url);

    await form.result.getByRole('button', { name: 'Copy booking token' }).click();
    await expect
      .poll(() => page.evaluate(() => navigator.clipboard.readText()))
      .toBe(stored?.booking_token);
  });

  test('Department suggests the departments already on the interview', async ({ page }) => {
    await page.goto('/interviews/1a7e0000-0000-4000-8000-000000000001');
    const department = contactForm(page).department;
    await expect(department).toHaveAttribute('list', /departments/);
    const listId = await department.getAttribute('list');
    const values = await page
      .locator(`datalist[id="${listId ?? ''}"] option`)
      .evaluateAll((options) => options.map((option) => (option as HTMLOptionElement).value));
    expect(values).toEqual(expect.arrayContaining(['Design', 'Engineering', 'Product']));
  });

  test('the question set last used is preselected for the next contact', async ({ page, api }) => {
    const interview = await api.createInterview();
    const [, second] = await api.questionSets(interview.id);
    await page.goto(`/interviews/${interview.id}`);
    const form = contactForm(page);
    await form.name.fill('First');
    await form.questionSet.fill(second?.name ?? '');
    await page.getByRole('option', { name: new RegExp(second?.name ?? '-') }).click();
    await form.submit.click();
    await expect(form.result).toBeVisible();
    await page.getByRole('button', { name: 'Add another contact' }).click();
    await expect(form.name).toBeFocused();
    await expect(form.questionSet).toHaveValue(second?.name ?? '-');

    await page.reload();
    await expect(contactForm(page).questionSet).toHaveValue(second?.name ?? '-');
  });
});
