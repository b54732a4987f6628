import {
  ActivityFeedbackGivenV1,
  ActivityRegistrationConfirmedV1,
  ActivityRegistrationWaitlistedV1,
  COMMUNITY_ACTIVITY_STREAM_TYPE,
  CommunityActivityChangedV1,
  CommunityActivityPlannedV1,
  EventEnvelope,
  Topics,
} from '@cx/contracts';
import type { PoolClient } from 'pg';
import type { Projection } from '../projection';

export interface CommunityActivityTables {
  /** One row per activity: reporting, no personal data. */
  activities: string;
  /** One row per registration (party size, status, check-in, rating), without the resident: outside reporting. */
  registrations: string;
}

const ACTIVITY_STATUS: Record<string, string> = {
  CommunityActivityPublished: 'published',
  CommunityActivityCancelled: 'cancelled',
  CommunityActivityAttendanceClosed: 'held',
};

/** What each registration event makes of the registration; its first two events insert it. */
const REGISTRATION_CHANGE: Record<string, string> = {
  WaitlistPlaceOffered: `status = 'offered', offered = true`,
  WaitlistOfferAccepted: `status = 'confirmed'`,
  WaitlistOfferExpired: `status = 'offer_expired'`,
  ActivityRegistrationCancelled: `status = 'cancelled'`,
  ActivityAttendeeCheckedIn: 'checked_in = true',
};

/**
 * Community activities and their registrations, for reporting.community_activity_stats. Registrations live in
 * their activity's stream, so every event after the first claims the activity's next version first: an event
 * at or below the version held (a redelivery, a rebuild passing again) changes nothing, and a cancellation
 * delivered twice counts its waitlist offer once.
 */
export const communityActivityStats: Projection<CommunityActivityTables> = {
  name: 'community-activity-stats',
  topics: [Topics.community],
  tables: {
    activities: 'reporting.community_activities_v1',
    registrations: 'public.community_activity_registrations',
  },
  async apply(event, tx, t) {
    if (event.streamType !== COMMUNITY_ACTIVITY_STREAM_TYPE) return;
    if (event.type === 'CommunityActivityPlanned') {
      const a = event.data as CommunityActivityPlannedV1;
      await tx.query(
        `INSERT INTO ${t.activities} (activity_id, community, category, title, starts_at, capacity, status,
           last_stream_version)
         VALUES ($1, $2, $3, $4, $5, $6, 'draft', $7) ON CONFLICT (activity_id) DO NOTHING`,
        [a.activityId, a.community, a.category, a.title, a.startsAt, a.capacity, event.streamVersion],
      );
      return;
    }
    if (!(await claimVersion(tx, t, event))) return;
    const status = ACTIVITY_STATUS[event.type];
    if (status) {
      await tx.query(`UPDATE ${t.activities} SET status = $2 WHERE activity_id = $1`, [event.streamId, status]);
      return;
    }
    switch (event.type) {
      case 'CommunityActivityChanged': {
        const { changes } = event.data as CommunityActivityChangedV1;
        await tx.query(
          `UPDATE ${t.activities} SET category = coalesce($2, category), title = coalesce($3, title),
             starts_at = coalesce($4, starts_at), capacity = coalesce($5, capacity)
           WHERE activity_id = $1`,
          [
            event.streamId,
            changes.category ?? null,
            changes.title ?? null,
            changes.startsAt ?? null,
            changes.capacity ?? null,
          ],
        );
        return;
      }
      case 'ActivityRegistrationConfirmed':
      case 'ActivityRegistrationWaitlisted': {
        const r = event.data as ActivityRegistrationConfirmedV1 | ActivityRegistrationWaitlistedV1;
        await tx.query(
          `INSERT INTO ${t.registrations} (registration_id, activity_id, party_size, status, offered, checked_in)
           VALUES ($1, $2, $3, $4, false, false)`,
          [
            r.registrationId,
            r.activityId,
            r.partySize,
            event.type === 'ActivityRegistrationConfirmed' ? 'confirmed' : 'waitlisted',
          ],
        );
        return;
      }
      case 'ActivityFeedbackGiven': {
        const f = event.data as ActivityFeedbackGivenV1;
        await tx.query(`UPDATE ${t.registrations} SET rating = $2 WHERE registration_id = $1`, [
          f.registrationId,
          f.rating,
        ]);
        return;
      }
      default: {
        const change = REGISTRATION_CHANGE[event.type];
        if (!change) return;
        await tx.query(`UPDATE ${t.registrations} SET ${change} WHERE registration_id = $1`, [
          (event.data as { registrationId: string }).registrationId,
        ]);
      }
    }
  },
};

async function claimVersion(tx: PoolClient, t: CommunityActivityTables, event: EventEnvelope): Promise<boolean> {
  const { rowCount } = await tx.query(
    `UPDATE ${t.activities} SET last_stream_version = $2 WHERE activity_id = $1 AND last_stream_version < $2`,
    [event.streamId, event.streamVersion],
  );
  return rowCount === 1;
}
