import {
  BeforeApplicationShutdown,
  DynamicModule,
  Global,
  Inject,
  Injectable,
  MiddlewareConsumer,
  Module,
  NestModule,
  OnApplicationBootstrap,
  OnApplicationShutdown,
} from '@nestjs/common';
import { APP_GUARD, Reflector } from '@nestjs/core';
import { BearerAuthGuard } from '@cx/auth';
import { namespacedTopic } from '@cx/contracts';
import { alsoOnAppended, EventRelay, PostgresEventStore, createPool } from '@cx/event-store';
import { createKafka, ensureTopics, KafkaEventPublisher } from '@cx/messaging';
import type { Kafka } from 'kafkajs';
import type { Pool } from 'pg';
import type { Logger } from 'pino';
import type { ServiceConfig } from './config';
import { HealthController, Readiness, READINESS_CHECKS, ReadinessCheck } from './health';
import { HttpDrain } from './http-drain';
import { createLogger } from './logger';
import { ConsumerRuntime } from './consumer-group';
import { HttpObservationMiddleware, LOGGER, MetricsController, ServiceMetrics } from './metrics';

export const SERVICE_CONFIG = Symbol('SERVICE_CONFIG');
export const PG_POOL = Symbol('PG_POOL');
export const KAFKA = Symbol('KAFKA');
export const EVENT_RELAY = Symbol('EVENT_RELAY');
/** The service's own topic, namespaced for tests. */
export const PUBLISH_TOPIC = Symbol('PUBLISH_TOPIC');

export interface ServiceRuntimeOptions {
  config: ServiceConfig;
  /** The service's own topic (contract name, e.g. `cx.complaints.events`) when it owns an event store. */
  publishesTo?: string;
}

/** Closes the pool last, after every component that uses it has stopped. */
@Injectable()
class PoolLifecycle implements OnApplicationShutdown {
  constructor(@Inject(PG_POOL) private readonly pool: Pool) {}

  async onApplicationShutdown(): Promise<void> {
    await this.pool.end();
  }
}

/** Starts the relay with the app and stops it before the pool closes. */
@Injectable()
class RelayLifecycle implements OnApplicationBootstrap, BeforeApplicationShutdown {
  constructor(
    @Inject(KAFKA) private readonly kafka: Kafka,
    @Inject(EVENT_RELAY) private readonly relay: EventRelay,
    @Inject(KafkaEventPublisher) private readonly publisher: KafkaEventPublisher,
    @Inject(PUBLISH_TOPIC) private readonly topic: string,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    await ensureTopics(this.kafka, [{ topic: this.topic }]);
    await this.publisher.connect();
    this.relay.start();
  }

  async beforeApplicationShutdown(): Promise<void> {
    await this.relay.stop();
    await this.publisher.disconnect();
  }
}

/** Pool, Kafka, logger, auth guard, health and metrics: what every service needs, wired once. */
@Global()
@Module({})
export class ServiceRuntimeModule implements NestModule {
  configure(consumer: MiddlewareConsumer): void {
    consumer.apply(HttpObservationMiddleware).forRoutes('*path');
  }

  static forRoot(options: ServiceRuntimeOptions): DynamicModule {
    const { config } = options;
    const core = [
      { provide: SERVICE_CONFIG, useValue: config },
      { provide: LOGGER, useFactory: () => createLogger(config.serviceName, config.logLevel) },
      {
        provide: PG_POOL,
        inject: [LOGGER],
        useFactory: (logger: Logger) => {
          const pool = createPool(config.databaseUrl, `cx-${config.serviceName}`);
          // An idle connection can die (database restart, failover); without a listener pg-pool's 'error'
          // event would end the process. The pool replaces the connection on the next checkout.
          pool.on('error', (error) => logger.warn({ err: error }, 'idle database connection lost'));
          return pool;
        },
      },
      {
        provide: KAFKA,
        inject: [LOGGER],
        useFactory: (logger: Logger) => createKafka(config.kafkaBrokers, `cx-${config.serviceName}`, logger),
      },
      {
        provide: APP_GUARD,
        inject: [Reflector],
        useFactory: (reflector: Reflector) =>
          new BearerAuthGuard(reflector, {
            secret: config.jwtSecret,
            issuer: config.jwtIssuer,
            audience: config.jwtAudience,
          }),
      },
      {
        provide: READINESS_CHECKS,
        inject: [PG_POOL, KAFKA],
        useFactory: (pool: Pool, kafka: Kafka): ReadinessCheck[] => [
          { name: 'database', check: async () => void (await pool.query('SELECT 1')) },
          { name: 'kafka', check: () => kafkaAnswers(kafka) },
        ],
      },
      ServiceMetrics,
      {
        provide: ConsumerRuntime,
        inject: [KAFKA, PG_POOL, SERVICE_CONFIG, LOGGER, ServiceMetrics],
        useFactory: (kafka: Kafka, pool: Pool, serviceConfig: ServiceConfig, logger: Logger, metrics: ServiceMetrics) =>
          new ConsumerRuntime(kafka, pool, serviceConfig, logger, metrics),
      },
      Readiness,
      PoolLifecycle,
      HttpDrain,
    ];
    const publishing = options.publishesTo
      ? [
          { provide: PUBLISH_TOPIC, useValue: namespacedTopic(options.publishesTo, config.topicNamespace) },
          {
            provide: PostgresEventStore,
            inject: [PG_POOL, ServiceMetrics, EVENT_RELAY],
            // The relay of this process publishes what this process appends at once, without waiting for its poll.
            useFactory: (pool: Pool, metrics: ServiceMetrics, relay: EventRelay) =>
              new PostgresEventStore(
                pool,
                alsoOnAppended(metrics, () => relay.appended()),
              ),
          },
          {
            provide: KafkaEventPublisher,
            inject: [KAFKA, PUBLISH_TOPIC],
            useFactory: (kafka: Kafka, topic: string) => new KafkaEventPublisher(kafka, topic),
          },
          {
            provide: EVENT_RELAY,
            inject: [PG_POOL, KafkaEventPublisher, ServiceMetrics, LOGGER],
            useFactory: (pool: Pool, publisher: KafkaEventPublisher, metrics: ServiceMetrics, logger: Logger) => {
              const relay = new EventRelay(
                pool,
                async (events) => {
                  await publisher.publish(events);
                  metrics.eventsPublished.inc(events.length);
                },
                {
                  name: `${config.serviceName}-relay`,
                  leaderConnection: {
                    connectionString: config.databaseUrl,
                    application_name: `cx-${config.serviceName}-relay`,
                  },
                  logger,
                },
              );
              metrics.trackRelay(relay);
              return relay;
            },
          },
          RelayLifecycle,
        ]
      : [];
    return {
      module: ServiceRuntimeModule,
      controllers: [HealthController, MetricsController],
      providers: [...core, ...publishing],
      exports: [
        SERVICE_CONFIG,
        LOGGER,
        PG_POOL,
        KAFKA,
        ServiceMetrics,
        ConsumerRuntime,
        HttpDrain,
        ...(options.publishesTo ? [PUBLISH_TOPIC, PostgresEventStore, KafkaEventPublisher, EVENT_RELAY] : []),
      ],
    };
  }
}

async function kafkaAnswers(kafka: Kafka): Promise<void> {
  const admin = kafka.admin({ retry: { retries: 0 } });
  await admin.connect();
  try {
    await admin.describeCluster();
  } finally {
    await admin.disconnect();
  }
}
