import { expect, test } from '@playwright/test';
import { FORWARDING_UPSTREAM_KEY, FORWARDING_UPSTREAM_URL } from '../playwright.config';
import { contactForm } from './fixtures';

/**
 * The app in forwarding mode (ONTORA_API_URL set) against an Ontora stand-in that serves only
 * what Ontora documents: no get-one interview, no contact list, no question-set list. Runs in
 * the "forwarding" project, whose baseURL is that second app server.
 */
test.describe('forwarding to an Ontora that serves only documented endpoints', () => {
  test('lists interviews, adds a contact with a pasted question set, and never shows the key', async ({
    page,
    request,
  }) => {
    const created = await request.post(`${FORWARDING_UPSTREAM_URL}/__sandbox/interviews`, {
      data: { name: `Forwarded ${Date.now()}`, question_set_count: 2 },
    });
    expect(created.status()).toBe(201);
    const interview = (await created.json()) as { id: string; name: string };
    // The stand-in numbers its question sets from the interview id (server/sandbox/seed.ts).
    const questionSetId = `${interview.id.slice(0, 8)}-0000-4000-8000-000000000002`;

    const seen: string[] = [];
    page.on('response', (response) => {
      seen.push(JSON.stringify(response.headers()));
      void response.text().then(
        (body) => seen.push(body),
        () => undefined,
      );
    });

    await page.goto('/');
    await page.getByRole('link', { name: interview.name }).click();
    // The header comes from the documented list, as the stand-in has no get-one endpoint.
    await expect(page.getByRole('heading', { level: 1, name: interview.name })).toBeVisible();
    await expect(page.getByRole('region', { name: 'Contacts' })).toContainText(
      'The full contact list is unavailable from this API',
    );

    const form = contactForm(page);
    const questionSet = page.getByRole('textbox', { name: 'Question set' });
    await expect(page.getByText(/doesn.t list question sets/)).toBeVisible();
    await form.name.fill('Forwarded Person');
    await form.email.fill('fp@example.com');
    await questionSet.fill(questionSetId);
    await form.submit.click();
    await expect(form.result).toBeVisible();
    await expect(
      page.getByRole('region', { name: 'Contacts' }).getByRole('rowheader', {
        name: 'Forwarded Person',
      }),
    ).toBeVisible();

    const stored = await request.get(
      `${FORWARDING_UPSTREAM_URL}/__sandbox/contacts?interview_id=${interview.id}`,
    );
    const contacts = (await stored.json()) as {
      name: string;
      question_set_id: string;
      booking_token: string;
    }[];
    expect(contacts).toHaveLength(1);
    expect(contacts[0]).toMatchObject({ name: 'Forwarded Person', question_set_id: questionSetId });
    await expect(
      form.result.getByText(contacts[0]?.booking_token ?? '-', { exact: true }),
    ).toBeVisible();

    await page.waitForLoadState('networkidle');
    expect(seen.join('\n')).not.toContain(FORWARDING_UPSTREAM_KEY);
    expect(
      await page.evaluate(() =>
        JSON.stringify([Object.entries(localStorage), Object.entries(sessionStorage)]),
      ),
    ).not.toContain(FORWARDING_UPSTREAM_KEY);
  });

  test('the sandbox admin endpoints do not exist in forwarding mode', async ({ request }) => {
    const reset = await request.post('/__sandbox/reset');
    expect(reset.ok()).toBe(false);
    const faults = await request.get('/__sandbox/faults');
    expect(faults.status()).toBe(404);
  });
});
