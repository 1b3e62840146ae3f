import { fileURLToPath } from 'node:url';
import type { Locator, Page } from '@playwright/test';
import { EMBED_TEST_ORIGINS, baseURL } from '../playwright.config';
import {
  axeViolations,
  contactForm,
  contactsPath,
  expect,
  recordContactPosts,
  tabTo,
  test as base,
  type StoredContact,
} from './fixtures';
import { startHostServer, type HostServer } from './host/host-server';

/**
 * The embed kit (issue 5): `<ontora-add-contact>` on the demo host page (same origin), on a
 * hostile portal page and on a `mount()` portal page, both served from another origin by
 * e2e/host/host-server.ts (one port per worker, listed in EMBED_ORIGINS by playwright.config.ts).
 * Playwright's role and label locators pierce the open shadow root.
 */
const test = base.extend<object, { portal: HostServer }>({
  portal: [
    // eslint-disable-next-line no-empty-pattern -- Playwright needs the destructuring
    async ({}, use, workerInfo) => {
      const origin = EMBED_TEST_ORIGINS[workerInfo.parallelIndex];
      if (!origin) throw new Error('more workers than EMBED_TEST_ORIGINS');
      const server = await startHostServer(Number(new URL(origin).port), baseURL);
      await use(server);
      await server.close();
    },
    { scope: 'worker' },
  ],
});

type OntoraEventLog = { type: string; detail: unknown; target: string }[];

/** Starts recording the element's events on the page (as a portal would listen: on document). */
async function recordEvents(page: Page): Promise<void> {
  await page.evaluate(() => {
    const log: OntoraEventLog = [];
    (window as unknown as { __ontoraEvents: OntoraEventLog }).__ontoraEvents = log;
    for (const type of [
      'ontora:submitting',
      'ontora:contact-created',
      'ontora:error',
      'ontora:dirty-change',
      'ontora:resize',
    ]) {
      document.addEventListener(type, (event) => {
        const target = event.target as Element;
        log.push({
          type,
          detail: (event as CustomEvent).detail,
          target: target.closest('section')?.id ?? target.id,
        });
      });
    }
  });
}

async function events(page: Page, type?: string): Promise<OntoraEventLog> {
  const log = await page.evaluate(
    () => (window as unknown as { __ontoraEvents: OntoraEventLog }).__ontoraEvents,
  );
  return type ? log.filter((event) => event.type === type) : log;
}

/** Opens the demo host page on a fresh interview, with a counting token provider. */
async function openDemo(page: Page, interviewId: string) {
  await page.goto('/embed-demo.html');
  const widget = page.locator('ontora-add-contact');
  await expect(widget.getByLabel(/^Name/)).toBeVisible();
  await recordEvents(page);
  await page.evaluate((id) => {
    const element = document.querySelector('ontora-add-contact');
    if (!element) throw new Error('no widget');
    const calls: string[] = [];
    (window as unknown as { __tokenCalls: string[] }).__tokenCalls = calls;
    element.getToken = () => {
      const token = `host-token-${String(calls.length + 1)}`;
      calls.push(token);
      return Promise.resolve(token);
    };
    element.setAttribute('interview-id', id);
  }, interviewId);
  return widget;
}

const tokenCalls = (page: Page) =>
  page.evaluate(() => (window as unknown as { __tokenCalls: string[] }).__tokenCalls);

/** A few computed styles that make up how the widget looks (width aside: hosts differ). */
async function widgetLook(widget: Locator) {
  const look = async (locator: Locator) =>
    locator.evaluate((element) => {
      const style = getComputedStyle(element);
      return {
        fontSize: style.fontSize,
        fontFamily: style.fontFamily,
        fontWeight: style.fontWeight,
        lineHeight: style.lineHeight,
        letterSpacing: style.letterSpacing,
        textTransform: style.textTransform,
        textAlign: style.textAlign,
        color: style.color,
        backgroundColor: style.backgroundColor,
        boxSizing: style.boxSizing,
        borderTopWidth: style.borderTopWidth,
        borderTopStyle: style.borderTopStyle,
        paddingTop: style.paddingTop,
        paddingLeft: style.paddingLeft,
        marginTop: style.marginTop,
        boxShadow: style.boxShadow,
        height: `${String(Math.round(element.getBoundingClientRect().height))}px`,
      };
    });
  const form = contactForm(widget);
  return {
    heading: await look(widget.getByRole('heading', { name: 'Add contact' })),
    name: await look(form.name),
    submit: await look(form.submit),
    questionSet: await look(form.questionSet),
    required: await look(form.required),
  };
}

function expectStoredToMatchEvent(stored: StoredContact | undefined, detail: unknown) {
  expect(stored).toBeDefined();
  expect(detail).toMatchObject({
    id: stored?.id,
    name: stored?.name,
    email: stored?.email,
    phone: stored?.phone,
    job_title: stored?.job_title,
    question_set_id: stored?.question_set_id,
    is_required: stored?.is_required,
    meeting_url: stored?.meeting_url,
    status: stored?.status,
    booking_token: stored?.booking_token,
  });
}

test.describe('embed: <ontora-add-contact>', () => {
  test('demo host: fill, submit, and the page receives ontora:contact-created with the contact', async ({
    page,
    api,
  }) => {
    const interview = await api.createInterview();
    const sets = await api.questionSets(interview.id);
    const widget = await openDemo(page, interview.id);
    const form = contactForm(widget);

    await form.name.fill('Ada Lovelace');
    await form.email.fill('ada@example.com');
    await form.phone.fill('+44 20 7946 0958');
    await form.jobTitle.fill('Analyst');
    await form.questionSet.click();
    await widget.getByRole('option', { name: new RegExp(sets[0]?.name ?? '-') }).click();
    await expect(form.questionSet).toHaveValue(sets[0]?.name ?? '-');
    await form.submit.click();
    await expect(form.result).toBeVisible();

    const [stored, ...others] = await api.contacts(interview.id);
    expect(others).toHaveLength(0);
    expect(stored).toMatchObject({ phone: '+442079460958', question_set_id: sets[0]?.id });
    await expect.poll(async () => (await events(page, 'ontora:contact-created')).length).toBe(1);
    const [created] = await events(page, 'ontora:contact-created');
    expectStoredToMatchEvent(stored, created?.detail);
    expect(created?.detail).toMatchObject({ interview_id: interview.id });

    const log = await events(page);
    expect(log.find((event) => event.type === 'ontora:submitting')?.detail).toMatchObject({
      body: { name: 'Ada Lovelace', phone: '+442079460958' },
    });
    expect(
      log.filter((event) => event.type === 'ontora:dirty-change').map((event) => event.detail),
    ).toEqual([{ dirty: true }, { dirty: false }]);
    // Every request asked the host for a token first.
    expect((await tokenCalls(page)).length).toBeGreaterThanOrEqual(3);
    // The demo's own log shows the events too (written with textContent).
    await expect(page.locator('#event-log')).toContainText('ontora:contact-created');
  });

  test('getToken: called before requests and again on a 401, the request retried once with the same key', async ({
    page,
    api,
  }) => {
    const interview = await api.createInterview();
    const widget = await openDemo(page, interview.id);
    const form = contactForm(widget);
    await form.name.fill('Grace Hopper');
    const posts = recordContactPosts(page, interview.id);
    await api.fault({ method: 'POST', path: contactsPath(interview.id), status: 401, count: 1 });
    const before = (await tokenCalls(page)).length;

    await form.submit.click();
    await expect(form.result).toBeVisible();

    const calls = (await tokenCalls(page)).slice(before);
    // One token for the POST, a fresh one after its 401 (then the list refreshes ask again).
    expect(calls.length).toBeGreaterThanOrEqual(2);
    expect(posts).toHaveLength(2);
    expect(posts[0]?.idempotencyKey).toBeTruthy();
    expect(posts[1]?.idempotencyKey).toBe(posts[0]?.idempotencyKey);
    expect(posts.map((post) => post.authorization)).toEqual([
      `Bearer ${calls[0] ?? '-'}`,
      `Bearer ${calls[1] ?? '-'}`,
    ]);
    const contacts = await api.contacts(interview.id);
    expect(contacts).toHaveLength(1);
    expect(contacts[0]).toMatchObject({ name: 'Grace Hopper' });
    expect(await events(page, 'ontora:error')).toHaveLength(0);
  });

  test('keyboard only, inside the shadow root', async ({ page, api }) => {
    const interview = await api.createInterview();
    const sets = await api.questionSets(interview.id);
    const widget = await openDemo(page, interview.id);
    const form = contactForm(widget);
    await page.locator('#prefill').focus();
    await tabTo(page, form.name, 10);
    await expect(form.name).toBeFocused();
    await page.keyboard.type('Katherine Johnson');
    await page.keyboard.press('Tab');
    await expect(form.email).toBeFocused();
    await page.keyboard.type('kj@example.com');
    await tabTo(page, form.questionSet, 10);
    await expect(form.questionSet).toBeFocused();
    await page.keyboard.press('ArrowDown');
    await expect(widget.getByRole('listbox')).toBeVisible();
    await page.keyboard.press('End');
    await page.keyboard.press('Enter');
    await expect(form.questionSet).toHaveValue(sets.at(-1)?.name ?? '-');
    await page.keyboard.press('Tab');
    await expect(form.required).toBeFocused();
    await page.keyboard.press('Space');
    await page.keyboard.press('Enter');

    await expect(form.result).toBeVisible();
    await expect(widget.getByRole('heading', { name: 'Contact added' })).toBeFocused();
    const [stored] = await api.contacts(interview.id);
    expect(stored).toMatchObject({
      name: 'Katherine Johnson',
      email: 'kj@example.com',
      is_required: true,
      question_set_id: sets.at(-1)?.id,
    });
  });

  for (const theme of ['light', 'dark'] as const) {
    test(`axe finds nothing inside the shadow root (${theme}, picker open, after a failed submit)`, async ({
      page,
      api,
    }) => {
      const interview = await api.createInterview();
      const widget = await openDemo(page, interview.id);
      await page.evaluate((value) => {
        document.querySelector('ontora-add-contact')?.setAttribute('theme', value);
      }, theme);
      const form = contactForm(widget);
      await expect(form.questionSet).toBeEnabled();
      expect(await axeViolations(page, 'ontora-add-contact')).toEqual([]);
      await form.submit.click();
      await expect(widget.getByRole('navigation', { name: /problem/ })).toBeVisible();
      await form.questionSet.click();
      await expect(widget.getByRole('listbox')).toBeVisible();
      expect(await axeViolations(page, 'ontora-add-contact')).toEqual([]);
    });
  }

  test('the theme attribute drives dark mode inside the shadow root', async ({ page, api }) => {
    const interview = await api.createInterview();
    await page.emulateMedia({ colorScheme: 'light' });
    const widget = await openDemo(page, interview.id);
    const input = contactForm(widget).name;
    const background = () => input.evaluate((element) => getComputedStyle(element).backgroundColor);
    const setTheme = (value: string) =>
      page.evaluate(
        (v) => document.querySelector('ontora-add-contact')?.setAttribute('theme', v),
        value,
      );

    expect(await background()).toBe('rgb(255, 255, 255)');
    await setTheme('dark');
    await expect.poll(background).not.toBe('rgb(255, 255, 255)');
    const dark = await background();
    await setTheme('auto');
    await expect.poll(background).toBe('rgb(255, 255, 255)');
    await page.emulateMedia({ colorScheme: 'dark' });
    await expect.poll(background).toBe(dark);
    await setTheme('light');
    await expect.poll(background).toBe('rgb(255, 255, 255)');
  });

  test('hostile portal (another origin): its CSS leaves the widget as designed, the widget leaves its elements alone, and adding works through CORS', async ({
    page,
    api,
    portal,
  }) => {
    const interview = await api.createInterview();
    // The same widget on the friendly demo page, for reference (light on both).
    await page.emulateMedia({ colorScheme: 'light' });
    const friendly = await openDemo(page, interview.id);
    await expect(contactForm(friendly).questionSet).toBeEnabled();
    const reference = await widgetLook(friendly);

    await page.goto(`${portal.origin}/hostile.html?interview=${interview.id}`);
    await recordEvents(page);
    const widget = page.locator('ontora-add-contact');
    const form = contactForm(widget);
    await expect(form.questionSet).toBeEnabled();

    // Widget side: the same look as on the friendly page, host rules and variables regardless.
    expect(await widgetLook(widget)).toEqual(reference);
    expect(reference.submit.backgroundColor).toBe('rgb(29, 78, 216)'); // bg-brand
    expect(reference.name.fontSize).toBe('14px'); // text-sm, not 0.875 × the host's 10px
    expect(reference.heading.fontSize).toBe('18px');
    expect(reference.name.boxSizing).toBe('border-box');
    // Tailwind's @property variables work inside the shadow root (ring on focus).
    await form.name.focus();
    const ring = await form.name.evaluate((element) => getComputedStyle(element).boxShadow);
    expect(ring).toContain(' 0px 0px 0px 2px'); // ring-2, in the brand colour at 40 %
    expect(ring).not.toContain('rgb(255, 0, 0)');

    // Host side: its own elements keep its styles; the widget's preflight did not reach them.
    const host = await page.evaluate(() => {
      const button = document.getElementById('host-button');
      const title = document.getElementById('host-title');
      if (!button || !title) throw new Error('host page incomplete');
      return {
        buttonBackground: getComputedStyle(button).backgroundColor,
        buttonFontSize: getComputedStyle(button).fontSize,
        buttonRadius: getComputedStyle(button).borderTopLeftRadius,
        titleFontSize: getComputedStyle(title).fontSize,
        titleMarginTop: getComputedStyle(title).marginTop,
        bodyMargin: getComputedStyle(document.body).marginTop,
        bodyFontFamily: getComputedStyle(document.body).fontFamily,
      };
    });
    expect(host).toEqual({
      buttonBackground: 'rgb(255, 0, 0)',
      buttonFontSize: '20px',
      buttonRadius: '0px',
      titleFontSize: '26px', // the UA's 2em of the body's 13px (preflight would make it 13px)
      titleMarginTop: '17.42px', // the UA's 0.67em (preflight would make it 0)
      bodyMargin: '8px',
      bodyFontFamily: '"Comic Sans MS", cursive',
    });

    // And it works from there: the script, its chunks and /v1 are all cross-origin.
    await form.name.fill('Mary Jackson');
    await form.phone.fill('+1 415 555 0123');
    await form.submit.click();
    await expect(form.result).toBeVisible();
    const [stored] = await api.contacts(interview.id);
    await expect.poll(async () => (await events(page, 'ontora:contact-created')).length).toBe(1);
    expectStoredToMatchEvent(stored, (await events(page, 'ontora:contact-created'))[0]?.detail);
  });

  test('an origin outside EMBED_ORIGINS can load neither the module nor /v1', async ({
    page,
    api,
    portal,
  }) => {
    const interview = await api.createInterview();
    // Same server, but `localhost` is another origin than the listed `127.0.0.1`.
    const other = portal.origin.replace('127.0.0.1', 'localhost');
    const refused: string[] = [];
    page.on('requestfailed', (request) => refused.push(new URL(request.url()).pathname));
    page.on('console', () => undefined);
    await page.goto(`${other}/hostile.html?interview=${interview.id}`);
    await expect.poll(() => refused).toContain('/embed/ontora-add-contact.js');
    expect(await page.evaluate(() => customElements.get('ontora-add-contact'))).toBeUndefined();
    const status = await page.evaluate(async (url) => {
      try {
        return (await fetch(url)).status;
      } catch {
        return 'blocked';
      }
    }, `${baseURL}/v1/interviews`);
    expect(status).toBe('blocked');
  });

  test('mount(): two instances side by side work independently, and unmount() leaves nothing behind', async ({
    page,
    api,
    portal,
  }) => {
    const [first, second] = await Promise.all([api.createInterview(), api.createInterview()]);
    // Counts listeners on window/document and pending timers from before the embed loads.
    await page.addInitScript({ path: fileURLToPath(new URL('host/probe.js', import.meta.url)) });
    await page.goto(`${portal.origin}/blank.html`);
    await page.waitForFunction(() => window.OntoraAddContact !== undefined);
    await recordEvents(page);
    const snapshot = () =>
      page.evaluate(() => {
        const probe = (
          window as unknown as {
            __probe: { listeners: Map<string, number>; timers: Map<number, number> };
          }
        ).__probe;
        return {
          listeners: Object.fromEntries([...probe.listeners].filter(([, count]) => count !== 0)),
          timers: [...probe.timers.values()].filter((delay) => delay > 0).length,
        };
      });
    const baseline = await snapshot();

    await page.evaluate(
      ({ a, b }) => {
        const api = window.OntoraAddContact;
        if (!api) throw new Error('not loaded');
        const slot = (id: string) => {
          const element = document.getElementById(id);
          if (!element) throw new Error(id);
          return element;
        };
        const unmounts = [
          api.mount(slot('slot-a'), { interviewId: a, theme: 'light' }),
          api.mount(slot('slot-b'), { interviewId: b, theme: 'dark', prefill: { name: 'Bo' } }),
        ];
        (window as unknown as { __unmounts: (() => void)[] }).__unmounts = unmounts;
      },
      { a: first.id, b: second.id },
    );
    const slotA = page.locator('#slot-a');
    const slotB = page.locator('#slot-b');
    const formA = contactForm(slotA);
    const formB = contactForm(slotB);
    await expect(formB.name).toHaveValue('Bo');
    await expect(formA.name).toHaveValue('');

    await formA.name.fill('Alice Ball');
    await formB.name.fill('Bob Moog');
    await expect(formA.name).toHaveValue('Alice Ball');
    await formB.phone.focus(); // loads the phone library
    await formA.questionSet.click();
    await expect(slotA.getByRole('listbox')).toBeVisible();
    await expect(slotB.getByRole('listbox')).toHaveCount(0);
    await page.keyboard.press('Escape');
    await formA.submit.click();
    await expect(formA.result).toBeVisible();
    await expect(formB.result).toHaveCount(0);
    await formB.submit.click();
    await expect(formB.result).toBeVisible();

    expect((await api.contacts(first.id)).map((contact) => contact.name)).toEqual(['Alice Ball']);
    expect((await api.contacts(second.id)).map((contact) => contact.name)).toEqual(['Bob Moog']);
    const created = await events(page, 'ontora:contact-created');
    expect(created.map((event) => [event.target, (event.detail as { name: string }).name])).toEqual(
      [
        ['slot-a', 'Alice Ball'],
        ['slot-b', 'Bob Moog'],
      ],
    );

    // While mounted, the probe does see what the instances registered (so it can see leaks).
    const mounted = await snapshot();
    expect(mounted).not.toEqual(baseline);

    // Unmount both: no element, no listeners on window/document, no pending timers.
    await page.evaluate(() => {
      for (const unmount of (window as unknown as { __unmounts: (() => void)[] }).__unmounts) {
        unmount();
      }
    });
    await expect(page.locator('ontora-add-contact')).toHaveCount(0);
    expect(await slotA.evaluate((element) => element.childNodes.length)).toBe(0);
    expect(await slotB.evaluate((element) => element.childNodes.length)).toBe(0);
    // React listens for `selectionchange` once per document (not per root, and never removes
    // it); everything else the two instances registered is gone.
    const withoutReactDocumentListener = async () => {
      const { listeners, timers } = await snapshot();
      const { 'document:selectionchange': selection = 0, ...rest } = listeners;
      expect(selection).toBeLessThanOrEqual(1);
      return { listeners: rest, timers };
    };
    await expect.poll(withoutReactDocumentListener).toEqual(baseline);
    // And nothing fires later either.
    const eventsBefore = (await events(page)).length;
    await page.waitForTimeout(1500);
    expect((await events(page)).length).toBe(eventsBefore);
  });
});
