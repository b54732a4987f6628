import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The review board's record: every typical-case review, its root cause and improvement actions. The view adds
 * the action counts and what is overdue (due before today, Beijing time, and not yet verified).
 */
export class TypicalCaseReviews1764000002300 implements MigrationInterface {
  name = 'TypicalCaseReviews1764000002300';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE reporting.typical_case_reviews_v1 (
        review_id            uuid        PRIMARY KEY,
        complaint_id         uuid        NOT NULL,
        project              text        NOT NULL,
        region               text        NOT NULL,
        category             text        NOT NULL,
        severity             text        NOT NULL,
        status               text        NOT NULL CHECK (status IN ('open', 'concluded')),
        marked_at            timestamptz NOT NULL,
        root_cause_category  text,
        business_problem     text,
        conclusion           text,
        concluded_at         timestamptz,
        last_stream_version  integer     NOT NULL
      )`);
    await db.query(`
      CREATE TABLE reporting.typical_case_review_actions_v1 (
        review_id        uuid        NOT NULL,
        action_id        uuid        NOT NULL,
        position         integer     NOT NULL,
        description      text        NOT NULL,
        owner_id         text        NOT NULL,
        due_date         date        NOT NULL,
        status           text        NOT NULL CHECK (status IN ('open', 'completed', 'verified')),
        completed_at     timestamptz,
        verified_at      timestamptz,
        times_sent_back  integer     NOT NULL,
        PRIMARY KEY (review_id, action_id)
      )`);
    await db.query(`
      CREATE VIEW reporting.typical_case_reviews AS
      SELECT r.review_id, r.complaint_id, r.project, r.region, r.category, r.severity, r.status, r.marked_at,
             r.root_cause_category, r.business_problem, r.conclusion, r.concluded_at,
             count(a.action_id) AS actions,
             count(a.action_id) FILTER (WHERE a.status = 'open') AS actions_open,
             count(a.action_id) FILTER (WHERE a.status = 'completed') AS actions_awaiting_verification,
             count(a.action_id) FILTER (WHERE a.status = 'verified') AS actions_verified,
             count(a.action_id) FILTER (WHERE a.status <> 'verified'
               AND a.due_date < (now() AT TIME ZONE 'Asia/Shanghai')::date) AS actions_overdue,
             min(a.due_date) FILTER (WHERE a.status <> 'verified') AS next_due_date
        FROM reporting.typical_case_reviews_v1 r
        LEFT JOIN reporting.typical_case_review_actions_v1 a ON a.review_id = r.review_id
       GROUP BY r.review_id`);
    await db.query(`COMMENT ON VIEW reporting.typical_case_reviews IS
      'Typical-case reviews with root cause and improvement-action follow-up. See services/projections/README.md.'`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query('DROP VIEW reporting.typical_case_reviews');
    await db.query('DROP TABLE reporting.typical_case_review_actions_v1');
    await db.query('DROP TABLE reporting.typical_case_reviews_v1');
  }
}
