import { Inject, Injectable } from '@nestjs/common';
import { COMMUNITY_ACTIVITY_STREAM_TYPE, communityActivityEventSchemas } from '@cx/contracts';
import { AggregateRepository, AppendResult, HandleOptions, PostgresEventStore, versionOneCodec } from '@cx/event-store';
import { PG_POOL } from '@cx/platform';
import type { Pool, PoolClient } from 'pg';
import type { CommunityActivityCommand } from '../domain/community-activity/community-activity.commands';
import {
  createCommunityActivityDecider,
  WaitlistPolicy,
} from '../domain/community-activity/community-activity.decider';
import type { CommunityActivityEvent } from '../domain/community-activity/community-activity.events';
import type { CommunityActivityState } from '../domain/community-activity/community-activity.state';
import { ActivityLines } from './activity-lines';
import { WAITLIST_POLICY } from './waitlist-policy.config';

type Db = Pick<Pool, 'query'>;

@Injectable()
export class CommunityActivityRepository extends AggregateRepository<
  CommunityActivityCommand,
  CommunityActivityEvent,
  CommunityActivityState
> {
  constructor(
    private readonly eventStore: PostgresEventStore,
    @Inject(PG_POOL) private readonly pool: Pool,
    @Inject(WAITLIST_POLICY) policy: WaitlistPolicy,
    private readonly lines: ActivityLines,
  ) {
    super(
      eventStore,
      createCommunityActivityDecider(policy),
      COMMUNITY_ACTIVITY_STREAM_TYPE,
      versionOneCodec<CommunityActivityEvent>(communityActivityEventSchemas),
    );
  }

  /**
   * Commands on one activity wait their turn in its line (ActivityLines), so that a rush of registrations is
   * decided one after the other in order of arrival, across instances. Each decision is still appended at the
   * version it was taken on, and a lost race (a line lost with its connection) is decided again on fresh state
   * (AggregateRepository, three tries; a stale If-Match is 412). A repeated Idempotency-Key answers the first
   * result before deciding, since deciding again would now refuse (the resident is registered). Every change
   * stores when the activity's next offer lapses, in the same transaction.
   */
  override handle(
    activityId: string,
    command: CommunityActivityCommand,
    options: HandleOptions<CommunityActivityState>,
  ): Promise<AppendResult> {
    return this.lines.run(activityId, async () => {
      const replay = options.idempotency && (await this.eventStore.findReplay(options.idempotency));
      if (replay) return replay;
      return super.handle(activityId, command, {
        ...options,
        alsoInTransaction: async (tx, after) => {
          await options.alsoInTransaction?.(tx, after);
          await this.saveOfferCheck(tx, activityId, after);
        },
      });
    });
  }

  /** Recomputes the next offer check from the stream, for a check that found nothing to expire. */
  async rescheduleOfferCheck(activityId: string): Promise<void> {
    const { state } = await this.load(activityId);
    await this.saveOfferCheck(this.pool, activityId, state);
  }

  /** The activity's community, from its first event (an activity never moves); null when there is no activity. */
  async communityOf(activityId: string): Promise<string | null> {
    const { rows } = await this.pool.query<{ community: string }>(
      `SELECT data->>'community' AS community FROM events WHERE stream_id = $1 AND stream_version = 1`,
      [activityId],
    );
    return rows[0]?.community ?? null;
  }

  /** The registration a (replayed) append recorded: the one its last event names. */
  async registrationAt(activityId: string, streamVersion: number): Promise<string> {
    const recorded = (await this.eventStore.readStream(activityId)).find((e) => e.streamVersion === streamVersion);
    return (recorded?.data as { registrationId: string }).registrationId;
  }

  /** Written in the append's transaction, only when the events confirmed the registration. */
  static saveCheckInCode(activityId: string, registrationId: string, code: string) {
    return async (tx: PoolClient, after: CommunityActivityState): Promise<void> => {
      if (after.status === 'not_planned') return;
      const registration = after.registrations.find((r) => r.registrationId === registrationId);
      if (registration?.status !== 'confirmed') return;
      await tx.query('INSERT INTO check_in_codes (code, activity_id, registration_id) VALUES ($1, $2, $3)', [
        code,
        activityId,
        registrationId,
      ]);
    };
  }

  async checkInCodeOf(registrationId: string): Promise<string | null> {
    const { rows } = await this.pool.query<{ code: string }>(
      'SELECT code FROM check_in_codes WHERE registration_id = $1',
      [registrationId],
    );
    return rows[0]?.code ?? null;
  }

  /** The registration a scanned code belongs to, among this activity's; null when none has it. */
  async registrationWithCode(activityId: string, code: string): Promise<string | null> {
    const { rows } = await this.pool.query<{ registration_id: string }>(
      'SELECT registration_id FROM check_in_codes WHERE code = $1 AND activity_id = $2',
      [code, activityId],
    );
    return rows[0]?.registration_id ?? null;
  }

  /** Written in the append's transaction: the comment is kept here, the event says only that there is one. */
  static saveFeedbackComment(activityId: string, registrationId: string, comment: string, givenAt: Date) {
    return async (tx: PoolClient): Promise<void> => {
      await tx.query(
        `INSERT INTO activity_feedback_comments (registration_id, activity_id, comment, given_at)
         VALUES ($1, $2, $3, $4)`,
        [registrationId, activityId, comment, givenAt],
      );
    };
  }

  private async saveOfferCheck(db: Db, activityId: string, state: CommunityActivityState): Promise<void> {
    const lapses =
      state.status === 'published'
        ? state.registrations.flatMap((r) =>
            r.status === 'offered' && r.offerExpiresAt ? [Date.parse(r.offerExpiresAt)] : [],
          )
        : [];
    const due = lapses.length === 0 ? null : new Date(Math.min(...lapses));
    await db.query(
      `INSERT INTO waitlist_offer_checks (activity_id, due_at, updated_at) VALUES ($1, $2, now())
       ON CONFLICT (activity_id) DO UPDATE SET due_at = EXCLUDED.due_at, updated_at = now()`,
      [activityId, due],
    );
  }
}
