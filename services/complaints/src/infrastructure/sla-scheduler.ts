import { Inject, Injectable } from '@nestjs/common';
import { StreamVersionConflict } from '@cx/event-store';
import { Clock, CLOCK, DeadlineScheduler, LOGGER, PG_POOL } from '@cx/platform';
import { randomUUID } from 'node:crypto';
import type { Pool } from 'pg';
import type { Logger } from 'pino';
import { ComplaintRepository } from './complaint.repository';

export const SLA_CHECK_INTERVAL = Symbol('SLA_CHECK_INTERVAL');

/**
 * Fires SLA alerts when they fall due (deadlines in sla_checks). Each alert fires once, because the complaint's
 * own stream records which were raised and a concurrent check loses on the stream version.
 */
@Injectable()
export class SlaScheduler extends DeadlineScheduler {
  constructor(
    @Inject(PG_POOL) pool: Pool,
    @Inject(CLOCK) clock: Clock,
    @Inject(SLA_CHECK_INTERVAL) intervalMs: number,
    @Inject(LOGGER) logger: Logger,
    private readonly complaints: ComplaintRepository,
  ) {
    super(pool, clock, intervalMs, logger, { table: 'sla_checks', idColumn: 'complaint_id', work: 'SLA check' });
  }

  protected async check(complaintId: string, now: Date): Promise<void> {
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
