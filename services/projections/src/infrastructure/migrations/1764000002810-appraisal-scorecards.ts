import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The appraisal scorecards the surveys service freezes: each line as the scorecard now stands (a correction
 * replaces the lines, never edits a figure in place), and every revision with its reason and what it changed.
 */
export class AppraisalScorecards1764000002810 implements MigrationInterface {
  name = 'AppraisalScorecards1764000002810';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE reporting.appraisal_scorecards_v1 (
        scorecard_id         uuid        PRIMARY KEY,
        period               text        NOT NULL,
        project_type         text        NOT NULL,
        wave_id              uuid        NOT NULL,
        minimum_responses    integer     NOT NULL,
        revision             integer     NOT NULL,
        frozen_at            timestamptz NOT NULL,
        corrected_at         timestamptz,
        last_stream_version  integer     NOT NULL
      )`);
    await db.query(`
      CREATE TABLE reporting.appraisal_scorecard_lines_v1 (
        scorecard_id    uuid    NOT NULL,
        kind            text    NOT NULL CHECK (kind IN ('project', 'team')),
        code            text    NOT NULL,
        team            text,
        responses       integer NOT NULL,
        answers         integer NOT NULL,
        index           numeric,
        ci_low          numeric,
        ci_high         numeric,
        insufficient    boolean NOT NULL,
        rank            integer,
        previous_index  numeric,
        change          numeric,
        target          numeric,
        against_target  numeric,
        PRIMARY KEY (scorecard_id, kind, code)
      )`);
    await db.query(`
      CREATE TABLE reporting.appraisal_scorecard_revisions_v1 (
        scorecard_id  uuid        NOT NULL,
        revision      integer     NOT NULL,
        reason        text,
        by_user       text        NOT NULL,
        at            timestamptz NOT NULL,
        changes       jsonb       NOT NULL,
        PRIMARY KEY (scorecard_id, revision)
      )`);
    await db.query(`
      CREATE VIEW reporting.appraisal_scorecard AS
      SELECT s.period, s.project_type, l.kind, l.code, l.team, l.responses, l.answers, l.index, l.ci_low, l.ci_high,
             l.insufficient, l.rank, l.previous_index, l.change, l.target, l.against_target,
             s.minimum_responses, s.revision, s.frozen_at, s.corrected_at, s.scorecard_id
        FROM reporting.appraisal_scorecard_lines_v1 l
        JOIN reporting.appraisal_scorecards_v1 s ON s.scorecard_id = l.scorecard_id`);
    await db.query(`COMMENT ON VIEW reporting.appraisal_scorecard IS
      'Monthly appraisal scorecards per project and responsible team, as they now stand. See services/projections/README.md.'`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query('DROP VIEW reporting.appraisal_scorecard');
    await db.query('DROP TABLE reporting.appraisal_scorecard_revisions_v1');
    await db.query('DROP TABLE reporting.appraisal_scorecard_lines_v1');
    await db.query('DROP TABLE reporting.appraisal_scorecards_v1');
  }
}
