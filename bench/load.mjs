#!/usr/bin/env node
// `npm run bench:load` (issue 4, "Load"): 500 concurrent add-contact requests against the real
// server in sandbox mode, a tenth of them repeats of an earlier request's Idempotency-Key with the
// same body. Every request must end in a 201 (new), a replay (201 + `Idempotent-Replayed: true`)
// or a proper 429 (with Retry-After); afterwards every accepted submission must exist exactly
// once. Two phases, each on a fresh server on a free loopback port:
//   1. generous rate limit: everything is accepted at once;
//   2. SANDBOX_RATE_LIMIT=100 per 2 s window: most requests get 429 and are retried after
//      Retry-After with the same key and body, until every submission is accepted exactly once.
// Prints counts and p50/p95/p99 latency; exits 1 on any lost, duplicated or unexpected outcome.
//
//   node bench/load.mjs [--requests 500] [--phase 1|2]
import { randomUUID } from 'node:crypto';
import http from 'node:http';
import { setTimeout as sleep } from 'node:timers/promises';
import { percentiles, request } from './lib/http-load.mjs';
import { startAppServer, stopAll } from '../scripts/lib/server.mjs';

const args = process.argv.slice(2);
const option = (name, fallback) => {
  const index = args.indexOf(`--${name}`);
  return index >= 0 && args[index + 1] !== undefined ? args[index + 1] : fallback;
};
const TOTAL = Number(option('requests', 500));
const REPEATS = Math.floor(TOTAL / 10);
const ONLY_PHASE = option('phase', null);
/** Overall bound per phase, retries included. */
const PHASE_DEADLINE_MS = 60_000;
const MAX_ATTEMPTS = 40;

const PHASES = [
  {
    name: 'generous limit',
    env: { SANDBOX_RATE_LIMIT: '1000000000', SANDBOX_RATE_WINDOW_SECONDS: '60' },
    windowSeconds: 60,
    retry429: false,
  },
  {
    name: 'low limit, 429s retried after Retry-After',
    env: { SANDBOX_RATE_LIMIT: '100', SANDBOX_RATE_WINDOW_SECONDS: '2' },
    windowSeconds: 2,
    retry429: true,
  },
];

const fmt = (ms) => (ms === null ? '–' : `${ms.toFixed(1)} ms`);

/** A 429 is proper when Retry-After is a whole number of seconds within the window. */
function proper429(res, windowSeconds) {
  const value = res.headers['retry-after'];
  if (typeof value !== 'string' || !/^\d+$/.test(value)) return null;
  const seconds = Number(value);
  return seconds >= 1 && seconds <= windowSeconds ? seconds : null;
}

async function runPhase(phase, index) {
  const server = await startAppServer(phase.env);
  const agent = new http.Agent({ keepAlive: true, maxSockets: TOTAL + 10 });
  const problems = [];
  try {
    const created = await request(agent, `${server.url}/__sandbox/interviews`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ name: `Load test phase ${index + 1}`, question_set_count: 0 }),
    });
    if (created.status !== 201) throw new Error(`creating the interview: HTTP ${created.status}`);
    const interviewId = JSON.parse(created.body).id;
    const contactsUrl = `${server.url}/v1/interviews/${interviewId}/contacts`;

    // Logical submissions: one Idempotency-Key and one body each (the name is unique).
    const run = randomUUID().slice(0, 8);
    const submissions = Array.from({ length: TOTAL - REPEATS }, (_, i) => ({
      key: randomUUID(),
      name: `Load ${run} #${String(i + 1).padStart(3, '0')}`,
      body: JSON.stringify({
        name: `Load ${run} #${String(i + 1).padStart(3, '0')}`,
        email: `load-${run}-${i + 1}@example.test`,
        job_title: 'Load tester',
        is_required: i % 2 === 0,
      }),
    }));
    // Every tenth request repeats the submission sent just before it (same key, same body).
    const plan = [];
    const step = Math.floor(submissions.length / REPEATS);
    submissions.forEach((submission, i) => {
      plan.push({ submission, repeat: false });
      if (i % step === step - 1 && plan.filter((p) => p.repeat).length < REPEATS) {
        plan.push({ submission, repeat: true });
      }
    });

    const started = performance.now();
    const deadline = started + PHASE_DEADLINE_MS;
    const attempts = []; // latency of every HTTP request
    const counts = { created: 0, replayed: 0, rateLimited: 0, retried: 0, unexpected: 0 };

    /** One planned request, retried after 429 when the phase says so. */
    const send = async (item) => {
      const first = performance.now();
      for (let attempt = 1; ; attempt += 1) {
        const res = await request(agent, contactsUrl, {
          method: 'POST',
          headers: {
            'content-type': 'application/json',
            'idempotency-key': item.submission.key,
          },
          body: item.submission.body,
        });
        attempts.push(res.ms);
        if (res.status === 201) {
          const replayed = res.headers['idempotent-replayed'] === 'true';
          counts[replayed ? 'replayed' : 'created'] += 1;
          return {
            item,
            outcome: replayed ? 'replayed' : 'created',
            id: JSON.parse(res.body).id,
            ms: performance.now() - first,
            attempts: attempt,
          };
        }
        if (res.status === 429) {
          const wait = proper429(res, phase.windowSeconds);
          if (wait === null) {
            counts.unexpected += 1;
            problems.push(
              `429 without a valid Retry-After (${String(res.headers['retry-after'])})`,
            );
            return {
              item,
              outcome: 'unexpected',
              ms: performance.now() - first,
              attempts: attempt,
            };
          }
          const jitter = Math.random() * 250;
          if (
            !phase.retry429 ||
            attempt >= MAX_ATTEMPTS ||
            performance.now() + wait * 1000 + jitter > deadline
          ) {
            counts.rateLimited += 1;
            return { item, outcome: '429', ms: performance.now() - first, attempts: attempt };
          }
          counts.retried += 1;
          await sleep(wait * 1000 + jitter);
          continue;
        }
        counts.unexpected += 1;
        problems.push(
          `unexpected HTTP ${res.status}${res.error ? ` (${res.error})` : ''}: ${res.body.slice(0, 200)}`,
        );
        return { item, outcome: 'unexpected', ms: performance.now() - first, attempts: attempt };
      }
    };

    const results = await Promise.all(plan.map(send));
    const elapsed = (performance.now() - started) / 1000;

    // The contact list, through the same API (429s retried here too).
    let list = null;
    for (let attempt = 0; attempt < MAX_ATTEMPTS && list === null; attempt += 1) {
      const res = await request(agent, contactsUrl);
      if (res.status === 200) list = JSON.parse(res.body);
      else if (res.status === 429) await sleep((proper429(res, phase.windowSeconds) ?? 1) * 1000);
      else throw new Error(`listing contacts: HTTP ${res.status}`);
    }
    if (list === null) throw new Error('listing contacts: still rate limited');

    // Verification, per logical submission.
    const byName = new Map();
    for (const contact of list)
      byName.set(contact.name, [...(byName.get(contact.name) ?? []), contact]);
    let accepted = 0;
    let lost = 0;
    let duplicated = 0;
    let notAccepted = 0;
    for (const submission of submissions) {
      const mine = results.filter((r) => r.item.submission === submission);
      const ok = mine.filter((r) => r.outcome === 'created' || r.outcome === 'replayed');
      const stored = byName.get(submission.name) ?? [];
      if (ok.length === 0) {
        notAccepted += 1;
        if (stored.length > 0) {
          duplicated += stored.length; // stored although every answer said otherwise
          problems.push(`${submission.name}: stored but never acknowledged`);
        }
        continue;
      }
      accepted += 1;
      const ids = new Set(ok.map((r) => r.id));
      if (mine.filter((r) => r.outcome === 'created').length !== 1 || ids.size !== 1) {
        problems.push(`${submission.name}: ${ids.size} different ids answered for one key`);
      }
      if (stored.length === 0) {
        lost += 1;
        problems.push(`${submission.name}: acknowledged but not in the list`);
      } else if (stored.length > 1) {
        duplicated += stored.length - 1;
        problems.push(`${submission.name}: stored ${stored.length} times`);
      } else if (!ids.has(stored[0].id)) {
        problems.push(`${submission.name}: stored id differs from the answered id`);
      }
    }
    const known = new Set(submissions.map((s) => s.name));
    const strangers = list.filter((contact) => !known.has(contact.name)).length;
    if (strangers > 0) problems.push(`${strangers} contacts in the list that nobody sent`);
    if (phase.retry429 && notAccepted > 0) {
      problems.push(`${notAccepted} submissions never accepted within the retry bound`);
    }

    const latency = percentiles(attempts);
    const endToEnd = percentiles(results.map((r) => r.ms));
    return {
      phase: phase.name,
      env: phase.env,
      requests: plan.length,
      uniqueKeys: submissions.length,
      repeats: plan.filter((p) => p.repeat).length,
      httpRequests: attempts.length,
      counts,
      accepted,
      notAccepted,
      inList: list.length,
      lost,
      duplicated,
      strangers,
      seconds: elapsed,
      maxAttempts: Math.max(...results.map((r) => r.attempts)),
      latency,
      endToEnd,
      problems,
      ok:
        problems.length === 0 &&
        counts.unexpected === 0 &&
        lost === 0 &&
        duplicated === 0 &&
        (!phase.retry429 || notAccepted === 0),
    };
  } finally {
    agent.destroy();
    await server.stop();
  }
}

function print(result) {
  const c = result.counts;
  console.log(
    `\nPhase: ${result.phase} (${Object.entries(result.env)
      .map(([k, v]) => `${k}=${v}`)
      .join(' ')})`,
  );
  console.log(
    `  fired ${result.requests} requests at once: ${result.uniqueKeys} unique Idempotency-Keys + ${result.repeats} repeats of an earlier key with the same body`,
  );
  console.log(
    `  final outcomes: ${c.created} created (201), ${c.replayed} replayed (201 + Idempotent-Replayed), ${c.rateLimited} rate limited (429), ${c.unexpected} unexpected`,
  );
  if (c.retried > 0) {
    console.log(
      `  429s retried after Retry-After: ${c.retried} (up to ${result.maxAttempts} attempts for one request); ${result.httpRequests} HTTP requests in ${result.seconds.toFixed(1)} s`,
    );
  }
  console.log(
    `  accepted submissions ${result.accepted}, in the contact list ${result.inList}: lost ${result.lost}, duplicated ${result.duplicated}${result.notAccepted > 0 ? `, not accepted ${result.notAccepted}` : ''}`,
  );
  console.log(
    `  latency per HTTP request: p50 ${fmt(result.latency.p50)}, p95 ${fmt(result.latency.p95)}, p99 ${fmt(result.latency.p99)}`,
  );
  if (c.retried > 0) {
    console.log(
      `  per submission incl. waits: p50 ${fmt(result.endToEnd.p50)}, p95 ${fmt(result.endToEnd.p95)}, p99 ${fmt(result.endToEnd.p99)}`,
    );
  }
  for (const problem of result.problems.slice(0, 20)) console.log(`  PROBLEM: ${problem}`);
  if (result.problems.length > 20) console.log(`  … ${result.problems.length - 20} more problems`);
  console.log(`  result: ${result.ok ? 'ok' : 'FAILED'}`);
}

let failed = false;
try {
  for (const [index, phase] of PHASES.entries()) {
    if (ONLY_PHASE !== null && Number(ONLY_PHASE) !== index + 1) continue;
    const result = await runPhase(phase, index);
    print(result);
    if (!result.ok) failed = true;
  }
} catch (error) {
  console.error(error instanceof Error ? error.message : error);
  failed = true;
} finally {
  await stopAll();
}
console.log(
  failed ? '\nbench:load FAILED' : '\nbench:load ok: 0 lost, 0 duplicated, no unexpected status',
);
process.exit(failed ? 1 : 0);
