import type { EventEnvelope } from '@cx/contracts';
import type { PoolClient } from 'pg';

/**
 * A read model built from the domain topics. It names the tables it writes (schema-qualified) so that a
 * rebuild can fill fresh copies of them and swap them in; `apply` must be idempotent, as events may come twice.
 * `applyMany`, where a projection has it, does to the tables what `apply` would do to each event in turn, with
 * a few statements for the whole run of events instead of a few for each.
 */
export interface Projection<Tables extends object = object> {
  readonly name: string;
  readonly topics: readonly string[];
  readonly tables: Tables;
  apply(event: EventEnvelope, tx: PoolClient, tables: Tables): Promise<void>;
  applyMany?(events: readonly EventEnvelope[], tx: PoolClient, tables: Tables): Promise<void>;
  /**
   * How many partitions a rebuild may apply at once, each in its own transaction; 1 when absent. Only for a
   * projection whose rules across partitions take their own locks (a read-modify-write of a shared row would
   * otherwise lose one of two concurrent updates).
   */
  readonly partitionsAtOnce?: number;
}

/** Applies the events in the order given, together where the projection can. */
export async function applyInOrder<Tables extends object>(
  projection: Projection<Tables>,
  events: readonly EventEnvelope[],
  tx: PoolClient,
  tables: Tables,
): Promise<void> {
  if (projection.applyMany) return projection.applyMany(events, tx, tables);
  for (const event of events) await projection.apply(event, tx, tables);
}
