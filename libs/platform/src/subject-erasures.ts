import { BeforeApplicationShutdown, Inject, Injectable, OnApplicationBootstrap } from '@nestjs/common';
import { EventEnvelope, namespacedTopic, SubjectErasedV1, Topics } from '@cx/contracts';
import { IdempotentConsumer } from '@cx/messaging';
import type { Kafka } from 'kafkajs';
import type { Pool, PoolClient } from 'pg';
import type { Logger } from 'pino';
import type { ServiceConfig } from './config';
import { runWithCorrelationId } from './correlation';
import { LOGGER, ServiceMetrics } from './metrics';
import { KAFKA, PG_POOL, SERVICE_CONFIG } from './service-runtime.module';

/** What a service deletes or hides of an erased subject, in the transaction that records the event as handled. */
export type RedactErasedSubject = (tx: PoolClient, erasure: SubjectErasedV1) => Promise<void>;
export const SUBJECT_ERASURE_REDACTION = Symbol('SUBJECT_ERASURE_REDACTION');

/**
 * Every service that keeps anything of a customer hears the vault's SubjectErased (cx.confidentiality.events,
 * consumer group = the service's name) and redacts it, exactly once per event.
 */
@Injectable()
export class SubjectErasuresConsumer implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly consumer: IdempotentConsumer;

  constructor(
    @Inject(KAFKA) kafka: Kafka,
    @Inject(PG_POOL) pool: Pool,
    @Inject(SERVICE_CONFIG) config: ServiceConfig,
    @Inject(LOGGER) logger: Logger,
    @Inject(SUBJECT_ERASURE_REDACTION) redact: RedactErasedSubject,
    metrics: ServiceMetrics,
  ) {
    const ns = config.topicNamespace;
    const groupId = ns ? `${ns}.${config.serviceName}` : config.serviceName;
    this.consumer = new IdempotentConsumer(kafka, pool, {
      groupId,
      topics: [namespacedTopic(Topics.confidentiality, ns)],
      apply: async (event: EventEnvelope, tx: PoolClient) => {
        if (event.type === 'SubjectErased') await redact(tx, event.data as SubjectErasedV1);
      },
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
