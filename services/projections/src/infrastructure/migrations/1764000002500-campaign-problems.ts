import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Problems the listening campaigns found and their improvement actions. The stats view counts them per campaign
 * and category: open and closed problems, overdue ones (open, due before today, Beijing time), and actions.
 */
export class CampaignProblems1764000002500 implements MigrationInterface {
  name = 'CampaignProblems1764000002500';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE reporting.campaign_problems_v1 (
        problem_id           uuid        PRIMARY KEY,
        campaign_id          uuid        NOT NULL,
        category             text        NOT NULL,
        owner_id             text        NOT NULL,
        due_date             date        NOT NULL,
        status               text        NOT NULL CHECK (status IN ('open', 'closed')),
        raised_at            timestamptz NOT NULL,
        closed_at            timestamptz,
        link_kind            text,
        linked_id            uuid,
        last_stream_version  integer     NOT NULL
      )`);
    await db.query(`
      CREATE TABLE reporting.campaign_problem_actions_v1 (
        problem_id       uuid    NOT NULL,
        action_id        uuid    NOT NULL,
        owner_id         text    NOT NULL,
        due_date         date    NOT NULL,
        status           text    NOT NULL CHECK (status IN ('open', 'completed', 'verified')),
        times_sent_back  integer NOT NULL,
        PRIMARY KEY (problem_id, action_id)
      )`);
    await db.query(`
      CREATE VIEW reporting.campaign_problem_stats AS
      WITH today AS (SELECT (now() AT TIME ZONE 'Asia/Shanghai')::date AS day),
      actions AS (
        SELECT a.problem_id,
               count(*) AS actions,
               count(*) FILTER (WHERE a.status = 'verified') AS actions_verified,
               count(*) FILTER (WHERE a.status <> 'verified' AND a.due_date < (SELECT day FROM today))
                 AS actions_overdue
          FROM reporting.campaign_problem_actions_v1 a GROUP BY a.problem_id)
      SELECT p.campaign_id, p.category,
             count(*) AS problems,
             count(*) FILTER (WHERE p.status = 'open') AS open,
             count(*) FILTER (WHERE p.status = 'closed') AS closed,
             count(*) FILTER (WHERE p.status = 'open' AND p.due_date < (SELECT day FROM today)) AS overdue,
             count(*) FILTER (WHERE p.linked_id IS NOT NULL) AS linked,
             coalesce(sum(a.actions), 0)::bigint AS actions,
             coalesce(sum(a.actions_verified), 0)::bigint AS actions_verified,
             coalesce(sum(a.actions_overdue), 0)::bigint AS actions_overdue
        FROM reporting.campaign_problems_v1 p
        LEFT JOIN actions a ON a.problem_id = p.problem_id
       GROUP BY p.campaign_id, p.category`);
    await db.query(`COMMENT ON VIEW reporting.campaign_problem_stats IS
      'Problems found by the listening campaigns, per campaign and category. See services/projections/README.md.'`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query('DROP VIEW reporting.campaign_problem_stats');
    await db.query('DROP TABLE reporting.campaign_problem_actions_v1');
    await db.query('DROP TABLE reporting.campaign_problems_v1');
  }
}
