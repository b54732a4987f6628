import { BeforeApplicationShutdown, Inject, Injectable, OnApplicationBootstrap } from '@nestjs/common';
import { EventEnvelope, namespacedTopic, SubjectErasedV1, Topics } from '@cx/contracts';
import { IdempotentConsumer } from '@cx/messaging';
import { KAFKA, LOGGER, PG_POOL, SERVICE_CONFIG, ServiceConfig, ServiceMetrics } from '@cx/platform';
import type { Kafka } from 'kafkajs';
import type { Pool, PoolClient } from 'pg';
import type { Logger } from 'pino';

export const COMPLAINTS_CONSUMER_GROUP = 'complaints';

/**
 * When the vault erases a customer, the customer's own words go too: every description of a complaint they
 * filed is deleted in the same transaction that records the erasure. The events keep the subject id, which
 * points at nothing once the vault's key is destroyed.
 */
async function redactErasedSubject(event: EventEnvelope, tx: PoolClient): Promise<void> {
  if (event.type !== 'SubjectErased') return;
  const { subjectId, erasedAt } = event.data as SubjectErasedV1;
  await tx.query('INSERT INTO erased_subjects (subject_id, erased_at) VALUES ($1, $2) ON CONFLICT DO NOTHING', [
    subjectId,
    erasedAt,
  ]);
  await tx.query(
    `DELETE FROM complaint_descriptions WHERE complaint_id IN (
       SELECT stream_id::uuid FROM events WHERE type = 'ComplaintFiled' AND data->>'customerId' = $1)`,
    [subjectId],
  );
}

@Injectable()
export class SubjectErasuresConsumer implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly consumer: IdempotentConsumer;

  constructor(
    @Inject(KAFKA) kafka: Kafka,
    @Inject(PG_POOL) pool: Pool,
    @Inject(SERVICE_CONFIG) config: ServiceConfig,
    @Inject(LOGGER) logger: Logger,
    metrics: ServiceMetrics,
  ) {
    const ns = config.topicNamespace;
    const groupId = ns ? `${ns}.${COMPLAINTS_CONSUMER_GROUP}` : COMPLAINTS_CONSUMER_GROUP;
    this.consumer = new IdempotentConsumer(kafka, pool, {
      groupId,
      topics: [namespacedTopic(Topics.confidentiality, ns)],
      apply: redactErasedSubject,
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
