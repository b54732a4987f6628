// One round of the emmett-postgresql baseline for event-store-append, in a process of its own: emmett's dumbo sets
// pg's global type parsers (bigint as BigInt, json through its serializer), which must not reach the code measured
// beside it. Arguments: database URL, events, concurrent writers, round; prints events/s.
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const [url, events, concurrency, round] = process.argv.slice(2);
const require = createRequire(path.join(path.dirname(fileURLToPath(import.meta.url)), '..', 'package.json'));
const { Pool } = require('pg');
const { getPostgreSQLEventStore } = await import('@event-driven-io/emmett-postgresql');

const metadata = { correlationId: 'bench', causationId: null, actor: { type: 'system', id: 'bench' } };
const data = JSON.parse(process.env.BENCH_EVENT_DATA);
const pool = new Pool({ connectionString: url, max: Number(concurrency) });
const store = getPostgreSQLEventStore(url, { connectionOptions: { pool } });
try {
  await store.schema.migrate();
  let next = 0;
  const started = process.hrtime.bigint();
  await Promise.all(
    Array.from({ length: Number(concurrency) }, async () => {
      for (let i = next++; i < Number(events); i = next++)
        await store.appendToStream(`Complaint-${round}-${i}`, [{ type: 'ComplaintFiled', data, metadata }], {
          expectedStreamVersion: 0n,
        });
    }),
  );
  process.stdout.write(`${Number(process.hrtime.bigint() - started) / 1e9}\n`);
} finally {
  await store.close().catch(() => undefined);
  await pool.end().catch(() => undefined);
}
