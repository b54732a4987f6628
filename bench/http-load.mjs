// Load from the bench process over keep-alive connections (node:http): closed loops of N callers, each sending
// its next request when the last one is answered, and an open loop sending at a fixed rate whatever the answers.
// Loops are bounded in time and stop by themselves; they only ever call 127.0.0.1.
import http from 'node:http';
import { percentile, round, sleep } from './lib.mjs';

export function httpClient(baseUrl, connections) {
  const { hostname, port } = new URL(baseUrl);
  const agent = new http.Agent({ keepAlive: true, maxSockets: connections, maxFreeSockets: connections });
  return {
    request(method, path, { headers = {}, body } = {}) {
      return new Promise((resolve, reject) => {
        const sent = body === undefined ? headers : { ...headers, 'content-length': Buffer.byteLength(body) };
        const req = http.request({ hostname, port, method, path, agent, headers: sent }, (res) => {
          const chunks = [];
          res.on('data', (chunk) => chunks.push(chunk));
          res.on('end', () => resolve({ status: res.statusCode, body: Buffer.concat(chunks).toString('utf8') }));
          res.on('error', reject);
        });
        req.setTimeout(30_000, () => req.destroy(new Error(`${method} ${path}: no answer within 30 s`)));
        req.on('error', reject);
        req.end(body);
      });
    },
    close: () => agent.destroy(),
  };
}

/**
 * `concurrency` callers for `seconds`; `send()` resolves true for an accepted answer. Counts only what was
 * answered within the window; latencies are of accepted requests.
 */
export async function closedLoop({ concurrency, seconds, send }) {
  const latencies = [];
  let failed = 0;
  const started = performance.now();
  const until = started + seconds * 1000;
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (performance.now() < until) {
        const sentAt = performance.now();
        const ok = await send().catch(() => false);
        if (ok) latencies.push(performance.now() - sentAt);
        else failed++;
      }
    }),
  );
  const elapsed = (performance.now() - started) / 1000;
  latencies.sort((a, b) => a - b);
  return {
    concurrency,
    seconds: round(elapsed, 2),
    accepted: latencies.length,
    failed,
    perSecond: Math.round(latencies.length / elapsed),
    p50Ms: round(percentile(latencies, 50)),
    p99Ms: round(percentile(latencies, 99)),
  };
}

/** Sends at `ratePerSecond` for `seconds` (open loop: a slow answer does not delay the next request). */
export async function openLoop({ ratePerSecond, seconds, send }) {
  const inFlight = [];
  const interval = 1000 / ratePerSecond;
  const total = Math.round(ratePerSecond * seconds);
  const started = performance.now();
  for (let i = 0; i < total;) {
    const due = Math.min(total, Math.floor((performance.now() - started) / interval) + 1);
    for (; i < due; i++) inFlight.push(send(i).catch(() => false));
    await sleep(Math.max(0, started + i * interval - performance.now()));
  }
  const results = await Promise.all(inFlight);
  return {
    sent: total,
    accepted: results.filter(Boolean).length,
    seconds: round((performance.now() - started) / 1000, 2),
  };
}
