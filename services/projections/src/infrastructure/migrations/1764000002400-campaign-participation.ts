import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Participation rates of the listening campaigns. The roster and the activities name people by HR person id,
 * so they stay outside the reporting schema; BI tools see the figures only (views run with their owner's
 * rights). Eligibility rule `employment_overlaps_period`: a person is eligible when their employment
 * (employed_from .. employed_until, inclusive, open-ended while employed) overlaps the campaign period, from
 * the later of joining and the period start to the earlier of leaving and the period end; a participant is an
 * eligible person with at least one activity dated inside that window.
 */
export class CampaignParticipation1764000002400 implements MigrationInterface {
  name = 'CampaignParticipation1764000002400';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE reporting.listening_campaigns_v1 (
        campaign_id          uuid    PRIMARY KEY,
        name                 text    NOT NULL,
        period_start         date    NOT NULL,
        period_end           date    NOT NULL,
        activity_kinds       text[]  NOT NULL,
        status               text    NOT NULL CHECK (status IN ('draft', 'open', 'closed')),
        last_stream_version  integer NOT NULL
      )`);
    await db.query(`
      CREATE TABLE public.campaign_roster (
        campaign_id          uuid    NOT NULL,
        person_id            text    NOT NULL,
        segment              text    NOT NULL CHECK (segment IN ('employee', 'management')),
        department           text    NOT NULL,
        region               text    NOT NULL,
        employed_from        date    NOT NULL,
        employed_until       date,
        last_stream_version  integer NOT NULL,
        PRIMARY KEY (campaign_id, person_id)
      )`);
    await db.query(`
      CREATE TABLE public.campaign_activities (
        activity_id    uuid     PRIMARY KEY,
        campaign_id    uuid     NOT NULL,
        person_id      text     NOT NULL,
        kind           text     NOT NULL,
        activity_date  date     NOT NULL,
        customers_met  integer  NOT NULL,
        findings       integer  NOT NULL
      )`);
    await db.query(
      'CREATE INDEX campaign_activities_by_person ON public.campaign_activities (campaign_id, person_id, activity_date)',
    );
    await db.query(`
      CREATE VIEW public.campaign_eligible_people AS
      SELECT r.campaign_id, r.person_id, r.segment, r.department, r.region,
             greatest(r.employed_from, c.period_start) AS eligible_from,
             least(coalesce(r.employed_until, c.period_end), c.period_end) AS eligible_until,
             (SELECT min(a.activity_date) FROM public.campaign_activities a
               WHERE a.campaign_id = r.campaign_id AND a.person_id = r.person_id
                 AND a.activity_date BETWEEN greatest(r.employed_from, c.period_start)
                                         AND least(coalesce(r.employed_until, c.period_end), c.period_end)
             ) AS first_participation
        FROM public.campaign_roster r
        JOIN reporting.listening_campaigns_v1 c ON c.campaign_id = r.campaign_id
       WHERE r.employed_from <= c.period_end
         AND (r.employed_until IS NULL OR r.employed_until >= c.period_start)`);
    await db.query(`
      CREATE VIEW reporting.campaign_participation AS
      SELECT p.campaign_id, c.name AS campaign_name,
             CASE WHEN GROUPING(p.segment) = 0 THEN p.segment ELSE 'all' END AS segment,
             CASE WHEN GROUPING(p.department) = 0 THEN 'department'
                  WHEN GROUPING(p.region) = 0 THEN 'region' ELSE 'overall' END AS dimension,
             CASE WHEN GROUPING(p.department) = 0 THEN p.department
                  WHEN GROUPING(p.region) = 0 THEN p.region ELSE 'all' END AS dimension_value,
             count(*) AS eligible,
             count(p.first_participation) AS participants,
             count(p.first_participation)::numeric / count(*) AS rate,
             'employment_overlaps_period'::text AS eligibility_rule
        FROM public.campaign_eligible_people p
        JOIN reporting.listening_campaigns_v1 c ON c.campaign_id = p.campaign_id
       GROUP BY p.campaign_id, c.name,
                GROUPING SETS ((), (p.segment), (p.department), (p.segment, p.department),
                               (p.region), (p.segment, p.region))`);
    await db.query(`COMMENT ON VIEW reporting.campaign_participation IS
      'Participation rates per campaign, segment and dimension (overall, department, region); exact ratios. See services/projections/README.md.'`);
    await db.query(`
      CREATE VIEW reporting.campaign_participation_weekly AS
      SELECT c.campaign_id, c.name AS campaign_name,
             CASE WHEN GROUPING(p.segment) = 0 THEN p.segment ELSE 'all' END AS segment,
             w.week_start::date AS week_start,
             least(w.week_start::date + 6, c.period_end) AS week_end,
             count(*) FILTER (WHERE p.eligible_from <= least(w.week_start::date + 6, c.period_end)) AS eligible,
             count(*) FILTER (WHERE p.first_participation <= least(w.week_start::date + 6, c.period_end))
               AS participants,
             count(*) FILTER (WHERE p.first_participation <= least(w.week_start::date + 6, c.period_end))::numeric
               / nullif(count(*) FILTER (WHERE p.eligible_from <= least(w.week_start::date + 6, c.period_end)), 0)
               AS rate,
             'employment_overlaps_period'::text AS eligibility_rule
        FROM reporting.listening_campaigns_v1 c
        CROSS JOIN LATERAL generate_series(date_trunc('week', c.period_start::timestamp), c.period_end::timestamp,
                                           interval '1 week') AS w(week_start)
        JOIN public.campaign_eligible_people p ON p.campaign_id = c.campaign_id
       GROUP BY c.campaign_id, c.name, c.period_end, w.week_start, GROUPING SETS ((), (p.segment))`);
    await db.query(`COMMENT ON VIEW reporting.campaign_participation_weekly IS
      'Cumulative participation per campaign week (Monday to Sunday): eligible so far, participants so far.'`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query('DROP VIEW reporting.campaign_participation_weekly');
    await db.query('DROP VIEW reporting.campaign_participation');
    await db.query('DROP VIEW public.campaign_eligible_people');
    await db.query('DROP TABLE public.campaign_activities');
    await db.query('DROP TABLE public.campaign_roster');
    await db.query('DROP TABLE reporting.listening_campaigns_v1');
  }
}
