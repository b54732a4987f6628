// Projection rebuild: the CEO escalation view rebuilt (the module behind `npm run rebuild -- ceo-escalations`)
// from the relayed complaint backlog (complaint-backlog.mjs) into fresh tables of a scratch projections database
// and swapped in, beside a bare kafkajs consumer (no parsing, no database) reading the same topics from the
// beginning. Both rates count the events after the first batch, from the end of that batch to the topics' ends
// as they were at the start: the group joins are left out of both (their whole times are in the result file).
import { relayBacklog } from './complaint-backlog.mjs';
import { benchDatabase, benchNamespace, kafkaClient } from './complaint-pipeline.mjs';
import { require, round, row, writeResult } from './lib.mjs';

const { rebuildProjection } = require('@cx/projections/dist/infrastructure/rebuild/projection-rebuild.js');
const { ceoEscalations } = require('@cx/projections/dist/projections/ceo-escalations/ceo-escalations.js');
const { projectionMigrations } = require('@cx/projections/dist/infrastructure/projection-migrations.js');
const { ensureDatabase, migrateDatabase } = require('@cx/event-store');
const { ensureTopics } = require('@cx/messaging');
const { Pool } = require('pg');

async function endOffsets(admin, topics) {
  const ends = new Map();
  for (const topic of topics)
    for (const p of await admin.fetchTopicOffsets(topic)) ends.set(`${topic}:${p.partition}`, Number(p.high));
  return ends;
}

async function bareConsumer(kafka, topics, ends, groupId) {
  const consumer = kafka.consumer({ groupId, allowAutoTopicCreation: false });
  const reached = new Map();
  let events = 0;
  let first;
  const started = performance.now();
  const done = () => [...ends].every(([k, end]) => end === 0 || (reached.get(k) ?? -1) >= end - 1);
  await consumer.connect();
  try {
    for (const topic of topics) await consumer.subscribe({ topic, fromBeginning: true });
    await new Promise((resolve, reject) => {
      consumer.on(consumer.events.CRASH, ({ payload }) => reject(payload.error));
      consumer
        .run({
          autoCommit: false,
          eachBatch: async ({ batch }) => {
            events += batch.messages.length;
            first ??= { at: performance.now(), events };
            const last = batch.messages.at(-1);
            if (last) reached.set(`${batch.topic}:${batch.partition}`, Number(last.offset));
            if (done()) resolve();
          },
        })
        .catch(reject);
    });
    const finishedAt = performance.now();
    return { events, first, finishedAt, started };
  } finally {
    await consumer.disconnect();
  }
}

export async function run() {
  const { topic, namespace } = await relayBacklog();
  const topics = ceoEscalations.topics.map((t) => `${namespace}.${t}`);
  if (!topics.includes(topic)) throw new Error(`ceo-escalations does not read ${topic}`);
  const databaseUrl = benchDatabase('rebuild');
  await ensureDatabase(databaseUrl);
  await migrateDatabase(databaseUrl, projectionMigrations);
  const kafka = kafkaClient('bench-rebuild');
  await ensureTopics(
    kafka,
    topics.map((t) => ({ topic: t })),
  );
  const admin = kafka.admin();
  await admin.connect();
  const pool = new Pool({ connectionString: databaseUrl, max: 4 });
  try {
    const ends = await endOffsets(admin, topics);
    const total = () => [...ends.values()].reduce((a, b) => a + b, 0);
    console.log(`projection rebuild: ceo-escalations from ${total()} events on ${topics.join(', ')}`);

    const bare = await bareConsumer(kafka, topics, ends, `${benchNamespace()}.bare-reader`);
    const bareRate = Math.round((bare.events - bare.first.events) / ((bare.finishedAt - bare.first.at) / 1000));
    console.log(
      `  bare kafkajs consumer: ${bare.events} events, ${bareRate}/s from the first batch ` +
        `(${((bare.finishedAt - bare.started) / 1000).toFixed(2)} s with connect and group join)`,
    );

    let first;
    let caughtUpAt;
    const started = performance.now();
    const result = await rebuildProjection({
      pool,
      kafka,
      projection: ceoEscalations,
      topics,
      onProgress: ({ done, total: all }) => {
        if (done > 0) first ??= { at: performance.now(), events: done };
        if (done >= all && all > 0) caughtUpAt ??= performance.now();
      },
    });
    const finishedAt = performance.now();
    const rebuildRate = Math.round((result.applied - first.events) / ((caughtUpAt - first.at) / 1000));
    console.log(
      `  rebuild: ${result.applied} events applied, ${rebuildRate}/s from the first batch to caught up ` +
        `(${((finishedAt - started) / 1000).toFixed(2)} s with join and swap)`,
    );
    // Where the rebuild's time went, table by table: sequential scans and rows they read, index scans.
    const { rows: tableScans } = await pool.query(
      `SELECT schemaname || '.' || relname AS "table", seq_scan::float8 AS "seqScans",
              seq_tup_read::float8 AS "rowsReadBySeqScans", idx_scan::float8 AS "indexScans",
              n_tup_ins::float8 AS inserted, n_tup_upd::float8 AS updated
         FROM pg_stat_user_tables WHERE schemaname || '.' || relname = ANY($1) ORDER BY seq_tup_read DESC`,
      [Object.values(ceoEscalations.tables)],
    );
    for (const t of tableScans)
      console.log(
        `    ${t.table}: ${t.seqScans} sequential scans reading ${t.rowsReadBySeqScans} rows, ${t.indexScans} index scans`,
      );
    const summary = [
      row({
        figure: 'projection rebuild (ceo-escalations)',
        value: rebuildRate,
        unit: 'events/s',
        baseline: 'bare kafkajs consumer, same topics',
        baselineValue: bareRate,
        target: { atLeast: 10_000 },
      }),
    ];
    return {
      file: writeResult('projection-rebuild', {
        projection: ceoEscalations.name,
        events: total(),
        rebuild: {
          applied: result.applied,
          skipped: result.skipped,
          eventsPerSecond: rebuildRate,
          firstBatchEvents: first.events,
          firstBatchToCaughtUpSeconds: round((caughtUpAt - first.at) / 1000, 2),
          wholeSeconds: round((finishedAt - started) / 1000, 2),
        },
        tableScans,
        bareConsumer: {
          events: bare.events,
          eventsPerSecond: bareRate,
          firstBatchEvents: bare.first.events,
          firstBatchToEndSeconds: round((bare.finishedAt - bare.first.at) / 1000, 2),
          wholeSeconds: round((bare.finishedAt - bare.started) / 1000, 2),
        },
        summary,
      }),
      summary,
    };
  } finally {
    await pool.end();
    await admin.disconnect();
  }
}
