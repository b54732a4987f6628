import { Inject, Injectable } from '@nestjs/common';
import type { SubjectErasureDeferredV1 } from '@cx/contracts';
import { StreamVersionConflict } from '@cx/event-store';
import { Clock, CLOCK, LOGGER, PG_POOL } from '@cx/platform';
import type { Pool } from 'pg';
import type { Logger } from 'pino';
import { SubjectRepository } from '../subject.repository';
import { JOB_INTERVAL, ScheduledJob } from './scheduled-job';

const BATCH = 200;

/**
 * Erases subjects whose retention period has run (ground `retention_expired`). Due dates are stored
 * (retention_checks), so a restart loses nothing; each subject is erased once, because its stream records the
 * erasure and a concurrent check loses on the stream version. Under a legal hold the erasure is deferred and
 * reported once (SubjectErasureDeferred, and a warning naming the holds); releasing the last hold makes it due.
 */
@Injectable()
export class RetentionJob extends ScheduledJob {
  constructor(
    @Inject(PG_POOL) private readonly pool: Pool,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(JOB_INTERVAL) intervalMs: number,
    @Inject(LOGGER) logger: Logger,
    private readonly subjects: SubjectRepository,
  ) {
    super(intervalMs, logger, 'retention-job');
  }

  protected async runDue(): Promise<number> {
    let checked = 0;
    for (;;) {
      const now = this.clock.now();
      const { rows } = await this.pool.query<{ subject_id: string }>(
        'SELECT subject_id FROM retention_checks WHERE due_at <= $1 ORDER BY due_at, subject_id LIMIT $2',
        [now, BATCH],
      );
      for (const { subject_id: subjectId } of rows) {
        await this.enforce(subjectId, now);
        checked++;
      }
      if (rows.length < BATCH) return checked;
    }
  }

  private async enforce(subjectId: string, now: Date): Promise<void> {
    try {
      const result = await this.subjects.handle(
        subjectId,
        { type: 'EnforceRetention', subjectId, now },
        { metadata: this.metadata() },
      );
      const [event] = result.events;
      if (!event) {
        // Not due after all (corrected meanwhile, or a subject from before the schedule): its real date is set.
        await this.subjects.rescheduleRetentionCheck(subjectId);
      } else if (event.type === 'SubjectErasureDeferred') {
        const { retainUntil, legalHoldIds } = event.data as SubjectErasureDeferredV1;
        this.logger.warn(
          { subjectId, retainUntil, legalHoldIds },
          'retention ended under a legal hold: erasure deferred',
        );
      } else {
        this.logger.info({ subjectId }, 'retention ended: subject erased');
      }
    } catch (error) {
      if (!(error instanceof StreamVersionConflict)) throw error;
      this.logger.warn({ subjectId }, 'subject changed during its retention check; the next tick looks again');
    }
  }
}
