import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * What a bulk upload of activities answered: the refused rows' numbers and reasons are not events, so a
 * repeated Idempotency-Key answers the first report from here. Written with the upload's events.
 */
export class CreateParticipationUploadReports1764000003100 implements MigrationInterface {
  name = 'CreateParticipationUploadReports1764000003100';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE participation_upload_reports (
        submission_id  uuid        PRIMARY KEY,
        campaign_id    uuid        NOT NULL,
        report         jsonb       NOT NULL,
        recorded_at    timestamptz NOT NULL DEFAULT now()
      )`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query('DROP TABLE participation_upload_reports');
  }
}
