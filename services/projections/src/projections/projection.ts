import type { EventEnvelope } from '@cx/contracts';
import type { PoolClient } from 'pg';

/**
 * A read model built from the domain topics. It names the tables it writes (schema-qualified) so that a
 * rebuild can fill fresh copies of them and swap them in; `apply` must be idempotent, as events may come twice.
 */
export interface Projection<Tables extends object = object> {
  readonly name: string;
  readonly topics: readonly string[];
  readonly tables: Tables;
  apply(event: EventEnvelope, tx: PoolClient, tables: Tables): Promise<void>;
}
