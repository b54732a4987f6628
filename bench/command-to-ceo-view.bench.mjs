// Command accepted -> row visible in the CEO view: p50 and p99 over 1,000 commands, both services in this
// process on real Postgres and Kafka. Commands are paced (not a throughput test): each latency is measured
// from the 201 response to the first poll that sees the row (polling every 2 ms).
import { randomBytes } from 'node:crypto';
import { dropDatabase, percentile, require, scratchDatabaseUrl, writeResult } from './lib.mjs';

const { loadServiceConfig } = require('@cx/platform');
const { signToken } = require('@cx/auth');
const { createComplaintsApp } = require('@cx/complaints/dist/complaints.app.js');
const { createProjectionsApp } = require('@cx/projections/dist/projections.app.js');
const { Pool } = require('pg');

const COMMANDS = Number(process.env.BENCH_COMMANDS ?? 1000);
const RATE_PER_SECOND = Number(process.env.BENCH_RATE ?? 50);

export async function run() {
  const namespace = `bench${randomBytes(3).toString('hex')}`;
  const complaintsConfig = {
    ...loadServiceConfig('complaints', 0, {}),
    databaseUrl: scratchDatabaseUrl('complaints'),
    topicNamespace: namespace,
    logLevel: 'warn',
  };
  const projectionsConfig = {
    ...loadServiceConfig('projections', 0, {}),
    databaseUrl: scratchDatabaseUrl('projections'),
    topicNamespace: namespace,
    logLevel: 'warn',
  };
  const complaints = await createComplaintsApp(complaintsConfig);
  const projections = await createProjectionsApp(projectionsConfig);
  await complaints.listen(0, '127.0.0.1');
  await projections.init();
  const base = await complaints.getUrl();
  const reporting = new Pool({ connectionString: projectionsConfig.databaseUrl, max: 2 });
  const token = signToken({ sub: 'bench', name: 'bench', roles: ['agent'] }, complaintsConfig.jwtSecret);
  const body = JSON.stringify({
    customerId: 'subj_benchCustomer1',
    project: 'SH-PUDONG-07',
    region: 'east-china',
    category: 'delivery',
    severity: 'critical',
    channel: 'ceo_direct',
    description: 'Benchmark complaint',
  });

  const accepted = new Map();
  const latencies = [];
  let polling = true;
  const poller = (async () => {
    while (polling || accepted.size > 0) {
      const pending = [...accepted.keys()];
      if (pending.length > 0) {
        const { rows } = await reporting.query(
          'SELECT complaint_id FROM reporting.ceo_escalations WHERE complaint_id = ANY($1::uuid[])',
          [pending],
        );
        const seenAt = performance.now();
        for (const { complaint_id } of rows) {
          latencies.push(seenAt - accepted.get(complaint_id));
          accepted.delete(complaint_id);
        }
      }
      await new Promise((resolve) => setTimeout(resolve, 2));
    }
  })();

  try {
    console.log(`command -> CEO view: ${COMMANDS} commands at ~${RATE_PER_SECOND}/s`);
    const warmup = await fetch(`${base}/v1/complaints`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body,
    });
    if (warmup.status !== 201) throw new Error(`warm-up command answered ${warmup.status}`);
    const interval = 1000 / RATE_PER_SECOND;
    const started = performance.now();
    for (let i = 0; i < COMMANDS; i++) {
      const response = await fetch(`${base}/v1/complaints`, {
        method: 'POST',
        headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
        body,
      });
      if (response.status !== 201) throw new Error(`command ${i} answered ${response.status}`);
      accepted.set((await response.json()).complaintId, performance.now());
      const wait = started + (i + 1) * interval - performance.now();
      if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
    }
    const deadline = performance.now() + 60_000;
    while (accepted.size > 0 && performance.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 20));
    if (accepted.size > 0) throw new Error(`${accepted.size} commands never became visible in the CEO view`);
  } finally {
    polling = false;
    accepted.clear();
    await poller;
    await reporting.end();
    await projections.close();
    await complaints.close();
    await dropDatabase(complaintsConfig.databaseUrl);
    await dropDatabase(projectionsConfig.databaseUrl);
  }

  latencies.sort((a, b) => a - b);
  const result = {
    commands: COMMANDS,
    ratePerSecond: RATE_PER_SECOND,
    p50Ms: Number(percentile(latencies, 50).toFixed(1)),
    p99Ms: Number(percentile(latencies, 99).toFixed(1)),
    maxMs: Number(latencies[latencies.length - 1].toFixed(1)),
  };
  console.log(`  p50 ${result.p50Ms} ms   p99 ${result.p99Ms} ms   max ${result.maxMs} ms`);
  return writeResult('command-to-ceo-view', result);
}
