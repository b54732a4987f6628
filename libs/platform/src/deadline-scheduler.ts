import type { BeforeApplicationShutdown, OnApplicationBootstrap } from '@nestjs/common';
import type { Pool } from 'pg';
import type { Logger } from 'pino';
import type { Clock } from './clock';

const BATCH = 200;

/** Where the stored deadlines are: a table with one row per aggregate, its id and when it is next due. */
export interface StoredDeadlines {
  table: string;
  idColumn: string;
  /** For the log line when a round fails. */
  work: string;
}

/**
 * Acts on stored deadlines when they fall due, on an injectable clock. Deadlines live in a table, so a restart
 * loses nothing: the first tick at start-up handles every overdue one; the aggregate's own stream makes each
 * effect happen once (a concurrent check decides on the state after it). Ticks never overlap in one process.
 */
export abstract class DeadlineScheduler implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private timer?: NodeJS.Timeout;
  private running?: Promise<number>;

  protected constructor(
    private readonly pool: Pool,
    protected readonly clock: Clock,
    private readonly intervalMs: number,
    protected readonly logger: Logger,
    private readonly deadlines: StoredDeadlines,
  ) {}

  /** Acts on one aggregate whose deadline is due at `now`. */
  protected abstract check(id: string, now: Date): Promise<void>;

  async onApplicationBootstrap(): Promise<void> {
    await this.tick();
    this.timer = setInterval(() => void this.tick(), this.intervalMs);
    this.timer.unref();
  }

  async beforeApplicationShutdown(): Promise<void> {
    clearInterval(this.timer);
    await this.running;
  }

  /** Checks every aggregate due now; returns how many were checked. */
  tick(): Promise<number> {
    this.running ??= this.checkDue().finally(() => (this.running = undefined));
    return this.running;
  }

  private async checkDue(): Promise<number> {
    const { table, idColumn, work } = this.deadlines;
    let checked = 0;
    try {
      for (;;) {
        const now = this.clock.now();
        const { rows } = await this.pool.query<{ id: string }>(
          `SELECT ${idColumn} AS id FROM ${table} WHERE due_at <= $1 ORDER BY due_at LIMIT $2`,
          [now, BATCH],
        );
        for (const { id } of rows) {
          await this.check(id, now);
          checked++;
        }
        if (rows.length < BATCH) return checked;
      }
    } catch (error) {
      this.logger.error({ err: error }, `${work} failed; the next tick retries`);
      return checked;
    }
  }
}
