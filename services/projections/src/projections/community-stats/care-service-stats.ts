import {
  CARE_SERVICE_STREAM_TYPE,
  CareServiceEndedV1,
  CareServiceRequestedV1,
  CareVisitCompletedV1,
  CareVisitRatedV1,
  CareVisitScheduledV1,
  EventEnvelope,
  Topics,
} from '@cx/contracts';
import type { PoolClient } from 'pg';
import type { Projection } from '../projection';

export interface CareServiceTables {
  /** One row per care service, without the resident: outside the reporting schema. */
  services: string;
  visits: string;
}

/**
 * "Love Care" services and their visits, for reporting.care_service_stats. Every event after the request claims
 * the service's next version first: an event at or below the version held changes nothing.
 */
export const careServiceStats: Projection<CareServiceTables> = {
  name: 'care-service-stats',
  topics: [Topics.community],
  tables: {
    services: 'public.community_care_services',
    visits: 'public.community_care_visits',
  },
  async apply(event, tx, t) {
    if (event.streamType !== CARE_SERVICE_STREAM_TYPE) return;
    if (event.type === 'CareServiceRequested') {
      const s = event.data as CareServiceRequestedV1;
      await tx.query(
        `INSERT INTO ${t.services} (care_service_id, community, service_kind, recurrence, status, requested_at,
           last_stream_version)
         VALUES ($1, $2, $3, $4, 'requested', $5, $6) ON CONFLICT (care_service_id) DO NOTHING`,
        [s.careServiceId, s.community, s.serviceKind, s.recurrence, s.requestedAt, event.streamVersion],
      );
      return;
    }
    if (!(await claimVersion(tx, t, event))) return;
    switch (event.type) {
      case 'CareServiceAssigned':
        await tx.query(
          `UPDATE ${t.services} SET status = 'assigned' WHERE care_service_id = $1 AND status = 'requested'`,
          [event.streamId],
        );
        return;
      case 'CareVisitScheduled': {
        const v = event.data as CareVisitScheduledV1;
        await tx.query(
          `INSERT INTO ${t.visits} (care_service_id, visit_number, scheduled_for) VALUES ($1, $2, $3)
           ON CONFLICT (care_service_id, visit_number) DO UPDATE SET scheduled_for = EXCLUDED.scheduled_for`,
          [v.careServiceId, v.visitNumber, v.scheduledFor],
        );
        await tx.query(`UPDATE ${t.services} SET status = 'scheduled' WHERE care_service_id = $1`, [v.careServiceId]);
        return;
      }
      case 'CareVisitCompleted': {
        const v = event.data as CareVisitCompletedV1;
        await tx.query(`UPDATE ${t.visits} SET completed_at = $3 WHERE care_service_id = $1 AND visit_number = $2`, [
          v.careServiceId,
          v.visitNumber,
          v.completedAt,
        ]);
        // A recurring service's next visit follows in the same decision and sets it back to scheduled.
        await tx.query(`UPDATE ${t.services} SET status = 'completed' WHERE care_service_id = $1`, [v.careServiceId]);
        return;
      }
      case 'CareVisitRated': {
        const v = event.data as CareVisitRatedV1;
        await tx.query(`UPDATE ${t.visits} SET rating = $3 WHERE care_service_id = $1 AND visit_number = $2`, [
          v.careServiceId,
          v.visitNumber,
          v.rating,
        ]);
        return;
      }
      case 'CareServiceEnded': {
        const e = event.data as CareServiceEndedV1;
        await tx.query(`UPDATE ${t.services} SET status = 'ended', ended_at = $2 WHERE care_service_id = $1`, [
          e.careServiceId,
          e.endedAt,
        ]);
        return;
      }
      default:
        return;
    }
  },
};

async function claimVersion(tx: PoolClient, t: CareServiceTables, event: EventEnvelope): Promise<boolean> {
  const { rowCount } = await tx.query(
    `UPDATE ${t.services} SET last_stream_version = $2 WHERE care_service_id = $1 AND last_stream_version < $2`,
    [event.streamId, event.streamVersion],
  );
  return rowCount === 1;
}
