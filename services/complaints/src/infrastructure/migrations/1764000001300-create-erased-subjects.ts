import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Customers the vault erased (SubjectErased): their complaints' descriptions are deleted and the API says the
 * customer was erased. The index finds a subject's complaints among the filings.
 */
export class CreateErasedSubjects1764000001300 implements MigrationInterface {
  name = 'CreateErasedSubjects1764000001300';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE erased_subjects (
        subject_id  text        PRIMARY KEY,
        erased_at   timestamptz NOT NULL
      )`);
    await db.query(`CREATE INDEX events_complaint_customers ON events ((data->>'customerId'))
      WHERE type = 'ComplaintFiled'`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query('DROP INDEX events_complaint_customers');
    await db.query('DROP TABLE erased_subjects');
  }
}
