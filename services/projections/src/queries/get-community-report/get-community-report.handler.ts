import { Inject } from '@nestjs/common';
import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { PG_POOL } from '@cx/platform';
import type { Pool } from 'pg';
import { CommunityNotFound } from './community-not-found.error';
import type { ActivityStatsView, CareServiceStatsView, CommunityReportView } from './get-community-report.dto';
import { GetCommunityReport } from './get-community-report.query';

const ACTIVITY_COUNTS = [
  'activities',
  'cancelled',
  'capacity',
  'registrations',
  'registered_people',
  'waitlist_offers',
  'activities_held',
  'registered_people_held',
  'attended_people',
  'no_shows',
  'feedback',
] as const;
const CARE_COUNTS = ['requests', 'recurring_requests', 'visits_completed', 'ratings', 'ended'] as const;

/** Sums arrive as numeric text; a month without rows sums to null, which counts as 0. */
type Sums<K extends string> = Record<K | 'rating_total', string | null>;
const count = (sum: string | null) => Number(sum ?? 0);
const ratio = (part: string | null, of: string | null) => (Number(of ?? 0) === 0 ? null : Number(part) / Number(of));
const sums = (columns: readonly string[]) => [...columns, 'rating_total'].map((c) => `sum(${c}) AS ${c}`).join(', ');

/**
 * Reads the views BI tools read, for one community and month: every count summed for "all" and per category
 * (or service kind); rates and averages divided here from their sums, exact, rounded only for display.
 */
@QueryHandler(GetCommunityReport)
export class GetCommunityReportHandler implements IQueryHandler<GetCommunityReport, CommunityReportView> {
  constructor(@Inject(PG_POOL) private readonly pool: Pool) {}

  async execute({ request }: GetCommunityReport): Promise<CommunityReportView> {
    const { community, month } = request;
    const known = await this.pool.query(
      `SELECT 1 FROM reporting.community_activities_v1 WHERE community = $1
       UNION ALL SELECT 1 FROM public.community_care_services WHERE community = $1 LIMIT 1`,
      [community],
    );
    if (known.rows.length === 0) throw new CommunityNotFound(community);
    const firstDay = `${month}-01`;
    const [activities, care] = await Promise.all([
      this.pool.query<Sums<(typeof ACTIVITY_COUNTS)[number]> & { category: string }>(
        `SELECT coalesce(category, 'all') AS category, ${sums(ACTIVITY_COUNTS)}
           FROM reporting.community_activity_stats WHERE community = $1 AND month = $2::date
          GROUP BY GROUPING SETS ((), (category)) ORDER BY GROUPING(category) DESC, category`,
        [community, firstDay],
      ),
      this.pool.query<Sums<(typeof CARE_COUNTS)[number]> & { service_kind: string }>(
        `SELECT coalesce(service_kind, 'all') AS service_kind, ${sums(CARE_COUNTS)}
           FROM reporting.care_service_stats WHERE community = $1 AND month = $2::date
          GROUP BY GROUPING SETS ((), (service_kind)) ORDER BY GROUPING(service_kind) DESC, service_kind`,
        [community, firstDay],
      ),
    ]);
    return {
      community,
      month,
      activities: activities.rows.map((r): ActivityStatsView => {
        const attendanceRate = ratio(r.attended_people, r.registered_people_held);
        return {
          category: r.category,
          activities: count(r.activities),
          cancelled: count(r.cancelled),
          capacity: count(r.capacity),
          registrations: count(r.registrations),
          registeredPeople: count(r.registered_people),
          waitlistOffers: count(r.waitlist_offers),
          activitiesHeld: count(r.activities_held),
          registeredPeopleHeld: count(r.registered_people_held),
          attendedPeople: count(r.attended_people),
          noShows: count(r.no_shows),
          attendanceRate,
          attendanceRatePercent: attendanceRate === null ? null : (attendanceRate * 100).toFixed(1),
          feedback: count(r.feedback),
          averageRating: ratio(r.rating_total, r.feedback),
        };
      }),
      careServices: care.rows.map((r): CareServiceStatsView => ({
        serviceKind: r.service_kind,
        requests: count(r.requests),
        recurringRequests: count(r.recurring_requests),
        visitsCompleted: count(r.visits_completed),
        ratings: count(r.ratings),
        averageRating: ratio(r.rating_total, r.ratings),
        ended: count(r.ended),
      })),
    };
  }
}
