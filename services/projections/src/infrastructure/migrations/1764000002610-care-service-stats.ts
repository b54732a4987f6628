import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * "Love Care" services per community, month (Beijing time) and service kind. Each service is one resident's, so
 * services and visits stay outside the reporting schema (without the resident's subject id); BI tools see the
 * counts through the view. Each figure counts in the month its event happened: requests when requested, visits
 * when completed (with their ratings), endings when ended.
 */
export class CareServiceStats1764000002610 implements MigrationInterface {
  name = 'CareServiceStats1764000002610';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE public.community_care_services (
        care_service_id      uuid        PRIMARY KEY,
        community            text        NOT NULL,
        service_kind         text        NOT NULL,
        recurrence           text,
        status               text        NOT NULL
                                         CHECK (status IN ('requested', 'assigned', 'scheduled', 'completed', 'ended')),
        requested_at         timestamptz NOT NULL,
        ended_at             timestamptz,
        last_stream_version  integer     NOT NULL
      )`);
    await db.query(`
      CREATE TABLE public.community_care_visits (
        care_service_id  uuid        NOT NULL,
        visit_number     integer     NOT NULL,
        scheduled_for    timestamptz NOT NULL,
        completed_at     timestamptz,
        rating           smallint,
        PRIMARY KEY (care_service_id, visit_number)
      )`);
    await db.query(`
      CREATE VIEW reporting.care_service_stats AS
      WITH facts AS (
        SELECT s.community, s.service_kind, s.requested_at AS at,
               1 AS requests, (s.recurrence IS NOT NULL)::int AS recurring_requests,
               0 AS visits_completed, NULL::smallint AS rating, 0 AS ended
          FROM public.community_care_services s
        UNION ALL
        SELECT s.community, s.service_kind, v.completed_at, 0, 0, 1, v.rating, 0
          FROM public.community_care_visits v
          JOIN public.community_care_services s ON s.care_service_id = v.care_service_id
         WHERE v.completed_at IS NOT NULL
        UNION ALL
        SELECT s.community, s.service_kind, s.ended_at, 0, 0, 0, NULL, 1
          FROM public.community_care_services s WHERE s.ended_at IS NOT NULL)
      SELECT community, date_trunc('month', at AT TIME ZONE 'Asia/Shanghai')::date AS month, service_kind,
             sum(requests)::bigint AS requests,
             sum(recurring_requests)::bigint AS recurring_requests,
             sum(visits_completed)::bigint AS visits_completed,
             count(rating) AS ratings,
             coalesce(sum(rating), 0)::bigint AS rating_total,
             sum(rating)::numeric / nullif(count(rating), 0) AS average_rating,
             sum(ended)::bigint AS ended
        FROM facts
       GROUP BY community, date_trunc('month', at AT TIME ZONE 'Asia/Shanghai')::date, service_kind`);
    await db.query(`COMMENT ON VIEW reporting.care_service_stats IS
      'Love Care services per community, month and service kind: requests, completed visits, ratings, endings. See services/projections/README.md.'`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query('DROP VIEW reporting.care_service_stats');
    await db.query('DROP TABLE public.community_care_visits');
    await db.query('DROP TABLE public.community_care_services');
  }
}
