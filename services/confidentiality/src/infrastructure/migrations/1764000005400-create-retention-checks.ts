import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * When each subject's retention period next needs a look, written in the same transaction as the subject's
 * events; null while an erasure it deferred waits for a legal hold's release; gone once the subject is erased.
 * Subjects registered before this table existed are due at once: the first check computes their real date.
 */
export class CreateRetentionChecks1764000005400 implements MigrationInterface {
  name = 'CreateRetentionChecks1764000005400';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE retention_checks (
        subject_id  text        PRIMARY KEY,
        due_at      timestamptz,
        updated_at  timestamptz NOT NULL DEFAULT now()
      )`);
    await db.query('CREATE INDEX retention_checks_due ON retention_checks (due_at) WHERE due_at IS NOT NULL');
    // -infinity, not now(): due whatever clock the job runs on.
    await db.query(`
      INSERT INTO retention_checks (subject_id, due_at)
      SELECT DISTINCT stream_id, '-infinity'::timestamptz FROM events
       WHERE stream_type = 'Subject' AND type = 'SubjectRegistered'
         AND stream_id NOT IN (SELECT stream_id FROM events WHERE stream_type = 'Subject' AND type = 'SubjectErased')`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query('DROP TABLE retention_checks');
  }
}
