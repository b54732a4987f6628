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
 * Inserts the events of several appends, each only if its stream is at the version it expects: a stream that is
 * not gets no rows, and its append fails alone. Named, so each pooled connection parses and plans it once.
 */
const APPEND_EVENTS = {
  name: 'cx-events-append-many',
  text: `WITH input AS (
           SELECT * FROM unnest($1::text[], $2::text[], $3::int[], $4::jsonb[], $5::int[],
                                $6::uuid[], $7::text[], $8::int[], $9::jsonb[]) WITH ORDINALITY
             AS e(stream_id, stream_type, expected_version, metadata, nth, event_id, type, schema_version, data, ord)),
         current AS (
           SELECT s.stream_id,
                  (SELECT coalesce(max(stream_version), 0) FROM events WHERE stream_id = s.stream_id) AS version
             FROM (SELECT DISTINCT stream_id FROM input) s)
         INSERT INTO events (event_id, stream_id, stream_type, stream_version, type, schema_version, data, metadata)
         SELECT i.event_id, i.stream_id, i.stream_type, i.expected_version + i.nth, i.type, i.schema_version, i.data,
                i.metadata
           FROM input i JOIN current c USING (stream_id)
          WHERE c.version = i.expected_version
          ORDER BY i.ord
         RETURNING ${EVENT_COLUMNS}`,
};

export interface PostgresEventStoreOptions {
  /**
   * Appends written at once, each group in one transaction on its own connection (4). Appends that arrive while
   * that many are being written wait and then go together: one events INSERT and one commit for the group.
   */
  concurrentAppendGroups?: number;
  /** At most this many appends in one group (100). */
  appendsPerGroup?: number;
}

interface WaitingAppend {
  request: AppendRequest;
  resolve: (result: AppendResult) => void;
  reject: (error: unknown) => void;
}

/** The whole group's transaction failed; what it means for each append is found out by writing each alone. */
class GroupFailed extends Error {}

/** The append-only event log of one service database (ARCHITECTURE.md, "Event store rules"). */
export class PostgresEventStore {
  private readonly waiting: WaitingAppend[] = [];
  private groupsInFlight = 0;
  private readonly concurrentAppendGroups: number;
  private readonly appendsPerGroup: number;

  constructor(
    private readonly pool: Pool,
    readonly observer: EventStoreObserver = noObserver,
    options: PostgresEventStoreOptions = {},
  ) {
    this.concurrentAppendGroups = options.concurrentAppendGroups ?? 4;
    this.appendsPerGroup = options.appendsPerGroup ?? 100;
  }

  async append(request: AppendRequest): Promise<AppendResult> {
    if (request.events.length === 0) throw new Error('append needs at least one event');
    if (request.idempotency) {
      const replay = await this.findReplay(request.idempotency);
      if (replay) return replay;
    }
    return new Promise((resolve, reject) => {
      this.waiting.push({ request, resolve, reject });
      this.startGroups();
    });
  }

  /**
   * Group commit: each round trip to the database costs far more than the work it carries, so appends that wait
   * share them. A stream appears once per group: a second append to it waits for the next group.
   */
  private startGroups(): void {
    while (this.groupsInFlight < this.concurrentAppendGroups && this.waiting.length > 0) {
      const streams = new Set<string>();
      const group: WaitingAppend[] = [];
      const later: WaitingAppend[] = [];
      for (const waiting of this.waiting) {
        if (group.length < this.appendsPerGroup && !streams.has(waiting.request.streamId)) {
          streams.add(waiting.request.streamId);
          group.push(waiting);
        } else later.push(waiting);
      }
      this.waiting.splice(0, this.waiting.length, ...later);
      this.groupsInFlight += 1;
      void this.writeGroup(group).finally(() => {
        this.groupsInFlight -= 1;
        this.startGroups();
      });
    }
  }

  private async writeGroup(group: readonly WaitingAppend[]): Promise<void> {
    if (group.length === 1) return settle(group[0], () => this.writeAlone(group[0].request));
    let outcomes: (AppendResult | StreamVersionConflict)[];
    try {
      outcomes = await this.write(group.map((g) => g.request));
    } catch (error) {
      if (!(error instanceof GroupFailed)) {
        for (const g of group) g.reject(error);
        return;
      }
      // One append's refusal (a key used twice, a failing write of its own) must not fail the others.
      await Promise.all(group.map((g) => settle(g, () => this.writeAlone(g.request))));
      return;
    }
    group.forEach((g, i) => {
      const outcome = outcomes[i];
      if (outcome instanceof StreamVersionConflict) g.reject(outcome);
      else g.resolve(outcome);
    });
  }

  /** One append in its own transaction, its failures told apart as the caller needs them. */
  private async writeAlone(request: AppendRequest): Promise<AppendResult> {
    try {
      const [outcome] = await this.write([request]);
      if (outcome instanceof StreamVersionConflict) throw outcome;
      return outcome;
    } catch (error) {
      const cause = error instanceof GroupFailed ? error.cause : error;
      if (isUniqueViolation(cause, 'events_stream_version_key')) {
        throw new StreamVersionConflict(request.streamId, request.expectedVersion);
      }
      if (request.idempotency && isUniqueViolation(cause, 'idempotency_keys_pkey')) {
        const replay = await this.findReplay(request.idempotency);
        if (replay) return replay;
      }
      throw cause;
    }
  }

  /**
   * Writes appends to distinct streams in one transaction: their events in one statement (the transaction's first
   * write: that is when it gets its xid, and the relay orders by xid, so a later writer to the same stream always
   * has a larger xid than an earlier one), then the idempotency keys, then each append's own writes. An append
   * whose stream moved on gets a conflict and writes nothing; any other failure fails the group (GroupFailed,
   * rolled back), except at COMMIT, whose failure is passed on as it is: the outcome may not be known.
   */
  private async write(requests: readonly AppendRequest[]): Promise<(AppendResult | StreamVersionConflict)[]> {
    // One statement is atomic on its own: appends without keys or writes of their own need no transaction.
    const needsTransaction = requests.some((r) => r.idempotency !== undefined || r.alsoInTransaction !== undefined);
    const client = await this.pool.connect();
    let outcomes: (AppendResult | StreamVersionConflict)[];
    try {
      try {
        if (needsTransaction) await client.query('BEGIN');
        outcomes = await this.insertEvents(client, requests);
        const appended = requests.filter((_, i) => !(outcomes[i] instanceof StreamVersionConflict));
        await this.rememberIdempotencyKeys(
          client,
          appended,
          outcomes.filter((o): o is AppendResult => !(o instanceof StreamVersionConflict)),
        );
        for (const request of appended) await request.alsoInTransaction?.(client);
      } catch (error) {
        if (needsTransaction) await client.query('ROLLBACK').catch(() => undefined);
        throw new GroupFailed('append failed', { cause: error });
      }
      if (needsTransaction) await client.query('COMMIT');
    } finally {
      client.release();
    }
    requests.forEach((request, i) => {
      const outcome = outcomes[i];
      if (!(outcome instanceof StreamVersionConflict)) this.observer.appended(request.streamType, outcome.events);
    });
    return outcomes;
  }

  async readStream(streamId: string): Promise<RecordedEvent[]> {
    const { rows } = await this.pool.query<EventRow>(
      `SELECT ${EVENT_COLUMNS} FROM events WHERE stream_id = $1 ORDER BY stream_version`,
      [streamId],
    );
    return rows.map(toRecordedEvent);
  }

  /**
   * A concurrent writer that gets there first makes the insert find another version (no rows for that stream: a
   * typed conflict), or hit the unique (stream_id, stream_version) constraint (the statement fails).
   */
  private async insertEvents(
    client: PoolClient,
    requests: readonly AppendRequest[],
  ): Promise<(AppendResult | StreamVersionConflict)[]> {
    const each = <T>(value: (request: AppendRequest, event: NewEvent, nth: number) => T) =>
      requests.flatMap((request) => request.events.map((event, i) => value(request, event, i + 1)));
    const { rows } = await client.query<EventRow>({
      ...APPEND_EVENTS,
      values: [
        each((r) => r.streamId),
        each((r) => r.streamType),
        each((r) => r.expectedVersion),
        each((r) => JSON.stringify(r.metadata)),
        each((_, __, nth) => nth),
        each(() => randomUUID()),
        each((_, e) => e.type),
        each((_, e) => e.schemaVersion),
        each((_, e) => JSON.stringify(e.data)),
      ],
    });
    const byStream = new Map<string, RecordedEvent[]>();
    for (const row of rows) {
      const event = toRecordedEvent(row);
      byStream.set(event.streamId, [...(byStream.get(event.streamId) ?? []), event]);
    }
    return requests.map((request) => {
      const events = byStream.get(request.streamId)?.sort((a, b) => a.streamVersion - b.streamVersion);
      if (!events) return new StreamVersionConflict(request.streamId, request.expectedVersion);
      return {
        streamId: request.streamId,
        streamVersion: events[events.length - 1].streamVersion,
        events,
        replayed: false,
      };
    });
  }

  private async rememberIdempotencyKeys(
    client: PoolClient,
    requests: readonly AppendRequest[],
    results: readonly AppendResult[],
  ): Promise<void> {
    const keyed = requests.flatMap((request, i) =>
      request.idempotency ? [{ ...request.idempotency, result: results[i] }] : [],
    );
    if (keyed.length === 0) return;
    await client.query(
      `INSERT INTO idempotency_keys (scope, key, fingerprint, stream_id, stream_version, event_ids)
       SELECT k.scope, k.key, k.fingerprint, k.stream_id, k.stream_version, ARRAY(SELECT jsonb_array_elements_text(k.event_ids)::uuid)
         FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::int[], $6::jsonb[])
           AS k(scope, key, fingerprint, stream_id, stream_version, event_ids)`,
      [
        keyed.map((k) => k.scope),
        keyed.map((k) => k.key),
        keyed.map((k) => k.fingerprint),
        keyed.map((k) => k.result.streamId),
        keyed.map((k) => k.result.streamVersion),
        keyed.map((k) => JSON.stringify(k.result.events.map((e) => e.eventId))),
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

async function settle(waiting: WaitingAppend, write: () => Promise<AppendResult>): Promise<void> {
  try {
    waiting.resolve(await write());
  } catch (error) {
    waiting.reject(error);
  }
}

function isUniqueViolation(error: unknown, constraint: string): boolean {
  const pgError = error as { code?: string; constraint?: string };
  return pgError?.code === UNIQUE_VIOLATION && pgError.constraint === constraint;
}
