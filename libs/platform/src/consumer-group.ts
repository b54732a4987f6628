import type { BeforeApplicationShutdown, OnApplicationBootstrap } from '@nestjs/common';
import { namespacedTopic } from '@cx/contracts';
import { ApplyEvent, ApplyEvents, IdempotentConsumer } from '@cx/messaging';
import type { Kafka } from 'kafkajs';
import type { Pool } from 'pg';
import type { Logger } from 'pino';
import type { ServiceConfig } from './config';
import { runWithCorrelationId } from './correlation';
import type { ServiceMetrics } from './metrics';

/** What the platform gives every consumer group of a service (provided by ServiceRuntimeModule). */
export class ConsumerRuntime {
  constructor(
    readonly kafka: Kafka,
    readonly pool: Pool,
    readonly config: ServiceConfig,
    readonly logger: Logger,
    readonly metrics: ServiceMetrics,
  ) {}
}

export interface ConsumerGroupSpec {
  /** The group's name without the deployment's namespace, e.g. `projections`. */
  group: string;
  /** Domain topics as named in the contracts (`Topics`), without the namespace. */
  topics: readonly string[];
  apply: ApplyEvent;
  applyMany?: ApplyEvents;
}

/**
 * A consumer group of a service, built one way for all: group and topics in the deployment's namespace, each
 * event applied exactly once in the correlation of its envelope, chunks as configured, lag and dead letters in
 * /metrics; started with the app, stopped before the pool closes. A subclass names its group and topics and says
 * what an event does.
 */
export abstract class ServiceConsumerGroup implements OnApplicationBootstrap, BeforeApplicationShutdown {
  readonly consumer: IdempotentConsumer;

  protected constructor(runtime: ConsumerRuntime, spec: ConsumerGroupSpec) {
    const ns = runtime.config.topicNamespace;
    this.consumer = new IdempotentConsumer(runtime.kafka, runtime.pool, {
      groupId: ns ? `${ns}.${spec.group}` : spec.group,
      topics: spec.topics.map((topic) => namespacedTopic(topic, ns)),
      apply: spec.apply,
      applyMany: spec.applyMany,
      logger: runtime.logger,
      runInCorrelation: runWithCorrelationId,
      eventsPerTransaction: runtime.config.consumerEventsPerTransaction,
    });
    runtime.metrics.trackConsumer(this.consumer);
  }

  async onApplicationBootstrap(): Promise<void> {
    await this.consumer.start();
  }

  async beforeApplicationShutdown(): Promise<void> {
    await this.consumer.stop();
  }
}
