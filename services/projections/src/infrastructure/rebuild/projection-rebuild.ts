import { EventEnvelope, EventValidator } from '@cx/contracts';
import { DomainError } from '@cx/domain';
import { randomUUID } from 'node:crypto';
import type { EachBatchPayload, Kafka, KafkaMessage } from 'kafkajs';
import type { Pool, PoolClient } from 'pg';
import { applyInOrder, Projection } from '../../projections/projection';

export interface RebuildProgress {
  done: number;
  total: number;
}

export interface RebuildOptions {
  pool: Pool;
  kafka: Kafka;
  projection: Projection;
  /** The topics as named on the broker (namespaced in tests). */
  topics: readonly string[];
  onProgress?: (progress: RebuildProgress) => void;
}

export interface RebuildResult {
  applied: number;
  /** Messages that are not valid events; the live consumer dead-letters them, the rebuild passes over them. */
  skipped: number;
  tables: string[];
}

type Targets = Map<string, number>;
const key = (topic: string, partition: number) => `${topic}:${partition}`;

/**
 * Rebuilds one projection from the beginning of its topics into fresh copies of its tables, then swaps them in:
 * 1. fresh tables `<table>_rebuild` shaped like the live ones;
 * 2. every event up to the topics' current ends applied to them, batch by batch (several partitions at once where
 *    the projection allows it);
 * 3. the live tables locked against writes (readers go on), the events that arrived meanwhile applied too,
 *    the fresh tables renamed into place with their views and index names, the old ones dropped: one commit.
 * The live consumer waits on the lock and then writes to the new tables; what it applies twice changes nothing.
 */
export async function rebuildProjection(options: RebuildOptions): Promise<RebuildResult> {
  const { pool, projection } = options;
  const guard = await pool.connect();
  try {
    const { rows } = await guard.query<{ locked: boolean }>('SELECT pg_try_advisory_lock(hashtext($1)) AS locked', [
      `projection-rebuild:${projection.name}`,
    ]);
    if (!rows[0].locked) throw new ProjectionRebuildRunning(projection.name);
    try {
      return await rebuildUnderLock(options);
    } finally {
      await guard.query('SELECT pg_advisory_unlock(hashtext($1))', [`projection-rebuild:${projection.name}`]);
    }
  } finally {
    guard.release();
  }
}

/** One rebuild of a projection at a time, across processes (the CLI and the operator route). */
export class ProjectionRebuildRunning extends DomainError {
  readonly code = 'PROJECTION.REBUILD_RUNNING';
  readonly kind = 'invalid_state';

  constructor(projection: string) {
    super(`A rebuild of ${projection} is running; try again when it is done.`, { projection });
  }
}

async function rebuildUnderLock(options: RebuildOptions): Promise<RebuildResult> {
  const { pool, kafka, projection } = options;
  const live = Object.values(projection.tables) as string[];
  const fresh = Object.fromEntries(
    Object.entries(projection.tables).map(([role, table]) => [role, `${table}_rebuild`]),
  ) as typeof projection.tables;
  for (const table of live) {
    await pool.query(`DROP TABLE IF EXISTS ${table}_rebuild`);
    await pool.query(`CREATE TABLE ${table}_rebuild (LIKE ${table} INCLUDING ALL)`);
  }

  const admin = kafka.admin();
  await admin.connect();
  const groupId = `projections-rebuild.${projection.name}.${randomUUID()}`;
  const consumer = kafka.consumer({ groupId, allowAutoTopicCreation: false });
  const validator = new EventValidator();
  const result: RebuildResult = { applied: 0, skipped: 0, tables: live };
  const reached = new Map<string, number>();
  let targets: Targets = await endOffsets(admin, options.topics);
  let onCaughtUp: (() => void) | null = null;
  let onCrash: ((error: Error) => void) | null = null;
  consumer.on(consumer.events.CRASH, ({ payload }) => onCrash?.(payload.error));
  const untilCaughtUp = () =>
    new Promise<void>((resolve, reject) => {
      onCrash = reject;
      if (caughtUp()) return resolve();
      onCaughtUp = resolve;
    });
  const caughtUp = () => [...targets].every(([k, end]) => (reached.get(k) ?? -1) >= end - 1);
  const progress = () => {
    const total = [...targets.values()].reduce((sum, end) => sum + end, 0);
    const done = [...targets.keys()].reduce((sum, k) => sum + Math.min((reached.get(k) ?? -1) + 1, targets.get(k)!), 0);
    options.onProgress?.({ done, total });
  };

  const applyBatch = async ({ batch, resolveOffset, heartbeat }: EachBatchPayload) => {
    const client = await pool.connect();
    try {
      await client.query('BEGIN');
      const events = validEvents(batch.messages, validator, result);
      await applyInOrder(projection, events, client, fresh);
      result.applied += events.length;
      await client.query('COMMIT');
    } catch (error) {
      await client.query('ROLLBACK');
      throw error;
    } finally {
      client.release();
    }
    const last = batch.messages.at(-1);
    if (last) {
      resolveOffset(last.offset);
      reached.set(key(batch.topic, batch.partition), Number(last.offset));
    }
    await heartbeat();
    progress();
    if (caughtUp()) onCaughtUp?.();
  };

  try {
    await consumer.connect();
    for (const topic of options.topics) await consumer.subscribe({ topic, fromBeginning: true });
    progress();
    const firstPass = untilCaughtUp();
    await consumer.run({
      autoCommit: false,
      partitionsConsumedConcurrently: projection.partitionsAtOnce ?? 1,
      eachBatch: applyBatch,
    });
    await firstPass;

    const swap = await pool.connect();
    try {
      await swap.query('BEGIN');
      await swap.query(`LOCK TABLE ${live.join(', ')} IN EXCLUSIVE MODE`);
      targets = await endOffsets(admin, options.topics);
      await untilCaughtUp();
      await consumer.stop();
      await swapIn(swap, live);
      await swap.query('COMMIT');
    } catch (error) {
      await swap.query('ROLLBACK');
      throw error;
    } finally {
      swap.release();
    }
    return result;
  } finally {
    await consumer.disconnect();
    await admin.deleteGroups([groupId]).catch(() => undefined);
    await admin.disconnect();
    for (const table of live) await pool.query(`DROP TABLE IF EXISTS ${table}_rebuild`);
  }
}

/** The batch's events in offset order; messages that are not valid events are counted as skipped. */
function validEvents(
  messages: readonly KafkaMessage[],
  validator: EventValidator,
  result: RebuildResult,
): EventEnvelope[] {
  const events: EventEnvelope[] = [];
  for (const message of messages) {
    let parsed: unknown;
    try {
      parsed = JSON.parse(message.value?.toString('utf8') ?? '');
    } catch {
      result.skipped += 1;
      continue;
    }
    const validation = validator.validate(parsed);
    if (validation.valid) events.push(validation.envelope);
    else result.skipped += 1;
  }
  return events;
}

async function endOffsets(admin: ReturnType<Kafka['admin']>, topics: readonly string[]): Promise<Targets> {
  const targets: Targets = new Map();
  for (const topic of topics) {
    for (const p of await admin.fetchTopicOffsets(topic)) targets.set(key(topic, p.partition), Number(p.high));
  }
  return targets;
}

/**
 * Inside the locking transaction: views are re-created from their own definitions (read before the rename,
 * so they name the live table and bind to the new one), and the new indexes take the old names, so later
 * migrations that name them still work.
 */
async function swapIn(tx: PoolClient, live: readonly string[]): Promise<void> {
  for (const table of live) {
    const [schema, name] = table.split('.');
    const { rows: views } = await tx.query<{ view: string; definition: string }>(
      `SELECT DISTINCT v.oid::regclass::text AS view, pg_get_viewdef(v.oid) AS definition
         FROM pg_depend d JOIN pg_rewrite r ON r.oid = d.objid JOIN pg_class v ON v.oid = r.ev_class
        WHERE d.refobjid = $1::regclass AND v.oid <> $1::regclass`,
      [table],
    );
    const { rows: indexes } = await tx.query<{ name: string; shape: string; rebuilt: boolean }>(
      `SELECT i.relname AS name, x.indrelid = $2::regclass AS rebuilt,
              regexp_replace(pg_get_indexdef(x.indexrelid), '^.* ON \\S+ ', '') AS shape
         FROM pg_index x JOIN pg_class i ON i.oid = x.indexrelid
        WHERE x.indrelid IN ($1::regclass, $2::regclass)`,
      [table, `${table}_rebuild`],
    );
    await tx.query(`ALTER TABLE ${table} RENAME TO ${name}_replaced`);
    await tx.query(`ALTER TABLE ${table}_rebuild RENAME TO ${name}`);
    for (const { view, definition } of views) await tx.query(`CREATE OR REPLACE VIEW ${view} AS ${definition}`);
    await tx.query(`DROP TABLE ${schema}.${name}_replaced`);
    for (const old of indexes.filter((i) => !i.rebuilt)) {
      const replacement = indexes.find((i) => i.rebuilt && i.shape === old.shape);
      if (replacement) await tx.query(`ALTER INDEX ${schema}.${replacement.name} RENAME TO ${old.name}`);
    }
  }
}
