import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * One wave per project type and month: each wave claims its month here in the same transaction as
 * SurveyWavePlanned, so a second one, concurrent ones included, fails on the key.
 */
export class CreateSurveyWavesByPeriod1764000006000 implements MigrationInterface {
  name = 'CreateSurveyWavesByPeriod1764000006000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE survey_waves_by_period (
        project_type  text        NOT NULL,
        period        text        NOT NULL,
        wave_id       uuid        NOT NULL UNIQUE,
        recorded_at   timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (project_type, period)
      )`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query('DROP TABLE survey_waves_by_period');
  }
}
