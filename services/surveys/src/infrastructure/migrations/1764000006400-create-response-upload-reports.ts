import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * What a vendor's batch answered: the refused rows' numbers and reasons are not events, so a repeated
 * Idempotency-Key answers the first report from here. Written with the batch's events.
 */
export class CreateResponseUploadReports1764000006400 implements MigrationInterface {
  name = 'CreateResponseUploadReports1764000006400';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE response_upload_reports (
        submission_id  uuid        PRIMARY KEY,
        wave_id        uuid        NOT NULL,
        report         jsonb       NOT NULL,
        recorded_at    timestamptz NOT NULL DEFAULT now()
      )`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query('DROP TABLE response_upload_reports');
  }
}
