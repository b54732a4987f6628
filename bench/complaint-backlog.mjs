// A backlog of complaint events nobody has published yet, for the relay and rebuild benchmarks: the complaints
// database of this run's pipeline, copied while complaints is stopped (CREATE DATABASE … TEMPLATE needs the source
// without sessions), its relay checkpoint cleared, and topped up to BACKLOG_EVENTS with copies of the filings
// made through HTTP (each a new complaint: new ids, new customer). Filing that many through HTTP would take
// minutes at the rates measured here; the copies have the filings' exact shape.
// Relayed once per run by a complaints process on the copy, in a topic namespace of its own.
import { benchDatabase, benchNamespace, complaintPipeline, kafkaClient } from './complaint-pipeline.mjs';
import { closedLoop } from './http-load.mjs';
import { databaseName, require, round, serverUrl, sleep } from './lib.mjs';
import { ServiceProcess } from './service-process.mjs';

const { Client } = require('pg');
const BACKLOG_EVENTS = Number(process.env.BENCH_BACKLOG_EVENTS ?? 10_000);

let backlog;
let relayed;

async function query(url, sql, params) {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query(sql, params)).rows;
  } finally {
    await client.end();
  }
}

function complaintBacklog() {
  backlog ??= build();
  return backlog;
}

async function build() {
  const pipeline = await complaintPipeline();
  const count = async (url) => (await query(url, 'SELECT count(*)::int AS n FROM events'))[0].n;
  if ((await count(pipeline.complaints.databaseUrl)) < 100)
    await closedLoop({ concurrency: 16, seconds: 3, send: async () => (await pipeline.fileComplaint()) !== null });
  await pipeline.caughtUp();

  const databaseUrl = benchDatabase('backlog');
  await pipeline.complaints.stop();
  try {
    const source = databaseName(pipeline.complaints.databaseUrl);
    await query(serverUrl, `CREATE DATABASE ${databaseName(databaseUrl)} TEMPLATE ${source}`);
  } finally {
    await pipeline.complaints.start();
  }
  const filed = await count(databaseUrl);
  await query(databaseUrl, 'DELETE FROM relay_checkpoints');
  await query(
    databaseUrl,
    `WITH filings AS (
       SELECT row_number() OVER (ORDER BY position) - 1 AS i, stream_type, type, schema_version, data, metadata
         FROM events WHERE type = 'ComplaintFiled'),
     copies AS (
       SELECT gen_random_uuid() AS id, n FROM generate_series(1, $1::int) n)
     INSERT INTO events (event_id, stream_id, stream_type, stream_version, type, schema_version, data, metadata)
     SELECT gen_random_uuid(), c.id::text, f.stream_type, 1, f.type, f.schema_version,
            f.data || jsonb_build_object('complaintId', c.id::text,
                                         'customerId', 'subj_c' || replace(c.id::text, '-', '')),
            f.metadata
       FROM copies c JOIN filings f ON f.i = c.n % (SELECT count(*) FROM filings)`,
    [Math.max(0, BACKLOG_EVENTS - filed)],
  );
  const events = await count(databaseUrl);
  console.log(`  backlog: ${events} events (${filed} filed through HTTP in this run, the rest copies of them)`);
  return { databaseUrl, events, filedThroughHttp: filed, namespace: benchNamespace() };
}

/** Polls the topic's end offsets (once it exists: polling must not create it) until `total` are on it. */
async function watchTopic(admin, topic, total, timeoutSeconds = 300) {
  const deadline = performance.now() + timeoutSeconds * 1000;
  while (!(await admin.listTopics()).includes(topic)) {
    if (performance.now() > deadline) throw new Error(`${topic} was never created`);
    await sleep(20);
  }
  let first;
  for (;;) {
    // Right after the topic is created its partitions may have no leader yet: asked again on the next poll.
    const offsets = await admin.fetchTopicOffsets(topic).catch(() => null);
    const onTopic = offsets?.reduce((sum, p) => sum + Number(p.high), 0) ?? 0;
    const at = performance.now();
    if (onTopic > 0 && !first) first = { at, onTopic };
    if (onTopic >= total) return { first, last: { at, onTopic } };
    if (at > deadline) throw new Error(`${onTopic} of ${total} events on ${topic} after ${timeoutSeconds} s`);
    await sleep(20);
  }
}

/**
 * Starts complaints on the backlog and reads the publish rate off the broker (the topic's end offsets every
 * 20 ms), from the first events seen to the last; once per run, then the topic stays for the rebuild.
 */
export function relayBacklog() {
  relayed ??= relay();
  return relayed;
}

async function relay() {
  const { databaseUrl, events, namespace } = await complaintBacklog();
  const admin = kafkaClient('bench-relay-watch').admin();
  await admin.connect();
  let service;
  try {
    const topic = `${namespace}.cx.complaints.events`;
    const watched = watchTopic(admin, topic, events);
    watched.catch(() => undefined); // awaited below, once the service is up
    service = await ServiceProcess.start({ name: 'complaints', databaseUrl, namespace });
    const { first, last } = await watched;
    const seconds = (last.at - first.at) / 1000;
    return {
      namespace,
      topic,
      events,
      measuredFrom: first.onTopic,
      seconds: round(seconds, 2),
      eventsPerSecond: Math.round((last.onTopic - first.onTopic) / seconds),
    };
  } finally {
    await service?.close();
    await admin.disconnect();
  }
}
