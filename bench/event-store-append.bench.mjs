// Events appended per second through libs/event-store, beside a plain pg INSERT loop of the same rows
// in the same run and database; the ratio is the figure to watch.
import { randomUUID } from 'node:crypto';
import { dropDatabase, require, scratchDatabaseUrl, writeResult } from './lib.mjs';

const {
  PostgresEventStore,
  CreateEventStore1764000000000,
  ensureDatabase,
  migrateDatabase,
} = require('@cx/event-store');
const { Pool } = require('pg');

const EVENTS = Number(process.env.BENCH_APPEND_EVENTS ?? 5000);
const CONCURRENCY = Number(process.env.BENCH_CONCURRENCY ?? 8);
const metadata = { correlationId: 'bench', causationId: null, actor: { type: 'system', id: 'bench' } };
const data = { complaintId: randomUUID(), project: 'SH-PUDONG-07', region: 'east-china', severity: 'high' };

async function timed(label, work) {
  let next = 0;
  const started = process.hrtime.bigint();
  await Promise.all(
    Array.from({ length: CONCURRENCY }, async () => {
      for (let i = next++; i < EVENTS; i = next++) await work(i);
    }),
  );
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  const perSecond = Math.round(EVENTS / seconds);
  console.log(
    `  ${label.padEnd(34)} ${perSecond.toString().padStart(7)} events/s  (${EVENTS} in ${seconds.toFixed(2)} s)`,
  );
  return perSecond;
}

export async function run() {
  const url = scratchDatabaseUrl('append');
  await ensureDatabase(url);
  await migrateDatabase(url, [CreateEventStore1764000000000]);
  const pool = new Pool({ connectionString: url, max: CONCURRENCY });
  try {
    // Same columns, identity, constraints and indexes; no triggers: the baseline is the bare INSERT.
    await pool.query('CREATE TABLE plain_events (LIKE events INCLUDING ALL)');
    const store = new PostgresEventStore(pool);
    console.log(`event store append: ${EVENTS} single-event appends, ${CONCURRENCY} concurrent writers`);

    const plain = await timed('plain INSERT (autocommit)', (i) =>
      pool.query(
        `INSERT INTO plain_events (event_id, stream_id, stream_type, stream_version, type, schema_version, data, metadata)
         VALUES ($1, $2, 'Complaint', 1, 'ComplaintFiled', 1, $3, $4)`,
        [randomUUID(), `plain-${i}`, JSON.stringify(data), JSON.stringify(metadata)],
      ),
    );
    const eventStore = await timed('event store append (new stream)', (i) =>
      store.append({
        streamId: `s-${i}`,
        streamType: 'Complaint',
        expectedVersion: 0,
        events: [{ type: 'ComplaintFiled', schemaVersion: 1, data }],
        metadata,
      }),
    );
    const ratio = eventStore / plain;
    console.log(`  ratio event store / plain INSERT: ${ratio.toFixed(2)}`);
    return writeResult('event-store-append', {
      events: EVENTS,
      concurrency: CONCURRENCY,
      plainInsertPerSecond: plain,
      eventStoreAppendPerSecond: eventStore,
      ratio: Number(ratio.toFixed(3)),
    });
  } finally {
    await pool.end();
    await dropDatabase(url);
  }
}
