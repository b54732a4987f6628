import { Inject, Injectable } from '@nestjs/common';
import { Clock, CLOCK, DeadlineScheduler, LOGGER, PG_POOL } from '@cx/platform';
import { randomUUID } from 'node:crypto';
import type { Pool } from 'pg';
import type { Logger } from 'pino';
import { CommunityActivityRepository } from './community-activity.repository';
import { WAITLIST_OFFER_CHECK_INTERVAL } from './waitlist-policy.config';

/**
 * Lets waitlist offers lapse when their hold is over (deadlines in waitlist_offer_checks), passing the places to
 * the next in line. Each offer lapses once: the activity's own stream records it, and a concurrent check decides
 * on the state after it (nothing left to expire).
 */
@Injectable()
export class WaitlistOfferScheduler extends DeadlineScheduler {
  constructor(
    @Inject(PG_POOL) pool: Pool,
    @Inject(CLOCK) clock: Clock,
    @Inject(WAITLIST_OFFER_CHECK_INTERVAL) intervalMs: number,
    @Inject(LOGGER) logger: Logger,
    private readonly activities: CommunityActivityRepository,
  ) {
    super(pool, clock, intervalMs, logger, {
      table: 'waitlist_offer_checks',
      idColumn: 'activity_id',
      work: 'waitlist offer check',
    });
  }

  protected async check(activityId: string, now: Date): Promise<void> {
    const result = await this.activities.handle(
      activityId,
      { type: 'ExpireWaitlistOffers', activityId, now },
      {
        metadata: {
          correlationId: randomUUID(),
          causationId: null,
          actor: { type: 'system', id: 'waitlist-offer-scheduler' },
        },
      },
    );
    // Nothing lapsed after all (e.g. the offer was accepted meanwhile): reschedule from the current state.
    if (result.events.length === 0) await this.activities.rescheduleOfferCheck(activityId);
  }
}
