// Browser figures of issue 6, measured with Playwright driving Debian's Chromium (never
// `playwright install`). Every load is cold: a fresh browser context has an empty HTTP cache,
// empty storage and no code cache. CPU throttling goes through CDP
// (Emulation.setCPUThrottlingRate), like DevTools' "4× slowdown".
//
// Times come from inside the page (performance.now(), whose zero is navigation start), so the
// Node ↔ browser round trips of the driver never count.
import { chromium } from '@playwright/test';
import { setTimeout as sleep } from 'node:timers/promises';
import { CHROMIUM_ARGS } from '../../scripts/lib/chromium.mjs';

export function launchBrowser(executablePath) {
  return chromium.launch({ executablePath, args: CHROMIUM_ARGS });
}

/**
 * Injected before any page script. Records `__bench.usableAt` (performance.now()) the first
 * time the Name field (a control whose <label> text starts with "Name", as Playwright's
 * getByLabel(/^Name/) finds it) exists, is not :disabled, and is rendered (checkVisibility
 * with a non-empty box). A MutationObserver re-checks after every DOM change, so the moment is
 * exact to the commit, not to a polling interval. Also provides `__bench.nextFrame(t0, cb)`:
 * cb(ms) after the next frame was produced (rAF, then a MessageChannel task, which runs after
 * that frame's style/layout/paint).
 */
function initScript() {
  const bench = {
    usableAt: null,
    timeOrigin: performance.timeOrigin,
    nameInput() {
      for (const label of document.querySelectorAll('label')) {
        if (/^\s*Name/.test(label.textContent ?? '') && label.control) return label.control;
      }
      return null;
    },
    nextFrame(t0, callback) {
      requestAnimationFrame(() => {
        const channel = new MessageChannel();
        channel.port1.onmessage = () => {
          callback(performance.now() - t0);
        };
        channel.port2.postMessage(null);
      });
    },
  };
  window.__bench = bench;
  const check = () => {
    if (bench.usableAt !== null) return;
    const input = bench.nameInput();
    if (!input || input.matches(':disabled')) return;
    if (!input.checkVisibility({ visibilityProperty: true })) return;
    const box = input.getBoundingClientRect();
    if (box.width === 0 || box.height === 0) return;
    bench.usableAt = performance.now();
    observer.disconnect();
  };
  const observer = new MutationObserver(check);
  observer.observe(document, { subtree: true, childList: true, attributes: true });
}

/**
 * A fresh context and page, CPU-throttled by `cpu`, recording the network through CDP:
 * returns { context, page, cdp, requests } where requests maps CDP requestId → details.
 */
export async function openPage(browser, { cpu = 1 } = {}) {
  const context = await browser.newContext();
  await context.addInitScript(initScript);
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  const requests = new Map();
  cdp.on('Network.requestWillBeSent', (event) => {
    requests.set(event.requestId, {
      url: event.request.url,
      type: event.type,
      startedAt: event.wallTime * 1000,
    });
  });
  cdp.on('Network.responseReceived', (event) => {
    const request = requests.get(event.requestId);
    if (!request) return;
    const headers = Object.fromEntries(
      Object.entries(event.response.headers).map(([name, value]) => [name.toLowerCase(), value]),
    );
    request.type = event.type;
    request.status = event.response.status;
    request.encoding = headers['content-encoding'] ?? 'identity';
    request.bodyBytes = Number(headers['content-length'] ?? NaN);
    request.fromCache = event.response.fromDiskCache || event.response.fromPrefetchCache;
  });
  cdp.on('Network.loadingFinished', (event) => {
    const request = requests.get(event.requestId);
    if (request) request.wireBytes = event.encodedDataLength;
  });
  await cdp.send('Network.enable');
  if (cpu !== 1) await cdp.send('Emulation.setCPUThrottlingRate', { rate: cpu });
  return { context, page, cdp, requests };
}

/** Navigates and waits until the Name field is usable; returns the in-page moment. */
export async function loadUntilUsable(page, url) {
  await page.goto(url, { waitUntil: 'commit' });
  await page.waitForFunction(() => window.__bench?.usableAt != null, null, {
    timeout: 30_000,
    polling: 100,
  });
  const { usableAt, timeOrigin } = await page.evaluate(() => ({
    usableAt: window.__bench.usableAt,
    timeOrigin: window.__bench.timeOrigin,
  }));
  // Cross-check with Playwright's own notion of the field.
  const name = page.getByLabel(/^Name/);
  if (!(await name.isVisible()) || !(await name.isEnabled())) {
    throw new Error('the injected probe and getByLabel(/^Name/) disagree about the Name field');
  }
  return { usableAt, usableEpoch: timeOrigin + usableAt };
}

/**
 * One cold load: time to usable and the scripts/stylesheets requested before that moment
 * (requests still in flight at that moment count: the form was waiting for them).
 */
export async function coldLoad(browser, url, { cpu }) {
  const { context, page, requests } = await openPage(browser, { cpu });
  try {
    const { usableAt, usableEpoch } = await loadUntilUsable(page, url);
    await sleep(300); // let loadingFinished events of early requests arrive
    const before = [...requests.values()].filter((r) => r.startedAt <= usableEpoch);
    const pick = (type) =>
      before
        .filter((r) => r.type === type)
        .map((r) => ({
          url: r.url,
          status: r.status,
          encoding: r.encoding,
          bodyBytes: r.bodyBytes,
          wireBytes: r.wireBytes,
          fromCache: r.fromCache,
        }));
    const later = [...requests.values()]
      .filter((r) => r.startedAt > usableEpoch && (r.type === 'Script' || r.type === 'Stylesheet'))
      .map((r) => r.url);
    return {
      usableAt,
      scripts: pick('Script'),
      styles: pick('Stylesheet'),
      lazyAfterUsable: later,
    };
  } finally {
    await context.close();
  }
}

/**
 * Types `text` into Name, one key at a time, measuring keydown → next frame for each key
 * (keydown's event.timeStamp, so input queueing counts too). Meanwhile a MutationObserver on the
 * <form> counts mutations outside the Name field's own container (the largest ancestor holding
 * no other control), and one on <body> counts those outside the form.
 */
export async function typeInName(browser, url, { cpu, text, gapMs }) {
  const { context, page } = await openPage(browser, { cpu });
  try {
    await loadUntilUsable(page, url);
    await page.waitForLoadState('networkidle');
    const name = page.getByLabel(/^Name/);
    await name.click();
    await sleep(200);
    await page.evaluate(() => {
      const bench = window.__bench;
      const input = bench.nameInput();
      const form = input.closest('form') ?? document.body;
      let container = input;
      const controls = 'input, select, textarea, button';
      while (
        container.parentElement &&
        container.parentElement !== form &&
        container.parentElement.querySelectorAll(controls).length === 1
      ) {
        container = container.parentElement;
      }
      const describe = (m) => {
        const node = m.target.nodeType === 1 ? m.target : m.target.parentElement;
        const id = node?.id ? `#${node.id}` : '';
        const role = node?.getAttribute('role') ? `[role=${node.getAttribute('role')}]` : '';
        return `${m.type}${m.attributeName ? `:${m.attributeName}` : ''} on ${node?.tagName.toLowerCase() ?? '?'}${id}${role}`;
      };
      bench.typing = { samples: [], outsideName: [], outsideForm: [], values: [] };
      const typing = bench.typing;
      new MutationObserver((list) => {
        for (const m of list)
          if (!container.contains(m.target)) typing.outsideName.push(describe(m));
      }).observe(form, { subtree: true, childList: true, attributes: true, characterData: true });
      new MutationObserver((list) => {
        for (const m of list) if (!form.contains(m.target)) typing.outsideForm.push(describe(m));
      }).observe(document.body, {
        subtree: true,
        childList: true,
        attributes: true,
        characterData: true,
      });
      addEventListener(
        'keydown',
        (event) => {
          bench.nextFrame(event.timeStamp, (ms) => {
            typing.samples.push(ms);
            typing.values.push(input.value.length);
          });
        },
        true,
      );
    });
    for (const key of text) {
      await page.keyboard.press(key);
      await sleep(gapMs);
    }
    await sleep(500);
    const result = await page.evaluate(() => window.__bench.typing);
    const typed = await name.inputValue();
    if (!typed.endsWith(text)) throw new Error(`typed "${text}", field holds "${typed}"`);
    return result;
  } finally {
    await context.close();
  }
}

/**
 * The question set picker on a large interview: open (click), then `keys` typed one by one,
 * each keydown → next frame; after the last key, the first frame at which every option shown
 * contains the query ("filtered list on screen"); and the most [role=option] nodes ever in the
 * DOM at those moments.
 */
export async function usePicker(browser, url, { cpu, keys, gapMs }) {
  const { context, page } = await openPage(browser, { cpu });
  try {
    const listed = page.waitForResponse((r) => r.url().includes('/question-sets') && r.ok(), {
      timeout: 30_000,
    });
    await loadUntilUsable(page, url);
    await listed;
    await page.waitForLoadState('networkidle');
    const combo = page.getByRole('combobox', { name: 'Question set' });
    await combo.waitFor({ state: 'visible' });
    await sleep(300);
    await page.evaluate((query) => {
      const bench = window.__bench;
      const picker = { open: null, keys: [], filtered: null, maxOptions: 0, counts: [] };
      bench.picker = picker;
      const options = () => document.querySelectorAll('[role="option"]');
      const note = () => {
        const count = options().length;
        picker.counts.push(count);
        picker.maxOptions = Math.max(picker.maxOptions, count);
      };
      addEventListener(
        'pointerdown',
        (event) => {
          if (picker.open !== null) return;
          bench.nextFrame(event.timeStamp, (ms) => {
            picker.open = ms;
            note();
          });
        },
        true,
      );
      let typed = '';
      addEventListener(
        'keydown',
        (event) => {
          const t0 = event.timeStamp;
          typed += event.key;
          const last = typed === query;
          bench.nextFrame(t0, (ms) => {
            picker.keys.push(ms);
            note();
          });
          if (!last) return;
          const poll = () => {
            const shown = [...options()];
            const done =
              shown.length > 0 &&
              shown.every((node) => (node.textContent ?? '').toLowerCase().includes(query));
            if (!done && performance.now() - t0 < 10_000) {
              requestAnimationFrame(poll);
              return;
            }
            const channel = new MessageChannel();
            channel.port1.onmessage = () => {
              picker.filtered = done ? performance.now() - t0 : null;
              note();
            };
            channel.port2.postMessage(null);
          };
          requestAnimationFrame(poll);
        },
        true,
      );
    }, keys);
    await combo.click();
    await page.getByRole('option').first().waitFor({ state: 'visible' });
    await sleep(gapMs);
    for (const key of keys) {
      await page.keyboard.press(key);
      await sleep(gapMs);
    }
    await page.waitForFunction(() => window.__bench.picker.filtered !== null, null, {
      timeout: 15_000,
      polling: 100,
    });
    await sleep(200);
    return await page.evaluate(() => window.__bench.picker);
  } finally {
    await context.close();
  }
}

/**
 * Everything a page with the embed loads without interaction: the page is opened (cold), left
 * until the network is idle for 500 ms plus one more second, and every script and stylesheet
 * request whose path starts with `pathPrefix` is returned (lazy chunks the element fetches by
 * itself, e.g. on mount, included).
 */
export async function embedRequests(browser, url, { pathPrefix }) {
  const { context, page, requests } = await openPage(browser);
  try {
    const response = await page.goto(url, { waitUntil: 'networkidle' });
    if (!response || !response.ok()) return { status: response?.status() ?? 0, files: [] };
    await sleep(1000);
    const files = [...requests.values()]
      .filter((r) => r.type === 'Script' || r.type === 'Stylesheet')
      .filter((r) => new URL(r.url).pathname.startsWith(pathPrefix))
      .map((r) => ({ url: r.url, type: r.type, bodyBytes: r.bodyBytes, encoding: r.encoding }));
    return { status: response.status(), files };
  } finally {
    await context.close();
  }
}
