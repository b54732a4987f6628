import { Client, ClientConfig, Pool } from 'pg';
import { EVENT_COLUMNS, EventRow, RecordedEvent, toRecordedEvent } from './recorded-event';

export type PublishBatch = (events: readonly RecordedEvent[]) => Promise<void>;

export interface RelayLogger {
  info(obj: object, msg: string): void;
  warn(obj: object, msg: string): void;
  error(obj: object, msg: string): void;
}

export interface EventRelayOptions {
  /** Names the checkpoint and the advisory lock: one active relay per name and database. */
  name: string;
  /** Connection for the leader lock; must be a dedicated session, not a pooled one. */
  leaderConnection: ClientConfig;
  batchSize?: number;
  /**
   * How often it looks for events committed by other processes on the same database (another instance of the
   * service, a script): 50 ms. Appends of its own process wake it at once (`appended`).
   */
  pollIntervalMs?: number;
  logger: RelayLogger;
}

export interface RelayLag {
  events: number;
  oldestSeconds: number;
}

interface Checkpoint {
  transactionId: string;
  position: string;
}

const FLUSH_TIMEOUT_MS = 5_000;
/**
 * How soon to look again when committed events are held back by a transaction still in flight elsewhere in the
 * cluster: the wake-up of their append has come and gone, and the poll would add up to a whole interval of lag.
 */
const HELD_BACK_RETRY_MS = 25;
/** A standby asks for the leader lock this often (a session each time), not at the leader's poll interval. */
const STANDBY_RETRY_MS = 1_000;

/**
 * The next committed events past the checkpoint, below the oldest transaction in flight. Qualified: a bare
 * `transaction_id` in ORDER BY would name EVENT_COLUMNS' text alias and sort xids as text ('1000' before '999'):
 * events out of order, and past LIMIT an older transaction skipped for good. Named, so it is planned once per
 * pooled connection.
 */
/** Committed events past the checkpoint that the next batch cannot take yet (their transaction is not below xmin). */
const HELD_BACK = {
  name: 'cx-relay-held-back',
  text: `SELECT EXISTS (SELECT 1 FROM events WHERE (transaction_id, position) > ($1::xid8, $2::bigint)) AS held`,
};

const NEXT_BATCH = {
  name: 'cx-relay-next-batch',
  text: `SELECT ${EVENT_COLUMNS} FROM events
          WHERE (transaction_id, position) > ($1::xid8, $2::bigint)
            AND transaction_id < pg_snapshot_xmin(pg_current_snapshot())
          ORDER BY events.transaction_id, events.position
          LIMIT $3`,
};

/**
 * Publishes committed events in commit-safe order and checkpoints what it published.
 *
 * Positions come from a sequence and are taken before commit, so reading "position > checkpoint" could skip
 * an event whose transaction commits late. The relay instead reads only rows whose writing transaction is
 * below the oldest transaction still in flight (`pg_snapshot_xmin`): that set never grows again, so ordering
 * it by (transaction id, position) and checkpointing the pair never skips anything.
 * A crash between publish and checkpoint republishes the batch; consumers dedupe by event id.
 */
export class EventRelay {
  private leaderSession?: Client;
  private checkpoint?: Checkpoint;
  private running = false;
  private loop?: Promise<void>;
  private wake?: () => void;
  /** Set by an append that committed while a batch was in flight, so it is not slept through. */
  private appendedMeanwhile = false;
  private readonly batchSize: number;
  private readonly pollIntervalMs: number;

  constructor(
    private readonly pool: Pool,
    private readonly publish: PublishBatch,
    private readonly options: EventRelayOptions,
  ) {
    this.batchSize = options.batchSize ?? 500;
    this.pollIntervalMs = options.pollIntervalMs ?? 50;
  }

  /** Events were committed in this process: publish now rather than at the next poll (a standby waits). */
  appended(): void {
    if (!this.leaderSession) return;
    this.appendedMeanwhile = true;
    this.wake?.();
  }

  start(): void {
    if (this.running) return;
    this.running = true;
    this.loop = this.run();
  }

  /** Stops the loop; as leader it first publishes what is committed, so a graceful shutdown leaves nothing behind. */
  async stop(): Promise<void> {
    this.running = false;
    this.wake?.();
    await this.loop;
    if (this.leaderSession) {
      // A broker that does not answer must not hold the shutdown: what is left goes out on the next start.
      let timer: NodeJS.Timeout | undefined;
      const deadline = new Promise<void>((resolve) => (timer = setTimeout(resolve, FLUSH_TIMEOUT_MS)));
      const flushed = this.flush().catch((error: unknown) =>
        this.options.logger.error({ err: error, relay: this.options.name }, 'final relay flush failed'),
      );
      await Promise.race([flushed, deadline]);
      clearTimeout(timer);
    }
    await this.closeLeaderSession();
  }

  /**
   * Publishes until nothing committed is left. A transaction still in flight anywhere in the cluster holds
   * later events back (pg_snapshot_xmin), so it waits for that, within the flush deadline.
   */
  private async flush(): Promise<void> {
    const deadline = Date.now() + FLUSH_TIMEOUT_MS;
    for (;;) {
      await this.publishPending();
      const { events } = await this.lag();
      if (events === 0) return;
      if (Date.now() > deadline) {
        this.options.logger.warn({ relay: this.options.name, events }, 'events left unpublished at stop');
        return;
      }
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  }

  /**
   * What is committed but not yet published (past the checkpoint, in this database): how many events, and how
   * long the oldest of them has waited.
   */
  async lag(): Promise<RelayLag> {
    const { rows } = await this.pool.query<{ events: string; oldest_seconds: number }>(
      `SELECT count(*) AS events,
              coalesce(extract(epoch FROM clock_timestamp() - min(e.recorded_at)), 0)::float8 AS oldest_seconds
         FROM events e
        WHERE (e.transaction_id, e.position) > (
          coalesce((SELECT transaction_id FROM relay_checkpoints WHERE name = $1), '0'::xid8),
          coalesce((SELECT position FROM relay_checkpoints WHERE name = $1), 0))`,
      [this.options.name],
    );
    return { events: Number(rows[0].events), oldestSeconds: rows[0].oldest_seconds };
  }

  /** Publishes everything safe to publish now; returns how many events went out. */
  async publishPending(): Promise<number> {
    let total = 0;
    for (;;) {
      const published = await this.publishNextBatch();
      total += published;
      if (published < this.batchSize) return total;
    }
  }

  private async run(): Promise<void> {
    let failures = 0;
    while (this.running) {
      let heldBack = false;
      try {
        if (!this.leaderSession) await this.becomeLeader();
        this.appendedMeanwhile = false;
        if (this.leaderSession) {
          await this.publishPending();
          // An append meanwhile means another pass at once: whether anything is held back matters only to a wait.
          heldBack = !this.appendedMeanwhile && (await this.hasHeldBackEvents());
        }
        failures = 0;
      } catch (error) {
        failures++;
        this.options.logger.error({ err: error, relay: this.options.name, failures }, 'event relay failed; retrying');
        await this.closeLeaderSession();
      }
      const backoff =
        failures > 0
          ? Math.min(200 * 2 ** failures, 10_000)
          : !this.leaderSession
            ? STANDBY_RETRY_MS
            : heldBack
              ? HELD_BACK_RETRY_MS
              : this.pollIntervalMs;
      if (!this.appendedMeanwhile || failures > 0) await this.sleepUntilWoken(backoff);
    }
  }

  private async becomeLeader(): Promise<void> {
    const client = new Client(this.options.leaderConnection);
    client.on('error', (error) => {
      // A dead connection may report more than once, possibly after a new leader session exists: only the current
      // session's loss matters, or the relay would drop its own new session and wait behind its lock.
      if (this.leaderSession !== client) return;
      this.options.logger.warn({ err: error, relay: this.options.name }, 'relay leader session lost');
      this.leaderSession = undefined;
      void client.end().catch(() => undefined);
      this.wake?.();
    });
    await client.connect();
    const { rows } = await client.query<{ locked: boolean }>('SELECT pg_try_advisory_lock(hashtext($1)) AS locked', [
      `event-relay:${this.options.name}`,
    ]);
    if (!rows[0].locked) {
      // Another instance relays this database; stay on standby and try again on the next tick.
      await client.end();
      return;
    }
    this.leaderSession = client;
    this.checkpoint = undefined;
    this.options.logger.info({ relay: this.options.name }, 'event relay active');
  }

  private async publishNextBatch(): Promise<number> {
    const checkpoint = this.checkpoint ?? (await this.loadCheckpoint());
    const { rows } = await this.pool.query<EventRow>({
      ...NEXT_BATCH,
      values: [checkpoint.transactionId, checkpoint.position, this.batchSize],
    });
    if (rows.length === 0) return 0;
    const events = rows.map(toRecordedEvent);
    await this.publish(events);
    const last = events[events.length - 1];
    const next = { transactionId: last.transactionId, position: last.position };
    await this.pool.query(
      `INSERT INTO relay_checkpoints (name, transaction_id, position, updated_at) VALUES ($1, $2::xid8, $3, now())
       ON CONFLICT (name) DO UPDATE SET transaction_id = EXCLUDED.transaction_id, position = EXCLUDED.position,
         updated_at = EXCLUDED.updated_at`,
      [this.options.name, next.transactionId, next.position],
    );
    this.checkpoint = next;
    return events.length;
  }

  private async hasHeldBackEvents(): Promise<boolean> {
    const checkpoint = this.checkpoint ?? (await this.loadCheckpoint());
    const { rows } = await this.pool.query<{ held: boolean }>({
      ...HELD_BACK,
      values: [checkpoint.transactionId, checkpoint.position],
    });
    return rows[0].held;
  }

  private async loadCheckpoint(): Promise<Checkpoint> {
    const { rows } = await this.pool.query<{ transaction_id: string; position: string }>(
      'SELECT transaction_id::text AS transaction_id, position::text AS position FROM relay_checkpoints WHERE name = $1',
      [this.options.name],
    );
    this.checkpoint = rows[0]
      ? { transactionId: rows[0].transaction_id, position: rows[0].position }
      : { transactionId: '0', position: '0' };
    return this.checkpoint;
  }

  private sleepUntilWoken(ms: number): Promise<void> {
    return new Promise((resolve) => {
      const timer = setTimeout(done, ms);
      function done() {
        clearTimeout(timer);
        resolve();
      }
      this.wake = () => {
        this.wake = undefined;
        done();
      };
    });
  }

  private async closeLeaderSession(): Promise<void> {
    const session = this.leaderSession;
    this.leaderSession = undefined;
    await session?.end().catch(() => undefined);
  }
}
