import type { BeforeApplicationShutdown, OnApplicationBootstrap } from '@nestjs/common';
import type { EventMetadata } from '@cx/event-store';
import { randomUUID } from 'node:crypto';
import type { Logger } from 'pino';

export const JOB_INTERVAL = Symbol('JOB_INTERVAL');

/** Jobs look for due work this often; what they do is stored, so the interval only bounds the delay. */
export const DEFAULT_JOB_INTERVAL_MS = 60_000;

/**
 * Work that falls due by time, found in a table of due dates written with the events: the first tick at start-up
 * does everything that fell due while the service was down, then one tick per interval. One tick at a time, and
 * the running one finishes before shutdown.
 */
export abstract class ScheduledJob implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private timer?: NodeJS.Timeout;
  private running?: Promise<number>;

  protected constructor(
    private readonly intervalMs: number,
    protected readonly logger: Logger,
    protected readonly name: string,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    await this.tick();
    this.timer = setInterval(() => void this.tick(), this.intervalMs);
    this.timer.unref();
  }

  async beforeApplicationShutdown(): Promise<void> {
    clearInterval(this.timer);
    await this.running;
  }

  /** Does the work due now; returns how many items it looked at. */
  tick(): Promise<number> {
    this.running ??= this.runDue()
      .catch((error: unknown) => {
        this.logger.error({ err: error, job: this.name }, 'scheduled job failed; the next tick retries');
        return 0;
      })
      .finally(() => (this.running = undefined));
    return this.running;
  }

  protected abstract runDue(): Promise<number>;

  protected metadata(): EventMetadata {
    return { correlationId: randomUUID(), causationId: null, actor: { type: 'system', id: this.name } };
  }
}
