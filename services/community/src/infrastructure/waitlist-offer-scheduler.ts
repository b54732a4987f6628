import { BeforeApplicationShutdown, Inject, Injectable, OnApplicationBootstrap } from '@nestjs/common';
import { Clock, CLOCK, LOGGER, PG_POOL } from '@cx/platform';
import { randomUUID } from 'node:crypto';
import type { Pool } from 'pg';
import type { Logger } from 'pino';
import { CommunityActivityRepository } from './community-activity.repository';
import { WAITLIST_OFFER_CHECK_INTERVAL } from './waitlist-policy.config';

const BATCH = 200;

/**
 * Lets waitlist offers lapse when their hold is over, passing the places to the next in line. Deadlines are
 * stored (waitlist_offer_checks), so a restart loses nothing: the first tick at start-up handles every overdue
 * one. Each offer lapses once, because the activity's own stream records it and a concurrent check decides on
 * the state after it (nothing left to expire).
 */
@Injectable()
export class WaitlistOfferScheduler implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private timer?: NodeJS.Timeout;
  private running?: Promise<number>;

  constructor(
    @Inject(PG_POOL) private readonly pool: Pool,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(WAITLIST_OFFER_CHECK_INTERVAL) private readonly intervalMs: number,
    @Inject(LOGGER) private readonly logger: Logger,
    private readonly activities: CommunityActivityRepository,
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

  /** Checks every activity whose next offer has lapsed by now; returns how many were checked. */
  tick(): Promise<number> {
    this.running ??= this.checkDue().finally(() => (this.running = undefined));
    return this.running;
  }

  private async checkDue(): Promise<number> {
    let checked = 0;
    try {
      for (;;) {
        const now = this.clock.now();
        const { rows } = await this.pool.query<{ activity_id: string }>(
          'SELECT activity_id FROM waitlist_offer_checks WHERE due_at <= $1 ORDER BY due_at LIMIT $2',
          [now, BATCH],
        );
        for (const { activity_id: activityId } of rows) {
          await this.check(activityId, now);
          checked++;
        }
        if (rows.length < BATCH) return checked;
      }
    } catch (error) {
      this.logger.error({ err: error }, 'waitlist offer check failed; the next tick retries');
      return checked;
    }
  }

  private async check(activityId: string, now: Date): Promise<void> {
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
