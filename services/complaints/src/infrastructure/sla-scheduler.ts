import { BeforeApplicationShutdown, Inject, Injectable, OnApplicationBootstrap } from '@nestjs/common';
import { StreamVersionConflict } from '@cx/event-store';
import { Clock, CLOCK, LOGGER, PG_POOL } from '@cx/platform';
import { randomUUID } from 'node:crypto';
import type { Pool } from 'pg';
import type { Logger } from 'pino';
import { ComplaintRepository } from './complaint.repository';

export const SLA_CHECK_INTERVAL = Symbol('SLA_CHECK_INTERVAL');
const BATCH = 200;

/**
 * Fires SLA alerts when they fall due. Deadlines are stored (sla_checks), so a restart loses nothing: the first
 * tick at start-up handles every overdue one. Each alert fires once, because the complaint's own stream records
 * which were raised and a concurrent check loses on the stream version.
 */
@Injectable()
export class SlaScheduler implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private timer?: NodeJS.Timeout;
  private running?: Promise<number>;

  constructor(
    @Inject(PG_POOL) private readonly pool: Pool,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(SLA_CHECK_INTERVAL) private readonly intervalMs: number,
    @Inject(LOGGER) private readonly logger: Logger,
    private readonly complaints: ComplaintRepository,
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

  /** Checks every complaint whose next SLA check is due now; returns how many were checked. */
  tick(): Promise<number> {
    this.running ??= this.checkDue().finally(() => (this.running = undefined));
    return this.running;
  }

  private async checkDue(): Promise<number> {
    let checked = 0;
    try {
      for (;;) {
        const now = this.clock.now();
        const { rows } = await this.pool.query<{ complaint_id: string }>(
          'SELECT complaint_id FROM sla_checks WHERE due_at <= $1 ORDER BY due_at LIMIT $2',
          [now, BATCH],
        );
        for (const { complaint_id: complaintId } of rows) {
          await this.check(complaintId, now);
          checked++;
        }
        if (rows.length < BATCH) return checked;
      }
    } catch (error) {
      this.logger.error({ err: error }, 'SLA check failed; the next tick retries');
      return checked;
    }
  }

  private async check(complaintId: string, now: Date): Promise<void> {
    try {
      const result = await this.complaints.handle(
        complaintId,
        { type: 'CheckSlaClocks', complaintId, now },
        {
          metadata: { correlationId: randomUUID(), causationId: null, actor: { type: 'system', id: 'sla-scheduler' } },
        },
      );
      if (result.events.length === 0) {
        // Nothing due after all (e.g. the complaint changed meanwhile): reschedule from its current state.
        await this.complaints.rescheduleSlaCheck(complaintId);
      }
    } catch (error) {
      if (!(error instanceof StreamVersionConflict)) throw error;
      this.logger.warn({ complaintId }, 'complaint changed during its SLA check; the next tick looks again');
    }
  }
}
