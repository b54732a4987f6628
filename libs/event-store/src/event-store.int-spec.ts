import { createTestDatabase, TestDatabase } from '@cx/testing';
import { Client, Pool, PoolClient } from 'pg';
import { migrateDatabase } from './database';
import { EventRelay } from './event-relay';
import type { DomainEvent } from '@cx/domain';
import { AggregateRepository } from './aggregate-repository';
import { IdempotencyKeyReused, StaleVersion, StreamVersionConflict } from './event-store.errors';
import { PostgresEventStore } from './event-store';
import { eventStoreMigrations } from './migrations/event-store-migrations';
import { alsoOnAppended, noObserver } from './event-store-observer';
import type { EventMetadata, RecordedEvent } from './recorded-event';

const metadata: EventMetadata = { correlationId: 'c-1', causationId: null, actor: { type: 'user', id: 'u-1' } };
const event = (n: number) => ({ type: 'Happened', schemaVersion: 1, data: { n } });
const silent = { info: () => undefined, warn: () => undefined, error: () => undefined };

type CounterCommand = { type: 'Count'; upTo: number } | { type: 'Refuse' };

/** An aggregate that counts up to a number, for the repository's read → decide → append. */
const counterOn = (store: PostgresEventStore) =>
  new AggregateRepository<CounterCommand, DomainEvent<'Counted', { n: number }>, number>(
    store,
    {
      initialState: () => 0,
      evolve: (_, e) => e.data.n,
      decide: (command, state) => {
        if (command.type === 'Refuse') throw new Error('refused');
        return Array.from({ length: command.upTo - state }, (_, i) => ({
          type: 'Counted' as const,
          data: { n: state + i + 1 },
        }));
      },
    },
    'Counter',
    { decode: (r) => ({ type: 'Counted', data: r.data as { n: number } }), schemaVersionOf: () => 1 },
  );

describe('PostgresEventStore (real Postgres)', () => {
  let database: TestDatabase;
  let pool: Pool;
  let store: PostgresEventStore;

  beforeAll(async () => {
    database = await createTestDatabase('event_store');
    expect(await migrateDatabase(database.url, eventStoreMigrations)).toEqual([
      'CreateEventStore1764000000000',
      'EventsAppendedWithoutNotify1764000000010',
    ]);
    expect(await migrateDatabase(database.url, eventStoreMigrations)).toEqual([]);
    pool = new Pool({ connectionString: database.url });
    store = new PostgresEventStore(pool);
  });

  afterAll(async () => {
    await pool?.end();
    await database?.drop();
  });

  const append = (streamId: string, expectedVersion: number, count = 1) =>
    appendTo(store, streamId, expectedVersion, count);
  const appendTo = (target: PostgresEventStore, streamId: string, expectedVersion: number, count = 1) =>
    target.append({
      streamId,
      streamType: 'Thing',
      expectedVersion,
      events: Array.from({ length: count }, (_, i) => event(expectedVersion + i + 1)),
      metadata,
    });

  it('appends events with consecutive stream versions and reads them back in order', async () => {
    const first = await append('s-read', 0, 2);
    const second = await append('s-read', 2, 1);
    expect(first.streamVersion).toBe(2);
    expect(second.streamVersion).toBe(3);
    const stream = await store.readStream('s-read');
    expect(stream.map((e) => [e.streamVersion, e.data])).toEqual([
      [1, { n: 1 }],
      [2, { n: 2 }],
      [3, { n: 3 }],
    ]);
    expect(stream[0].metadata).toEqual(metadata);
  });

  it('raises a typed conflict and appends nothing when the expected version is stale', async () => {
    await append('s-conflict', 0, 1);
    await expect(append('s-conflict', 0, 1)).rejects.toBeInstanceOf(StreamVersionConflict);
    expect(await store.readStream('s-conflict')).toHaveLength(1);
  });

  it('lets exactly one of many concurrent appends at the same version win', async () => {
    await append('s-race', 0, 1);
    const results = await Promise.allSettled(Array.from({ length: 8 }, () => append('s-race', 1, 1)));
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    for (const r of results.filter((r) => r.status === 'rejected')) {
      expect((r as PromiseRejectedResult).reason).toBeInstanceOf(StreamVersionConflict);
    }
    expect(await store.readStream('s-race')).toHaveLength(2);
  });

  it('replays an idempotency key and refuses its reuse for another request', async () => {
    const idempotency = { scope: 'things.create', key: 'k-1', fingerprint: 'f-1' };
    const first = await store.append({
      streamId: 's-idem',
      streamType: 'Thing',
      expectedVersion: 0,
      events: [event(1)],
      metadata,
      idempotency,
    });
    const replay = await store.append({
      streamId: 's-idem-2',
      streamType: 'Thing',
      expectedVersion: 0,
      events: [event(1)],
      metadata,
      idempotency,
    });
    expect(replay).toMatchObject({ streamId: 's-idem', streamVersion: 1, replayed: true });
    expect(first.replayed).toBe(false);
    expect(await store.readStream('s-idem-2')).toHaveLength(0);
    await expect(
      store.append({
        streamId: 's-idem-3',
        streamType: 'Thing',
        expectedVersion: 0,
        events: [event(1)],
        metadata,
        idempotency: { ...idempotency, fingerprint: 'other' },
      }),
    ).rejects.toBeInstanceOf(IdempotencyKeyReused);
  });

  it('rolls the events back when a write in the same transaction fails', async () => {
    await expect(
      store.append({
        streamId: 's-rollback',
        streamType: 'Thing',
        expectedVersion: 0,
        events: [event(1)],
        metadata,
        alsoInTransaction: async (tx) => void (await tx.query('SELECT 1/0')),
      }),
    ).rejects.toThrow(/division by zero/);
    expect(await store.readStream('s-rollback')).toHaveLength(0);
  });

  it('tells its observer what was appended and which commands were handled or refused, by type', async () => {
    const seen: string[] = [];
    const observed = new PostgresEventStore(pool, {
      appended: (streamType, events) => seen.push(`appended ${streamType} ${events.map((e) => e.type).join(',')}`),
      commandHandled: (streamType, command) => seen.push(`handled ${streamType} ${command}`),
      commandFailed: (streamType, command, error) =>
        seen.push(`failed ${streamType} ${command} ${(error as Error).constructor.name}`),
    });
    const counter = counterOn(observed);

    await counter.handle('counter-1', { type: 'Count', upTo: 2 }, { metadata });
    await counter.handle('counter-1', { type: 'Count', upTo: 2 }, { metadata });
    await expect(counter.handle('counter-1', { type: 'Refuse' }, { metadata })).rejects.toThrow('refused');
    await expect(
      counter.handle('counter-1', { type: 'Count', upTo: 3 }, { metadata, expectedVersion: 1 }),
    ).rejects.toBeInstanceOf(StaleVersion);
    const idempotency = { scope: 'counter', key: 'k-observed', fingerprint: 'f' };
    const request = { streamId: 'counter-2', streamType: 'Counter', expectedVersion: 0, metadata, idempotency };
    await observed.append({ ...request, events: [{ type: 'Counted', schemaVersion: 1, data: { n: 1 } }] });
    await observed.append({ ...request, events: [{ type: 'Counted', schemaVersion: 1, data: { n: 1 } }] });

    expect(seen).toEqual([
      'appended Counter Counted,Counted',
      'handled Counter Count',
      'handled Counter Count',
      'failed Counter Refuse Error',
      'failed Counter Count StaleVersion',
      'appended Counter Counted',
    ]);
  });

  it('decides on a stream expected not to exist without reading it, and answers as if it had read one that does', async () => {
    const reads: string[] = [];
    const counting = new (class extends PostgresEventStore {
      override readStream(streamId: string) {
        reads.push(streamId);
        return super.readStream(streamId);
      }
    })(pool);
    const counter = counterOn(counting);
    const onlyNew = (state: number) => {
      if (state !== 0) throw new Error('outside your scope');
    };

    const created = await counter.handle('counter-new', { type: 'Count', upTo: 2 }, { metadata, expectedVersion: 0 });
    expect([created.streamVersion, created.state, reads]).toEqual([2, 2, []]);

    const again = { metadata, expectedVersion: 0 };
    await expect(
      counter.handle('counter-new', { type: 'Count', upTo: 3 }, { ...again, authorize: onlyNew }),
    ).rejects.toThrow('outside your scope');
    await expect(counter.handle('counter-new', { type: 'Count', upTo: 3 }, again)).rejects.toBeInstanceOf(StaleVersion);
    expect(reads).toEqual(['counter-new', 'counter-new']);
    expect((await counting.readStream('counter-new')).map((e) => e.data)).toEqual([{ n: 1 }, { n: 2 }]);
  });

  describe('group commit', () => {
    // One group written at a time: while the first append is written, the others wait and then go together.
    const grouped = () => new PostgresEventStore(pool, noObserver, { concurrentAppendGroups: 1 });
    const transactionsOf = async (prefix: string) =>
      (
        await pool.query<{ transactions: number; events: number }>(
          `SELECT count(DISTINCT transaction_id)::int AS transactions, count(*)::int AS events
             FROM events WHERE stream_id LIKE $1`,
          [`${prefix}%`],
        )
      ).rows[0];

    it('writes appends that wait together in one transaction, each with its own result', async () => {
      const store = grouped();
      const streams = Array.from({ length: 30 }, (_, i) => `s-group-${i}`);

      const results = await Promise.all(streams.map((streamId) => appendTo(store, streamId, 0, 2)));

      expect(results.map((r) => [r.streamId, r.streamVersion, r.events.map((e) => e.data)])).toEqual(
        streams.map((streamId) => [streamId, 2, [{ n: 1 }, { n: 2 }]]),
      );
      expect(await transactionsOf('s-group-')).toEqual({ transactions: 2, events: 60 });
    });

    it('fails only the append that is refused: a stale version, a failing write of its own', async () => {
      const store = grouped();
      await append('s-refused-moved', 0, 1);
      const withOwnWrite = (streamId: string, write: (tx: PoolClient) => Promise<unknown>) =>
        store.append({
          streamId,
          streamType: 'Thing',
          expectedVersion: 0,
          events: [event(1)],
          metadata,
          alsoInTransaction: async (tx) => void (await write(tx)),
        });

      const outcomes = await Promise.allSettled([
        appendTo(store, 's-refused-first', 0),
        withOwnWrite('s-refused-ok-1', (tx) => tx.query('SELECT 1')),
        withOwnWrite('s-refused-own-write', (tx) => tx.query('SELECT 1 / 0')),
        appendTo(store, 's-refused-moved', 0),
        appendTo(store, 's-refused-ok-2', 0),
      ]);

      expect(
        outcomes.map((o) => (o.status === 'fulfilled' ? o.value.streamVersion : o.reason.constructor.name)),
      ).toEqual([1, 1, 'DatabaseError', 'StreamVersionConflict', 1]);
      const { rows } = await pool.query<{ stream_id: string; n: number }>(
        `SELECT stream_id, count(*)::int AS n FROM events WHERE stream_id LIKE 's-refused-%' GROUP BY 1 ORDER BY 1`,
      );
      expect(rows).toEqual([
        { stream_id: 's-refused-first', n: 1 },
        { stream_id: 's-refused-moved', n: 1 },
        { stream_id: 's-refused-ok-1', n: 1 },
        { stream_id: 's-refused-ok-2', n: 1 },
      ]);
    });

    it('answers a key used twice in one group with the first result', async () => {
      const store = grouped();
      const idempotency = { scope: 'group', key: 'k-group', fingerprint: 'same request' };
      const keyed = (streamId: string) =>
        store.append({ streamId, streamType: 'Thing', expectedVersion: 0, events: [event(1)], metadata, idempotency });

      const [, first, second] = await Promise.all([
        appendTo(store, 's-key-first', 0),
        keyed('s-key-a'),
        keyed('s-key-b'),
      ]);

      const [kept, replayed] = first.replayed ? [second, first] : [first, second];
      expect([kept.replayed, replayed.replayed, replayed.streamId]).toEqual([false, true, kept.streamId]);
      expect(await transactionsOf('s-key-')).toMatchObject({ events: 2 });
    });
  });

  it('refuses to rewrite stored events', async () => {
    await append('s-immutable', 0, 1);
    await expect(pool.query("UPDATE events SET data = '{}' WHERE stream_id = 's-immutable'")).rejects.toThrow(
      /append-only/,
    );
    await expect(pool.query("DELETE FROM events WHERE stream_id = 's-immutable'")).rejects.toThrow(/append-only/);
  });

  describe('relay', () => {
    const published: RecordedEvent[] = [];
    let relay: EventRelay;

    beforeAll(() => {
      relay = new EventRelay(pool, async (events) => void published.push(...events), {
        name: 'test-relay',
        leaderConnection: { connectionString: database.url },
        logger: silent,
      });
    });

    it('never skips an event whose transaction commits after a later position was committed', async () => {
      await relay.publishPending();
      published.length = 0;

      // A takes a position first but commits last: a relay reading "position > checkpoint" would skip it.
      const slow = new Client({ connectionString: database.url });
      await slow.connect();
      await slow.query('BEGIN');
      await slow.query(
        `INSERT INTO events (event_id, stream_id, stream_type, stream_version, type, schema_version, data, metadata)
         VALUES (gen_random_uuid(), 'late', 'Thing', 1, 'Happened', 1, '{"n":1}', $1)`,
        [JSON.stringify(metadata)],
      );
      await append('early', 0, 1);

      expect(await relay.publishPending()).toBe(0);

      await slow.query('COMMIT');
      await slow.end();
      // pg_snapshot_xmin is cluster-wide: a writing transaction in another database (a parallel spec) can hold
      // the relay back for a moment. It waits; it never skips.
      const ours = () => published.filter((e) => ['late', 'early'].includes(e.streamId));
      await publishUntil(relay, () => ours().length >= 2);
      expect(ours().map((e) => e.streamId)).toEqual(['late', 'early']);

      expect(await relay.publishPending()).toBe(0);
    });

    it('resumes from its checkpoint after a restart: nothing republished, nothing missed', async () => {
      await relay.publishPending();
      published.length = 0;
      await append('after-restart', 0, 3);
      const restarted = new EventRelay(pool, async (events) => void published.push(...events), {
        name: 'test-relay',
        leaderConnection: { connectionString: database.url },
        logger: silent,
      });
      const ours = () => published.filter((e) => e.streamId === 'after-restart');
      await publishUntil(restarted, () => ours().length >= 3);
      expect(ours().map((e) => [e.streamId, e.streamVersion])).toEqual([
        ['after-restart', 1],
        ['after-restart', 2],
        ['after-restart', 3],
      ]);
    });

    it('recovers its leader session after the database terminates it, even when the dead one reports twice', async () => {
      const delivered: RecordedEvent[] = [];
      const name = 'test-relay-terminated';
      const running = new EventRelay(pool, async (events) => void delivered.push(...events), {
        name,
        leaderConnection: { connectionString: database.url, application_name: name },
        logger: silent,
        pollIntervalMs: 100,
      });
      running.start();
      try {
        await waitFor(() => delivered.length > 0);
        // The leader session is private; the spec reaches in to replay what a dead pg connection does.
        const sessionOf = () => (running as unknown as { leaderSession?: Client }).leaderSession;
        const dead = sessionOf();
        await pool.query(`SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE application_name = $1`, [name]);
        await waitFor(() => sessionOf() !== undefined && sessionOf() !== dead);
        dead?.emit('error', new Error('Connection terminated unexpectedly'));

        await append('after-termination', 0, 1);
        await waitFor(() => delivered.some((e) => e.streamId === 'after-termination'));
      } finally {
        await running.stop();
      }
    });

    it('reports its lag: committed events past the checkpoint and how long the oldest has waited', async () => {
      const name = 'test-relay-lag';
      const lagging = new EventRelay(pool, async () => undefined, {
        name,
        leaderConnection: { connectionString: database.url },
        logger: silent,
      });
      await drain(lagging);
      expect(await lagging.lag()).toEqual({ events: 0, oldestSeconds: 0 });

      await append('lagging', 0, 3);
      await new Promise((resolve) => setTimeout(resolve, 1_100));
      const lag = await lagging.lag();
      expect(lag.events).toBe(3);
      expect(lag.oldestSeconds).toBeGreaterThanOrEqual(1);
      expect(lag.oldestSeconds).toBeLessThan(60);

      await drain(lagging);
      expect(await lagging.lag()).toEqual({ events: 0, oldestSeconds: 0 });
    });

    it('publishes what committed while it was busy before it stops, instead of leaving it for the next start', async () => {
      const delivered: RecordedEvent[] = [];
      let releaseFirst!: () => void;
      const firstHeld = new Promise<void>((resolve) => (releaseFirst = resolve));
      let firstStarted!: () => void;
      const publishing = new Promise<void>((resolve) => (firstStarted = resolve));
      let calls = 0;
      const stopping = new EventRelay(
        pool,
        async (events) => {
          if (calls++ === 0) {
            firstStarted();
            await firstHeld;
          }
          delivered.push(...events);
        },
        {
          name: 'test-relay-stop-flush',
          leaderConnection: { connectionString: database.url },
          logger: silent,
          pollIntervalMs: 60_000,
        },
      );
      await append('before-stop', 0, 1);
      stopping.start();
      await publishing;
      // Committed while the first batch is still going out; then the shutdown begins.
      await append('during-stop', 0, 1);
      const stopped = stopping.stop();
      releaseFirst();
      await stopped;
      expect(delivered.map((e) => e.streamId)).toEqual(expect.arrayContaining(['before-stop', 'during-stop']));
      expect(await stopping.lag()).toEqual({ events: 0, oldestSeconds: 0 });
    });

    it('is woken by an append of its own process, and retries a failed publish without losing the batch', async () => {
      const delivered: RecordedEvent[] = [];
      let failNext = true;
      const running = new EventRelay(
        pool,
        async (events) => {
          if (failNext) {
            failNext = false;
            throw new Error('broker unavailable');
          }
          delivered.push(...events);
        },
        {
          name: 'test-relay-running',
          leaderConnection: { connectionString: database.url },
          logger: silent,
          pollIntervalMs: 60_000,
        },
      );
      const sameProcess = new PostgresEventStore(
        pool,
        alsoOnAppended(noObserver, () => running.appended()),
      );
      running.start();
      try {
        // Other suites' transactions anywhere in the cluster can hold pg_snapshot_xmin back for a while under CI.
        await waitFor(() => delivered.length > 0, 45_000);
        const before = delivered.length;
        await appendTo(sameProcess, 'appended-here', 0, 1);
        // The poll interval is a minute: only the wake-up by the append can deliver this within the wait.
        await waitFor(() => delivered.some((e) => e.streamId === 'appended-here'), 45_000);
        expect(delivered.length).toBe(before + 1);
      } finally {
        await running.stop();
      }
    }, 120_000);

    it('finds what other processes append by its short poll, and appending takes no notification lock', async () => {
      const delivered: RecordedEvent[] = [];
      const running = new EventRelay(pool, async (events) => void delivered.push(...events), {
        name: 'test-relay-polling',
        leaderConnection: { connectionString: database.url },
        logger: silent,
      });
      running.start();
      try {
        await append('appended-elsewhere', 0, 1);
        await waitFor(() => delivered.some((e) => e.streamId === 'appended-elsewhere'), 5_000);
        const { rows } = await pool.query(
          `SELECT tgname FROM pg_trigger WHERE tgrelid = 'events'::regclass AND NOT tgisinternal ORDER BY tgname`,
        );
        expect(rows.map((r) => r.tgname)).toEqual(['events_append_only']);
      } finally {
        await running.stop();
      }
    });

    it('looks again soon while a transaction elsewhere holds an appended event back, instead of at the next poll', async () => {
      const delivered: RecordedEvent[] = [];
      const running = new EventRelay(pool, async (events) => void delivered.push(...events), {
        name: 'test-relay-held-back',
        leaderConnection: { connectionString: database.url },
        logger: silent,
        pollIntervalMs: 60_000,
      });
      const sameProcess = new PostgresEventStore(
        pool,
        alsoOnAppended(noObserver, () => running.appended()),
      );
      const blocker = await pool.connect();
      running.start();
      try {
        await appendTo(sameProcess, 'before-blocker', 0, 1);
        await waitFor(() => delivered.some((e) => e.streamId === 'before-blocker'));
        // An open transaction with an xid keeps pg_snapshot_xmin below everything committed after it.
        await blocker.query('BEGIN');
        await blocker.query('SELECT pg_current_xact_id()');
        await appendTo(sameProcess, 'held-back', 0, 1);
        await new Promise((resolve) => setTimeout(resolve, 300));
        expect(delivered.some((e) => e.streamId === 'held-back')).toBe(false);
        await blocker.query('COMMIT');
        // The append's wake-up came while the event was held back; the next poll is a minute away.
        await waitFor(() => delivered.some((e) => e.streamId === 'held-back'), 10_000);
      } finally {
        await blocker.query('ROLLBACK').catch(() => undefined);
        blocker.release();
        await running.stop();
      }
    });
  });
});

async function publishUntil(relay: EventRelay, done: () => boolean): Promise<void> {
  const deadline = Date.now() + 15_000;
  while (!done()) {
    if (Date.now() > deadline) throw new Error('relay did not publish in time');
    await relay.publishPending();
    if (!done()) await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/** Publishes until nothing is left; a parallel spec's open transaction can hold the relay back a moment. */
async function drain(relay: EventRelay): Promise<void> {
  const deadline = Date.now() + 15_000;
  while ((await relay.lag()).events > 0) {
    if (Date.now() > deadline) throw new Error('relay did not catch up in time');
    await relay.publishPending();
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

async function waitFor(condition: () => boolean, timeoutMs = 15_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}
