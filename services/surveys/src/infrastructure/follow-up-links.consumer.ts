import { BeforeApplicationShutdown, Inject, Injectable, OnApplicationBootstrap } from '@nestjs/common';
import { ComplaintFiledV1, EventEnvelope, namespacedTopic, Topics } from '@cx/contracts';
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

export const FOLLOW_UP_LINKS_CONSUMER_GROUP = 'surveys.follow-up-links';

/** A complaint filed to follow up a survey response links back to it; the first link a response gets stays. */
async function linkFollowUp(event: EventEnvelope, tx: PoolClient): Promise<void> {
  if (event.type !== 'ComplaintFiled') return;
  const { surveyResponseId, complaintId, filedAt } = event.data as ComplaintFiledV1;
  if (surveyResponseId === undefined) return;
  await tx.query(
    `INSERT INTO survey_follow_ups (response_id, complaint_id, filed_at) VALUES ($1, $2, $3)
     ON CONFLICT (response_id) DO NOTHING`,
    [surveyResponseId, complaintId, filedAt],
  );
}

/** Hears cx.complaints.events (consumer group `surveys.follow-up-links`) for the follow-ups of responses. */
@Injectable()
export class FollowUpLinksConsumer implements OnApplicationBootstrap, BeforeApplicationShutdown {
  readonly consumer: IdempotentConsumer;

  constructor(
    @Inject(KAFKA) kafka: Kafka,
    @Inject(PG_POOL) pool: Pool,
    @Inject(SERVICE_CONFIG) config: ServiceConfig,
    @Inject(LOGGER) logger: Logger,
    metrics: ServiceMetrics,
  ) {
    const ns = config.topicNamespace;
    this.consumer = new IdempotentConsumer(kafka, pool, {
      groupId: ns ? `${ns}.${FOLLOW_UP_LINKS_CONSUMER_GROUP}` : FOLLOW_UP_LINKS_CONSUMER_GROUP,
      topics: [namespacedTopic(Topics.complaints, ns)],
      apply: linkFollowUp,
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
