import { Injectable } from '@nestjs/common';
import type { EventEnvelope } from '@cx/contracts';
import { ConsumerRuntime, ServiceConsumerGroup } from '@cx/platform';
import type { PoolClient } from 'pg';
import { applyInOrder } from '../projections/projection';
import { projections } from '../projections/projections';

export const PROJECTIONS_CONSUMER_GROUP = 'projections';

/** Applies one event to every read model, inside the consumer's transaction: all of them or none. */
async function applyToReadModels(event: EventEnvelope, tx: PoolClient): Promise<void> {
  for (const projection of projections) await projection.apply(event, tx, projection.tables);
}

/** The same for a chunk's events; each read model writes only its own tables, so one may take them before the next. */
async function applyChunkToReadModels(events: readonly EventEnvelope[], tx: PoolClient): Promise<void> {
  for (const projection of projections) await applyInOrder(projection, events, tx, projection.tables);
}

/** Consumes the domain topics into the reporting schema. */
@Injectable()
export class DomainEventsConsumer extends ServiceConsumerGroup {
  constructor(runtime: ConsumerRuntime) {
    super(runtime, {
      group: PROJECTIONS_CONSUMER_GROUP,
      topics: [...new Set(projections.flatMap((p) => p.topics))],
      apply: applyToReadModels,
      applyMany: applyChunkToReadModels,
    });
  }
}
