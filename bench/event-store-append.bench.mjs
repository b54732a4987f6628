// Events appended per second through libs/event-store, beside two baselines in the same run and database:
// a plain pg INSERT loop of the same rows, and @event-driven-io/emmett-postgresql appending the same events
// (from a child process: emmett-append.mjs says why).
// The three take turns, three rounds each; each keeps its median round (the machine may be shared).
import { execFile } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import path from 'node:path';
import { promisify } from 'node:util';
import { dropDatabase, require, root, round, row, scratchDatabaseUrl, writeResult } from './lib.mjs';

const {
  PostgresEventStore,
  eventStoreMigrations,
  ensureDatabase,
  migrateDatabase,
} = require('@cx/event-store');
const { Pool } = require('pg');

const EVENTS = Number(process.env.BENCH_APPEND_EVENTS ?? 5000);
const CONCURRENCY = Number(process.env.BENCH_CONCURRENCY ?? 8);
const ROUNDS = 3;
const metadata = { correlationId: 'bench', causationId: null, actor: { type: 'system', id: 'bench' } };
const data = { complaintId: randomUUID(), project: 'SH-PUDONG-07', region: 'east-china', severity: 'high' };

const show = (label, seconds) => {
  const perSecond = Math.round(EVENTS / seconds);
  console.log(
    `  ${label.padEnd(40)} ${perSecond.toString().padStart(7)} events/s  (${EVENTS} in ${seconds.toFixed(2)} s)`,
  );
  return perSecond;
};

async function emmettRound(url, round) {
  const { stdout } = await promisify(execFile)(
    process.execPath,
    [path.join(root, 'bench', 'emmett-append.mjs'), url, String(EVENTS), String(CONCURRENCY), String(round)],
    { env: { ...process.env, BENCH_EVENT_DATA: JSON.stringify(data) } },
  );
  return show(`emmett-postgresql appendToStream, round ${round + 1}`, Number(stdout.trim()));
}

async function timed(label, work) {
  let next = 0;
  const started = process.hrtime.bigint();
  await Promise.all(
    Array.from({ length: CONCURRENCY }, async () => {
      for (let i = next++; i < EVENTS; i = next++) await work(i);
    }),
  );
  return show(label, Number(process.hrtime.bigint() - started) / 1e9);
}

export async function run() {
  const url = scratchDatabaseUrl('append');
  await ensureDatabase(url);
  await migrateDatabase(url, eventStoreMigrations);
  const pool = new Pool({ connectionString: url, max: CONCURRENCY });
  try {
    // Same columns, identity, constraints and indexes; no triggers: the baseline is the bare INSERT.
    await pool.query('CREATE TABLE plain_events (LIKE events INCLUDING ALL)');
    const store = new PostgresEventStore(pool);
    console.log(`event store append: ${EVENTS} single-event appends to new streams, ${CONCURRENCY} concurrent writers`);

    const rounds = { plain: [], eventStore: [], emmett: [] };
    for (let r = 0; r < ROUNDS; r++) {
      rounds.plain.push(
        await timed(`plain INSERT (autocommit), round ${r + 1}`, (i) =>
          pool.query(
            `INSERT INTO plain_events (event_id, stream_id, stream_type, stream_version, type, schema_version, data, metadata)
             VALUES ($1, $2, 'Complaint', 1, 'ComplaintFiled', 1, $3, $4)`,
            [randomUUID(), `plain-${r}-${i}`, JSON.stringify(data), JSON.stringify(metadata)],
          ),
        ),
      );
      rounds.eventStore.push(
        await timed(`libs/event-store append, round ${r + 1}`, (i) =>
          store.append({
            streamId: `s-${r}-${i}`,
            streamType: 'Complaint',
            expectedVersion: 0,
            events: [{ type: 'ComplaintFiled', schemaVersion: 1, data }],
            metadata,
          }),
        ),
      );
      rounds.emmett.push(await emmettRound(url, r));
    }
    const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
    const med = Object.fromEntries(Object.entries(rounds).map(([k, v]) => [k, median(v)]));
    console.log(
      `  median: event store ${med.eventStore}/s, plain INSERT ${med.plain}/s (ratio ${round(med.eventStore / med.plain, 2)}),` +
        ` emmett ${med.emmett}/s (event store / emmett ${round(med.eventStore / med.emmett, 2)})`,
    );
    const summary = [
      row({
        figure: 'event-store append',
        value: med.eventStore,
        unit: 'events/s',
        baseline: 'plain INSERT loop (pg)',
        baselineValue: med.plain,
        target: { on: 'ratio', atLeast: 0.5 },
      }),
      row({
        figure: 'event-store append',
        value: med.eventStore,
        unit: 'events/s',
        baseline: 'emmett-postgresql 0.42.0 append',
        baselineValue: med.emmett,
      }),
    ];
    const file = writeResult('event-store-append', {
      events: EVENTS,
      concurrency: CONCURRENCY,
      rounds,
      plainInsertPerSecond: med.plain,
      eventStoreAppendPerSecond: med.eventStore,
      emmettAppendPerSecond: med.emmett,
      ratioToPlainInsert: round(med.eventStore / med.plain, 3),
      ratioToEmmett: round(med.eventStore / med.emmett, 3),
      summary,
    });
    return { file, summary };
  } finally {
    await pool.end();
    await dropDatabase(url);
  }
}
