import { randomUUID } from 'node:crypto';
import type { Pool, PoolClient } from 'pg';
import { IdempotencyKeyReused, StreamVersionConflict } from './event-store.errors';
import { EventStoreObserver, noObserver } from './event-store-observer';
import { EVENT_COLUMNS, EventMetadata, EventRow, NewEvent, RecordedEvent, toRecordedEvent } from './recorded-event';

export interface Idempotency {
  /** Names the operation (e.g. `complaints.file`), so one key may be used by different commands. */
  scope: string;
  key: string;
  /** A hash of the request: the same key with a different request is refused, not replayed. */
  fingerprint: string;
}

export interface AppendRequest {
  streamId: string;
  streamType: string;
  /** The version the decision was based on; 0 means the stream must not exist yet. */
  expectedVersion: number;
  events: readonly NewEvent[];
  metadata: EventMetadata;
  idempotency?: Idempotency;
  /** Extra writes that must commit or roll back with the events (e.g. text kept out of events). */
  alsoInTransaction?: (tx: PoolClient) => Promise<void>;
}

export interface AppendResult {
  streamId: string;
  /** The stream's version after the append. */
  streamVersion: number;
  events: RecordedEvent[];
  /** True when an Idempotency-Key was seen before: nothing was appended, the first result is returned. */
  replayed: boolean;
}

const UNIQUE_VIOLATION = '23505';

/**
 * Inserts only if the stream is at the expected version. Named, so each pooled connection parses and plans it
 * once rather than on every append.
 */
const APPEND_EVENTS = {
  name: 'cx-events-append',
  text: `WITH current AS (SELECT coalesce(max(stream_version), 0) AS version FROM events WHERE stream_id = $1)
         INSERT INTO events (event_id, stream_id, stream_type, stream_version, type, schema_version, data, metadata)
         SELECT e.event_id, $1, $2, $3 + e.ordinality, e.type, e.schema_version, e.data, $4
           FROM unnest($5::uuid[], $6::text[], $7::int[], $8::jsonb[]) WITH ORDINALITY
                AS e(event_id, type, schema_version, data, ordinality), current
          WHERE current.version = $3
         RETURNING ${EVENT_COLUMNS}`,
};

/** The append-only event log of one service database (ARCHITECTURE.md, "Event store rules"). */
export class PostgresEventStore {
  constructor(
    private readonly pool: Pool,
    readonly observer: EventStoreObserver = noObserver,
  ) {}

  async append(request: AppendRequest): Promise<AppendResult> {
    if (request.events.length === 0) throw new Error('append needs at least one event');
    if (request.idempotency) {
      const replay = await this.findReplay(request.idempotency);
      if (replay) return replay;
    }
    // One statement is atomic on its own: a plain append needs no explicit transaction (one round trip).
    const needsTransaction = request.idempotency !== undefined || request.alsoInTransaction !== undefined;
    const client = await this.pool.connect();
    try {
      if (needsTransaction) await client.query('BEGIN');
      // The events INSERT must be the transaction's first write: that is when it gets its xid, and the relay
      // orders by xid, so a later writer to the same stream always has a larger xid than an earlier one.
      const events = await this.insertEvents(client, request);
      if (request.idempotency) await this.rememberIdempotencyKey(client, request.idempotency, request.streamId, events);
      if (request.alsoInTransaction) await request.alsoInTransaction(client);
      if (needsTransaction) await client.query('COMMIT');
      this.observer.appended(request.streamType, events);
      return {
        streamId: request.streamId,
        streamVersion: events[events.length - 1].streamVersion,
        events,
        replayed: false,
      };
    } catch (error) {
      if (needsTransaction) await client.query('ROLLBACK').catch(() => undefined);
      if (isUniqueViolation(error, 'events_stream_version_key')) {
        throw new StreamVersionConflict(request.streamId, request.expectedVersion);
      }
      if (request.idempotency && isUniqueViolation(error, 'idempotency_keys_pkey')) {
        const replay = await this.findReplay(request.idempotency);
        if (replay) return replay;
      }
      throw error;
    } finally {
      client.release();
    }
  }

  async readStream(streamId: string): Promise<RecordedEvent[]> {
    const { rows } = await this.pool.query<EventRow>(
      `SELECT ${EVENT_COLUMNS} FROM events WHERE stream_id = $1 ORDER BY stream_version`,
      [streamId],
    );
    return rows.map(toRecordedEvent);
  }

  /**
   * A concurrent writer that gets there first makes the insert find another version, or hit the unique
   * (stream_id, stream_version) constraint. Either way: a typed conflict.
   */
  private async insertEvents(client: PoolClient, request: AppendRequest): Promise<RecordedEvent[]> {
    const { rows } = await client.query<EventRow>({
      ...APPEND_EVENTS,
      values: [
        request.streamId,
        request.streamType,
        request.expectedVersion,
        JSON.stringify(request.metadata),
        request.events.map(() => randomUUID()),
        request.events.map((e) => e.type),
        request.events.map((e) => e.schemaVersion),
        request.events.map((e) => JSON.stringify(e.data)),
      ],
    });
    if (rows.length === 0) throw new StreamVersionConflict(request.streamId, request.expectedVersion);
    return rows.map(toRecordedEvent).sort((a, b) => a.streamVersion - b.streamVersion);
  }

  private async rememberIdempotencyKey(
    client: PoolClient,
    idempotency: Idempotency,
    streamId: string,
    events: RecordedEvent[],
  ): Promise<void> {
    await client.query(
      `INSERT INTO idempotency_keys (scope, key, fingerprint, stream_id, stream_version, event_ids)
       VALUES ($1, $2, $3, $4, $5, $6)`,
      [
        idempotency.scope,
        idempotency.key,
        idempotency.fingerprint,
        streamId,
        events[events.length - 1].streamVersion,
        events.map((e) => e.eventId),
      ],
    );
  }

  /**
   * The first result of an Idempotency-Key seen before (or a typed error for the same key with another request);
   * undefined for a new key. For commands whose decision would differ on a repeat, so they look before deciding.
   */
  async findReplay(idempotency: Idempotency): Promise<AppendResult | undefined> {
    const { rows } = await this.pool.query<{ fingerprint: string; stream_id: string; stream_version: number }>(
      'SELECT fingerprint, stream_id, stream_version FROM idempotency_keys WHERE scope = $1 AND key = $2',
      [idempotency.scope, idempotency.key],
    );
    if (rows.length === 0) return undefined;
    if (rows[0].fingerprint !== idempotency.fingerprint) throw new IdempotencyKeyReused(idempotency.key);
    return { streamId: rows[0].stream_id, streamVersion: rows[0].stream_version, events: [], replayed: true };
  }
}

function isUniqueViolation(error: unknown, constraint: string): boolean {
  const pgError = error as { code?: string; constraint?: string };
  return pgError?.code === UNIQUE_VIOLATION && pgError.constraint === constraint;
}
