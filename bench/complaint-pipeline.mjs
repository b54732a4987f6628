// complaints and projections as processes (their dist/main.js) on scratch databases in a topic namespace of
// their own: the pipeline the HTTP, latency, relay, rebuild and memory benchmarks measure. Started on first use
// and shared by the benchmarks of one `npm run bench`; run.mjs removes it (databases, topics, groups) at the end.
import { randomBytes } from 'node:crypto';
import { closedLoop, httpClient } from './http-load.mjs';
import { brokers, dropDatabase, require, round, scratchDatabaseUrl, sleep } from './lib.mjs';
import { ServiceProcess } from './service-process.mjs';

const { loadServiceConfig } = require('@cx/platform');
const { signToken } = require('@cx/auth');
const { Kafka, logLevel } = require('kafkajs');
const { Pool } = require('pg');

const PROJECTS = ['SH-PUDONG-07', 'SH-MINHANG-02', 'BJ-CHAOYANG-11', 'GZ-TIANHE-03', 'SZ-NANSHAN-05', 'CD-WUHOU-09'];
const REGIONS = ['east-china', 'east-china', 'north-china', 'south-china', 'south-china', 'west-china'];
const CATEGORIES = ['delivery', 'housing_quality', 'maintenance', 'property_service'];

/** Figures one benchmark measured that another one of the same run compares with. */
export const measured = {};

/**
 * The most filings per second measured in this run (the best level of http-commands), or, when that benchmark
 * did not run, measured now at concurrency 64: the load the latency and relay benchmarks are set against.
 */
export async function maximumFilingRate() {
  if (!measured.maximumFilings) {
    const pipeline = await complaintPipeline();
    const file = async () => (await pipeline.fileComplaint()) !== null;
    await closedLoop({ concurrency: 16, seconds: 2, send: file });
    const { perSecond } = await closedLoop({ concurrency: 64, seconds: 8, send: file });
    measured.maximumFilings = { perSecond, concurrency: 64 };
    console.log(`  maximum measured here: ${perSecond} filings/s at concurrency 64`);
  }
  return measured.maximumFilings;
}

let pipeline;
const namespaces = new Set();
const databases = new Set();

export function complaintPipeline() {
  pipeline ??= startPipeline();
  return pipeline;
}

/** A fresh namespace whose topics and consumer groups are deleted at the end of the run. */
export function benchNamespace() {
  const namespace = `bench${randomBytes(3).toString('hex')}`;
  namespaces.add(namespace);
  return namespace;
}

export function benchDatabase(label) {
  const url = scratchDatabaseUrl(label);
  databases.add(url);
  return url;
}

export function kafkaClient(clientId) {
  return new Kafka({ clientId, brokers, logLevel: logLevel.NOTHING });
}

async function startPipeline() {
  const namespace = benchNamespace();
  const complaints = await ServiceProcess.start({
    name: 'complaints',
    databaseUrl: benchDatabase('complaints'),
    namespace,
  });
  const projections = await ServiceProcess.start({
    name: 'projections',
    databaseUrl: benchDatabase('projections'),
    namespace,
  }).catch(async (error) => {
    await complaints.close();
    throw error;
  });
  // Idle: started, connected, consumers joined, nothing asked of them yet.
  await sleep(3_000);
  const idleRssMiB = { complaints: complaints.rssMiB(), projections: projections.rssMiB() };
  const client = httpClient(complaints.url, 256);
  const reporting = new Pool({ connectionString: projections.databaseUrl, max: 2 });
  const token = signToken(
    { sub: 'bench', name: 'bench', roles: ['agent'] },
    loadServiceConfig('complaints', 0).jwtSecret,
  );
  const headers = { authorization: `Bearer ${token}`, 'content-type': 'application/json' };
  const run = randomBytes(3).toString('hex');
  let filed = 0;

  return {
    namespace,
    complaints,
    projections,
    idleRssMiB,
    reporting,
    /** Files one `ceo_direct` complaint (one ComplaintFiled event); resolves with its id, null if refused. */
    async fileComplaint() {
      const n = filed++;
      const response = await client.request('POST', '/v1/complaints', {
        headers,
        body: JSON.stringify({
          customerId: `subj_bench${run}${n.toString(36).padStart(6, '0')}`,
          project: PROJECTS[n % PROJECTS.length],
          region: REGIONS[n % REGIONS.length],
          category: CATEGORIES[n % CATEGORIES.length],
          severity: 'critical',
          channel: 'ceo_direct',
          description: 'Benchmark complaint',
        }),
      });
      return response.status === 201 ? JSON.parse(response.body).complaintId : null;
    },
    /** The same server's no-op route: liveness answers 200 without touching the database or the broker. */
    async noop() {
      return (await client.request('GET', '/health/live')).status === 200;
    },
    /**
     * Waits until the relay has published every committed event and the projections consumer has applied all
     * it was sent; returns the seconds waited and the events applied meanwhile (the live consumer's rate).
     */
    async caughtUp(timeoutSeconds = 300) {
      const started = performance.now();
      const group = `${namespace}.projections`;
      const appliedBefore = await projections.metricSum('consumer_events_total', { group });
      for (;;) {
        const relayLag = await complaints.metricSum('relay_lag_events');
        const consumerLag = await projections.metricSum('consumer_lag', { group });
        if (relayLag === 0 && consumerLag === 0) break;
        if (performance.now() - started > timeoutSeconds * 1000)
          throw new Error(
            `not caught up after ${timeoutSeconds} s: relay lag ${relayLag}, consumer lag ${consumerLag}`,
          );
        await sleep(100);
      }
      const seconds = (performance.now() - started) / 1000;
      const applied = (await projections.metricSum('consumer_events_total', { group })) - appliedBefore;
      return { seconds: round(seconds, 2), applied, perSecond: seconds > 0.5 ? Math.round(applied / seconds) : null };
    },
    async close() {
      client.close();
      await reporting.end();
      await Promise.all([complaints.close(), projections.close()]);
    },
  };
}

/** Stops what the run started and removes its databases, topics and consumer groups. */
export async function closeBenchResources() {
  const started = await pipeline?.catch(() => null);
  await started?.close();
  pipeline = undefined;
  for (const url of databases) await dropDatabase(url).catch((e) => console.warn(`drop ${url}: ${e.message}`));
  databases.clear();
  if (namespaces.size === 0) return;
  const admin = kafkaClient('bench-cleanup').admin();
  await admin.connect();
  try {
    const mine = (name) => [...namespaces].some((ns) => name.startsWith(`${ns}.`) || name.includes(`.${ns}.`));
    const topics = (await admin.listTopics()).filter(mine);
    if (topics.length > 0) await admin.deleteTopics({ topics });
    const { groups } = await admin.listGroups();
    const groupIds = groups.map((g) => g.groupId).filter(mine);
    if (groupIds.length > 0) await admin.deleteGroups(groupIds).catch(() => undefined);
  } finally {
    await admin.disconnect();
    namespaces.clear();
  }
}
