// A small HTTP load generator on node:http with keep-alive agents (no dependency): a fixed
// number of connections, each sending its next request as soon as the previous answer was read.
import http from 'node:http';

/** One request; resolves with status, headers, body text and latency (ms). Never rejects. */
export function request(agent, url, { method = 'GET', headers = {}, body } = {}) {
  return new Promise((resolve) => {
    const started = performance.now();
    const req = http.request(url, { method, agent, headers }, (res) => {
      const chunks = [];
      res.on('data', (chunk) => chunks.push(chunk));
      res.on('end', () => {
        resolve({
          status: res.statusCode ?? 0,
          headers: res.headers,
          body: Buffer.concat(chunks).toString('utf8'),
          ms: performance.now() - started,
        });
      });
      res.on('error', (error) => {
        resolve({
          status: 0,
          headers: {},
          body: '',
          error: error.message,
          ms: performance.now() - started,
        });
      });
    });
    req.setTimeout(30_000, () => {
      req.destroy(new Error('timeout after 30 s'));
    });
    req.on('error', (error) => {
      resolve({
        status: 0,
        headers: {},
        body: '',
        error: error.message,
        ms: performance.now() - started,
      });
    });
    req.end(body);
  });
}

/**
 * `connections` keep-alive connections hammer `url` with GETs for `durationMs`.
 * Returns { requests, ok, errors, seconds, rps, latency: {p50, p95, p99} }.
 */
export async function hammer(url, { connections = 20, durationMs = 5000, headers = {} } = {}) {
  const agent = new http.Agent({ keepAlive: true, maxSockets: connections });
  const latencies = [];
  let ok = 0;
  let errors = 0;
  const started = performance.now();
  const end = started + durationMs;
  const worker = async () => {
    while (performance.now() < end) {
      const res = await request(agent, url, { headers });
      latencies.push(res.ms);
      if (res.status === 200) ok += 1;
      else errors += 1;
    }
  };
  await Promise.all(Array.from({ length: connections }, worker));
  const seconds = (performance.now() - started) / 1000;
  agent.destroy();
  return {
    requests: latencies.length,
    ok,
    errors,
    seconds,
    rps: ok / seconds,
    latency: percentiles(latencies),
  };
}

/** Nearest-rank percentile of a list of numbers (p in 0..100). */
export function percentile(values, p) {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const rank = Math.max(1, Math.ceil((p / 100) * sorted.length));
  return sorted[rank - 1];
}

export function median(values) {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

export function percentiles(values) {
  return { p50: percentile(values, 50), p95: percentile(values, 95), p99: percentile(values, 99) };
}
