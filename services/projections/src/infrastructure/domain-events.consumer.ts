import { BeforeApplicationShutdown, Inject, Injectable, OnApplicationBootstrap } from '@nestjs/common';
import { EventEnvelope, namespacedTopic, Topics } from '@cx/contracts';
import { IdempotentConsumer } from '@cx/messaging';
import { KAFKA, LOGGER, PG_POOL, SERVICE_CONFIG, ServiceConfig, ServiceMetrics } from '@cx/platform';
import type { Kafka } from 'kafkajs';
import type { Pool, PoolClient } from 'pg';
import type { Logger } from 'pino';
import { evolveComplaintEscalation } from '../projections/ceo-escalations/ceo-escalations.projection';
import {
  complaintEscalationStore,
  recordFilingAndFindRepeat,
} from '../projections/ceo-escalations/ceo-escalations.store';
import type { ComplaintFiledV1 } from '@cx/contracts';

export const PROJECTIONS_CONSUMER_GROUP = 'projections';

/** Applies one event to every read model that needs it, inside the consumer's transaction. */
async function applyToReadModels(event: EventEnvelope, tx: PoolClient): Promise<void> {
  if (event.streamType === 'Complaint') {
    const row = await complaintEscalationStore.load(tx, event.streamId);
    const repeatComplaint =
      event.type === 'ComplaintFiled' && row === null
        ? await recordFilingAndFindRepeat(tx, event.data as ComplaintFiledV1)
        : false;
    const next = evolveComplaintEscalation(row, event, { repeatComplaint });
    if (next && next !== row) await complaintEscalationStore.save(tx, next);
  }
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
      topics: [namespacedTopic(Topics.complaints, ns)],
      apply: applyToReadModels,
      logger,
    });
    metrics.trackConsumer(groupId, this.consumer.stats);
  }

  async onApplicationBootstrap(): Promise<void> {
    await this.consumer.start();
  }

  async beforeApplicationShutdown(): Promise<void> {
    await this.consumer.stop();
  }
}
