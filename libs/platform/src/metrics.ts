import { Controller, Get, Header, Inject, Injectable, NestMiddleware } from '@nestjs/common';
import type { Logger } from 'pino';
import { ApiExcludeController } from '@nestjs/swagger';
import { Public } from '@cx/auth';
import type { NextFunction, Request, Response } from 'express';
import type { ConsumerStats } from '@cx/messaging';
import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client';

/** One registry per app instance, so several apps in one test process do not collide. */
@Injectable()
export class ServiceMetrics {
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
  private readonly consumers: Array<{ group: string; stats: ConsumerStats }> = [];

  constructor() {
    collectDefaultMetrics({ register: this.registry });
    const consumers = this.consumers;
    new Gauge({
      name: 'consumer_events_total',
      help: 'Events seen by this service consumers, by group and outcome (applied, duplicate, dead_lettered)',
      labelNames: ['group', 'outcome'],
      registers: [this.registry],
      collect() {
        for (const { group, stats } of consumers) {
          this.set({ group, outcome: 'applied' }, stats.applied);
          this.set({ group, outcome: 'duplicate' }, stats.duplicates);
          this.set({ group, outcome: 'dead_lettered' }, stats.deadLettered);
        }
      },
    });
  }

  trackConsumer(group: string, stats: ConsumerStats): void {
    this.consumers.push({ group, stats });
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
