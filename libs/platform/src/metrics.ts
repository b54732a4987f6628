import { Controller, Get, Header, Inject, Injectable, NestMiddleware } from '@nestjs/common';
import type { Logger } from 'pino';
import { ApiExcludeController } from '@nestjs/swagger';
import { Public } from '@cx/auth';
import type { NextFunction, Request, Response } from 'express';
import { DomainError } from '@cx/domain';
import type { EventRelay, EventStoreObserver, RecordedEvent } from '@cx/event-store';
import type { IdempotentConsumer } from '@cx/messaging';
import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client';
import { withTimeout } from './health';

/** A scrape must answer even when the database or the broker does not: their figures are left out then. */
const SCRAPE_TIMEOUT_MS = 2_000;

/**
 * One registry per app instance, so several apps in one test process do not collide. It observes the event store
 * (appends, commands by type), the relay (lag) and the consumers (outcomes, lag, dead letters).
 */
@Injectable()
export class ServiceMetrics implements EventStoreObserver {
  readonly registry = new Registry();
  readonly httpDuration = new Histogram({
    name: 'http_request_duration_seconds',
    help: 'HTTP request duration by method, route and status',
    labelNames: ['method', 'route', 'status'],
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5],
    registers: [this.registry],
  });
  readonly eventsPublished = new Counter({
    name: 'relay_events_published_total',
    help: 'Events the relay published to Kafka',
    registers: [this.registry],
  });
  readonly eventsAppended = new Counter({
    name: 'events_appended_total',
    help: 'Events appended to this service event store, by stream type and event type',
    labelNames: ['stream_type', 'type'],
    registers: [this.registry],
  });
  readonly commandsHandled = new Counter({
    name: 'commands_handled_total',
    help: 'Commands an aggregate decided on (events committed, possibly none), by stream type and command',
    labelNames: ['stream_type', 'command'],
    registers: [this.registry],
  });
  readonly commandsFailed = new Counter({
    name: 'commands_failed_total',
    help: 'Commands refused or failed, by stream type, command and reason (the domain error code, else "error")',
    labelNames: ['stream_type', 'command', 'reason'],
    registers: [this.registry],
  });
  readonly consumerApplyDelay = new Histogram({
    name: 'consumer_apply_delay_seconds',
    help: 'Seconds from an event published to Kafka until the consumer transaction applying it committed, by group',
    labelNames: ['group'],
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60, 300],
    registers: [this.registry],
  });
  private readonly consumers: IdempotentConsumer[] = [];
  private relay?: EventRelay;

  constructor() {
    collectDefaultMetrics({ register: this.registry });
    const consumers = this.consumers;
    const relay = () => this.relay;
    new Gauge({
      name: 'consumer_events_total',
      help: 'Events seen by this service consumers, by group and outcome (applied, duplicate, dead_lettered)',
      labelNames: ['group', 'outcome'],
      registers: [this.registry],
      collect() {
        for (const { groupId: group, stats } of consumers) {
          this.set({ group, outcome: 'applied' }, stats.applied);
          this.set({ group, outcome: 'duplicate' }, stats.duplicates);
          this.set({ group, outcome: 'dead_lettered' }, stats.deadLettered);
        }
      },
    });
    new Gauge({
      name: 'consumer_lag',
      help: 'Messages not yet consumed (high watermark minus committed offset), by group, topic and partition',
      labelNames: ['group', 'topic', 'partition'],
      registers: [this.registry],
      async collect() {
        this.reset();
        const lags = await Promise.all(consumers.map((c) => withTimeout(c.lag(), SCRAPE_TIMEOUT_MS).catch(() => [])));
        for (const { groupId: group, topic, partition, lag } of lags.flat()) {
          this.set({ group, topic, partition: String(partition) }, lag);
        }
      },
    });
    new Gauge({
      name: 'dlq_messages',
      help: 'Messages on the dead-letter topic of each consumer group (a redrive leaves them there)',
      labelNames: ['group', 'topic'],
      registers: [this.registry],
      async collect() {
        this.reset();
        await Promise.all(
          consumers.map(async (c) => {
            const waiting = await withTimeout(c.deadLettersWaiting(), SCRAPE_TIMEOUT_MS).catch(() => undefined);
            if (waiting !== undefined) this.set({ group: c.groupId, topic: c.deadLetterTopic }, waiting);
          }),
        );
      },
    });
    const relayLag = async () => {
      const tracked = relay();
      return tracked && withTimeout(tracked.lag(), SCRAPE_TIMEOUT_MS).catch(() => undefined);
    };
    new Gauge({
      name: 'relay_lag_events',
      help: 'Committed events the relay has not published yet',
      registers: [this.registry],
      async collect() {
        this.reset();
        const lag = await relayLag();
        if (lag) this.set(lag.events);
      },
    });
    new Gauge({
      name: 'relay_lag_seconds',
      help: 'How long the oldest unpublished committed event has waited (0 when none waits)',
      registers: [this.registry],
      async collect() {
        this.reset();
        const lag = await relayLag();
        if (lag) this.set(lag.oldestSeconds);
      },
    });
  }

  trackConsumer(consumer: IdempotentConsumer): void {
    this.consumers.push(consumer);
    consumer.onApplyDelay((seconds) => this.consumerApplyDelay.observe({ group: consumer.groupId }, seconds));
  }

  trackRelay(relay: EventRelay): void {
    this.relay = relay;
  }

  appended(streamType: string, events: readonly RecordedEvent[]): void {
    for (const event of events) this.eventsAppended.inc({ stream_type: streamType, type: event.type });
  }

  commandHandled(streamType: string, command: string): void {
    this.commandsHandled.inc({ stream_type: streamType, command });
  }

  commandFailed(streamType: string, command: string, error: unknown): void {
    const reason = error instanceof DomainError ? error.code : 'error';
    this.commandsFailed.inc({ stream_type: streamType, command, reason });
  }
}

export const LOGGER = Symbol('LOGGER');

/** Times and logs every request: method, route pattern, status, duration; never bodies or tokens. */
@Injectable()
export class HttpObservationMiddleware implements NestMiddleware {
  constructor(
    private readonly metrics: ServiceMetrics,
    @Inject(LOGGER) private readonly logger: Logger,
  ) {}

  use(request: Request, response: Response, next: NextFunction): void {
    const started = process.hrtime.bigint();
    response.on('finish', () => {
      // The matched route pattern (not the raw path) keeps label cardinality bounded and ids out of metrics.
      const route = (request.route?.path as string | undefined) ?? 'unmatched';
      const seconds = Number(process.hrtime.bigint() - started) / 1e9;
      const status = String(response.statusCode);
      this.metrics.httpDuration.observe({ method: request.method, route, status }, seconds);
      this.logger.info({ method: request.method, route, status: response.statusCode, ms: seconds * 1000 }, 'http');
    });
    next();
  }
}

@ApiExcludeController()
@Controller('metrics')
export class MetricsController {
  constructor(@Inject(ServiceMetrics) private readonly metrics: ServiceMetrics) {}

  @Public()
  @Get()
  @Header('Content-Type', 'text/plain; version=0.0.4; charset=utf-8')
  scrape(): Promise<string> {
    return this.metrics.registry.metrics();
  }
}
