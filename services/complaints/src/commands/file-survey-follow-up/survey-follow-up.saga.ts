import { BeforeApplicationShutdown, Inject, Injectable, OnApplicationBootstrap } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { EventEnvelope, namespacedTopic, SurveyResponseRecordedV1, Topics } from '@cx/contracts';
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
import type { Pool } from 'pg';
import type { Logger } from 'pino';
import { FollowUpPolicy, followUpFor } from '../../domain/survey-follow-up/survey-follow-up';
import { FileSurveyFollowUpCommand } from './file-survey-follow-up.command';

export const SURVEY_FOLLOW_UP_POLICY = Symbol('SURVEY_FOLLOW_UP_POLICY');
export const SURVEY_FOLLOW_UPS_CONSUMER_GROUP = 'complaints.survey-follow-ups';

/**
 * Closing the loop: a survey response that reported a complaint (cx.surveys.events) files a follow-up complaint
 * for its customer. Consumer group `complaints.survey-follow-ups`, dead letters to its own topic; the filing is
 * idempotent by its derived id, so a redelivery, a crash between filing and commit, or a replay files nothing new.
 */
@Injectable()
export class SurveyFollowUpSaga implements OnApplicationBootstrap, BeforeApplicationShutdown {
  readonly consumer: IdempotentConsumer;

  constructor(
    private readonly commands: CommandBus,
    @Inject(SURVEY_FOLLOW_UP_POLICY) private readonly policy: FollowUpPolicy,
    @Inject(KAFKA) kafka: Kafka,
    @Inject(PG_POOL) pool: Pool,
    @Inject(SERVICE_CONFIG) config: ServiceConfig,
    @Inject(LOGGER) logger: Logger,
    metrics: ServiceMetrics,
  ) {
    const ns = config.topicNamespace;
    this.consumer = new IdempotentConsumer(kafka, pool, {
      groupId: ns ? `${ns}.${SURVEY_FOLLOW_UPS_CONSUMER_GROUP}` : SURVEY_FOLLOW_UPS_CONSUMER_GROUP,
      topics: [namespacedTopic(Topics.surveys, ns)],
      apply: (event) => this.react(event),
      logger,
      runInCorrelation: runWithCorrelationId,
      eventsPerTransaction: config.consumerEventsPerTransaction,
    });
    metrics.trackConsumer(this.consumer);
  }

  async react(event: EventEnvelope): Promise<void> {
    if (event.type !== 'SurveyResponseRecorded') return;
    const response = event.data as SurveyResponseRecordedV1;
    const reason = followUpFor(response, this.policy);
    if (reason) await this.commands.execute(new FileSurveyFollowUpCommand(response, reason, event));
  }

  async onApplicationBootstrap(): Promise<void> {
    await this.consumer.start();
  }

  async beforeApplicationShutdown(): Promise<void> {
    await this.consumer.stop();
  }
}
