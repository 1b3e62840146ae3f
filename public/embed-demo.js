// The demo host page's script (external: the server's CSP allows no inline script). Everything
// it shows is written with textContent, never innerHTML.
(() => {
  'use strict';

  const EVENTS = [
    'ontora:submitting',
    'ontora:contact-created',
    'ontora:error',
    'ontora:dirty-change',
    'ontora:resize',
  ];
  const widget = document.getElementById('widget');
  const log = document.getElementById('event-log');
  const interviewSelect = document.getElementById('interview');
  const themeSelect = document.getElementById('theme');
  const useToken = document.getElementById('use-token');
  let tokenCalls = 0;

  function logLine(name, detail) {
    const item = document.createElement('li');
    const label = document.createElement('span');
    label.className = 'event-name';
    label.textContent = `${new Date().toLocaleTimeString()} ${name}`;
    item.append(label);
    if (detail !== undefined) {
      item.append(document.createTextNode(`\n${JSON.stringify(detail, null, 2)}`));
    }
    log.prepend(item);
  }

  // The host's token provider: a real portal would return its user's access token here.
  async function getToken() {
    tokenCalls += 1;
    logLine(`getToken() call ${tokenCalls}`);
    return `demo-token-${tokenCalls}`;
  }

  // The page's own listeners: the element's events bubble and cross the shadow boundary.
  for (const name of EVENTS) {
    document.addEventListener(name, (event) => {
      logLine(name, event.detail);
    });
  }

  widget.getToken = getToken;

  useToken.addEventListener('change', () => {
    widget.getToken = useToken.checked ? getToken : undefined;
  });
  themeSelect.addEventListener('change', () => {
    widget.setAttribute('theme', themeSelect.value);
  });
  interviewSelect.addEventListener('change', () => {
    widget.setAttribute('interview-id', interviewSelect.value);
  });
  document.getElementById('prefill').addEventListener('click', () => {
    // Setting `prefill` (to different values) starts the form over with them.
    widget.prefill = {
      name: 'Grace Hopper',
      email: 'grace@example.com',
      job_title: 'Rear Admiral',
      department: 'Engineering',
      seniority_level: 9,
    };
  });
  document.getElementById('clear-log').addEventListener('click', () => {
    log.replaceChildren();
  });

  // Lists the interviews the server offers (the sandbox seeds a few).
  // eslint-disable-next-line no-restricted-globals -- a host page, not the app
  fetch('/v1/interviews', { headers: { accept: 'application/json' } })
    .then((response) => (response.ok ? response.json() : []))
    .then((interviews) => {
      if (!Array.isArray(interviews) || interviews.length === 0) return;
      const current = widget.getAttribute('interview-id');
      interviewSelect.replaceChildren(
        ...interviews.map((interview) => {
          const option = document.createElement('option');
          option.value = String(interview.id);
          option.textContent = `${String(interview.name)} (${String(interview.status ?? '?')})`;
          option.selected = option.value === current;
          return option;
        }),
      );
    })
    .catch(() => {
      logLine('could not list interviews');
    });
})();
