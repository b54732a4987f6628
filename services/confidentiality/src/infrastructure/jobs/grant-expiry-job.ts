import { Inject, Injectable } from '@nestjs/common';
import { StreamVersionConflict } from '@cx/event-store';
import { Clock, CLOCK, LOGGER } from '@cx/platform';
import type { Logger } from 'pino';
import { AccessGrantRepository } from '../access-grant.repository';
import { JOB_INTERVAL, ScheduledJob } from './scheduled-job';

const BATCH = 200;

/**
 * Records AccessGrantExpired for requests and grants whose expiry has passed. Access never waits for it: a
 * decision compares the expiry with its own `now`. The record is what the topic, the grant and the review show.
 */
@Injectable()
export class GrantExpiryJob extends ScheduledJob {
  constructor(
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(JOB_INTERVAL) intervalMs: number,
    @Inject(LOGGER) logger: Logger,
    private readonly grants: AccessGrantRepository,
  ) {
    super(intervalMs, logger, 'grant-expiry-job');
  }

  protected async runDue(): Promise<number> {
    let expired = 0;
    for (;;) {
      const now = this.clock.now();
      const due = await this.grants.dueForExpiry(now, BATCH);
      for (const grantId of due) {
        try {
          await this.grants.handle(grantId, { type: 'ExpireAccess', grantId, now }, { metadata: this.metadata() });
          expired++;
        } catch (error) {
          if (!(error instanceof StreamVersionConflict)) throw error;
          this.logger.warn({ grantId }, 'grant changed during its expiry; the next tick looks again');
        }
      }
      if (due.length < BATCH) return expired;
    }
  }
}
