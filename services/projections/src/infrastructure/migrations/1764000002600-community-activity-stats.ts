import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * "37°C Community" activities per community, month (of the start, Beijing time) and category. Activities are in
 * the reporting schema; registrations, each about one resident's party, stay outside it (without the resident's
 * subject id, which the reports do not need), and BI tools see them only through the view.
 */
export class CommunityActivityStats1764000002600 implements MigrationInterface {
  name = 'CommunityActivityStats1764000002600';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE reporting.community_activities_v1 (
        activity_id          uuid        PRIMARY KEY,
        community            text        NOT NULL,
        category             text        NOT NULL,
        title                text        NOT NULL,
        starts_at            timestamptz NOT NULL,
        capacity             integer     NOT NULL,
        status               text        NOT NULL CHECK (status IN ('draft', 'published', 'cancelled', 'held')),
        last_stream_version  integer     NOT NULL
      )`);
    await db.query(
      'CREATE INDEX community_activities_v1_by_community ON reporting.community_activities_v1 (community, starts_at)',
    );
    await db.query(`
      CREATE TABLE public.community_activity_registrations (
        registration_id  uuid     PRIMARY KEY,
        activity_id      uuid     NOT NULL,
        party_size       integer  NOT NULL,
        status           text     NOT NULL
                                  CHECK (status IN ('confirmed', 'offered', 'waitlisted', 'cancelled', 'offer_expired')),
        offered          boolean  NOT NULL,
        checked_in       boolean  NOT NULL,
        rating           smallint
      )`);
    await db.query(
      'CREATE INDEX community_activity_registrations_by_activity ON public.community_activity_registrations (activity_id)',
    );
    await db.query(`
      CREATE VIEW reporting.community_activity_stats AS
      WITH registrations AS (
        SELECT r.activity_id,
               count(*) FILTER (WHERE r.status = 'confirmed') AS registrations,
               coalesce(sum(r.party_size) FILTER (WHERE r.status = 'confirmed'), 0) AS registered_people,
               coalesce(sum(r.party_size) FILTER (WHERE r.status = 'confirmed' AND r.checked_in), 0) AS attended_people,
               count(*) FILTER (WHERE r.status = 'confirmed' AND NOT r.checked_in) AS not_checked_in,
               count(*) FILTER (WHERE r.offered) AS waitlist_offers,
               count(r.rating) AS feedback,
               coalesce(sum(r.rating), 0) AS rating_sum
          FROM public.community_activity_registrations r GROUP BY r.activity_id),
      activities AS (
        SELECT a.*, a.status IN ('published', 'held') AS going_ahead,
               date_trunc('month', a.starts_at AT TIME ZONE 'Asia/Shanghai')::date AS month
          FROM reporting.community_activities_v1 a WHERE a.status <> 'draft')
      SELECT a.community, a.month, a.category,
             count(*) FILTER (WHERE a.going_ahead) AS activities,
             count(*) FILTER (WHERE a.status = 'cancelled') AS cancelled,
             coalesce(sum(a.capacity) FILTER (WHERE a.going_ahead), 0)::bigint AS capacity,
             coalesce(sum(r.registrations) FILTER (WHERE a.going_ahead), 0)::bigint AS registrations,
             coalesce(sum(r.registered_people) FILTER (WHERE a.going_ahead), 0)::bigint AS registered_people,
             coalesce(sum(r.waitlist_offers) FILTER (WHERE a.going_ahead), 0)::bigint AS waitlist_offers,
             count(*) FILTER (WHERE a.status = 'held') AS activities_held,
             coalesce(sum(r.registered_people) FILTER (WHERE a.status = 'held'), 0)::bigint AS registered_people_held,
             coalesce(sum(r.attended_people) FILTER (WHERE a.status = 'held'), 0)::bigint AS attended_people,
             coalesce(sum(r.not_checked_in) FILTER (WHERE a.status = 'held'), 0)::bigint AS no_shows,
             sum(r.attended_people) FILTER (WHERE a.status = 'held')::numeric
               / nullif(sum(r.registered_people) FILTER (WHERE a.status = 'held'), 0) AS attendance_rate,
             coalesce(sum(r.feedback) FILTER (WHERE a.going_ahead), 0)::bigint AS feedback,
             coalesce(sum(r.rating_sum) FILTER (WHERE a.going_ahead), 0)::bigint AS rating_total,
             sum(r.rating_sum) FILTER (WHERE a.going_ahead)::numeric
               / nullif(sum(r.feedback) FILTER (WHERE a.going_ahead), 0) AS average_rating
        FROM activities a
        LEFT JOIN registrations r ON r.activity_id = a.activity_id
       GROUP BY a.community, a.month, a.category`);
    await db.query(`COMMENT ON VIEW reporting.community_activity_stats IS
      'Community activities per community, month and category: places, registrations, attendance, ratings. See services/projections/README.md.'`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query('DROP VIEW reporting.community_activity_stats');
    await db.query('DROP TABLE public.community_activity_registrations');
    await db.query('DROP TABLE reporting.community_activities_v1');
  }
}
