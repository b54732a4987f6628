import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Each sampled customer's case in a wave: the latest disposition, attempts and the number of outcomes, written
 * in the same transaction as the responses' events. Recording a response checks the case here instead of
 * folding every submission; `outcomes` is the optimistic version of the case. Earlier waves' completes are
 * what contact fatigue looks up, by subject and month.
 */
export class CreateSurveyCases1764000006200 implements MigrationInterface {
  name = 'CreateSurveyCases1764000006200';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE survey_cases (
        wave_id           uuid        NOT NULL,
        subject_id        text        NOT NULL,
        period            text        NOT NULL,
        disposition       text        NOT NULL,
        attempts          integer     NOT NULL,
        outcomes          integer     NOT NULL,
        last_response_id  uuid        NOT NULL,
        updated_at        timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (wave_id, subject_id)
      )`);
    await db.query(`CREATE INDEX survey_cases_completes ON survey_cases (subject_id, period)
      WHERE disposition = 'complete'`);
    await db.query(`CREATE INDEX events_survey_responses_wave ON events ((data->>'waveId'))
      WHERE type = 'SurveyResponseRecorded'`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query('DROP INDEX events_survey_responses_wave');
    await db.query('DROP TABLE survey_cases');
  }
}
