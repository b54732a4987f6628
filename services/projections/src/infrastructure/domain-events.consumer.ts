import { BeforeApplicationShutdown, Inject, Injectable, OnApplicationBootstrap } from '@nestjs/common';
import { EventEnvelope, namespacedTopic } from '@cx/contracts';
import { IdempotentConsumer } from '@cx/messaging';
import {
  KAFKA,
  LOGGER,
  PG_POOL,
  runWithCorrelationId,
  SERVICE_CONFIG,
  ServiceConfig,
  ServiceMetrics,
} from '@cx/platform';
import type { Kafka } from 'kafkajs';
import type { Pool, PoolClient } from 'pg';
import type { Logger } from 'pino';
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

/** Consumes the domain topics into the reporting schema; started with the app, stopped before the pool closes. */
@Injectable()
export class DomainEventsConsumer implements OnApplicationBootstrap, BeforeApplicationShutdown {
  readonly consumer: IdempotentConsumer;

  constructor(
    @Inject(KAFKA) kafka: Kafka,
    @Inject(PG_POOL) pool: Pool,
    @Inject(SERVICE_CONFIG) config: ServiceConfig,
    @Inject(LOGGER) logger: Logger,
    metrics: ServiceMetrics,
  ) {
    const ns = config.topicNamespace;
    const groupId = ns ? `${ns}.${PROJECTIONS_CONSUMER_GROUP}` : PROJECTIONS_CONSUMER_GROUP;
    this.consumer = new IdempotentConsumer(kafka, pool, {
      groupId,
      topics: [...new Set(projections.flatMap((p) => p.topics))].map((topic) => namespacedTopic(topic, ns)),
      apply: applyToReadModels,
      applyMany: applyChunkToReadModels,
      logger,
      runInCorrelation: runWithCorrelationId,
      eventsPerTransaction: config.consumerEventsPerTransaction,
    });
    metrics.trackConsumer(this.consumer);
  }

  async onApplicationBootstrap(): Promise<void> {
    await this.consumer.start();
  }

  async beforeApplicationShutdown(): Promise<void> {
    await this.consumer.stop();
  }
}
