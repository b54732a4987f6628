import { createTestDatabase, TestDatabase } from '@cx/testing';
import { Pool } from 'pg';
import { migrateDatabase } from './database';
import { EventRelay } from './event-relay';
import { eventStoreMigrations } from './migrations/event-store-migrations';
import type { RecordedEvent } from './recorded-event';

const silent = { info: () => undefined, warn: () => undefined, error: () => undefined };

/**
 * Transaction ids grow past a power of ten sooner or later (999 → 1000): the relay must order them as numbers.
 * The rows are written with chosen transaction ids (the column's default is the writer's own), all committed.
 */
describe('the relay across transaction ids of different lengths', () => {
  let database: TestDatabase;
  let pool: Pool;

  beforeAll(async () => {
    database = await createTestDatabase('relay_order');
    await migrateDatabase(database.url, eventStoreMigrations);
    pool = new Pool({ connectionString: database.url });
    // Written by transactions 9, 10, 11 and 99, 100; positions in that order, each a stream of its own.
    for (const transactionId of ['9', '10', '11', '99', '100']) {
      await pool.query(
        `INSERT INTO events (event_id, stream_id, stream_type, stream_version, type, schema_version, data, metadata,
                             transaction_id)
         VALUES (gen_random_uuid(), $1, 'Thing', 1, 'Happened', 1, '{}', '{}', $2::xid8)`,
        [`thing-${transactionId}`, transactionId],
      );
    }
  });

  afterAll(async () => {
    await pool?.end();
    await database?.drop();
  });

  it('publishes in transaction order, batch after batch, and skips none', async () => {
    const batches: string[][] = [];
    const relay = new EventRelay(
      pool,
      async (events: readonly RecordedEvent[]) => void batches.push(events.map((e) => e.transactionId)),
      { name: 'order-spec', leaderConnection: { connectionString: database.url }, batchSize: 2, logger: silent },
    );
    expect(await relay.publishPending()).toBe(5);
    expect(batches).toEqual([['9', '10'], ['11', '99'], ['100']]);
  });
});
