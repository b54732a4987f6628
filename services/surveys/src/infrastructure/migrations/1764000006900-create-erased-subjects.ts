import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Customers the vault erased (SubjectErased): their free-text answers are deleted and never stored again. */
export class CreateErasedSubjects1764000006900 implements MigrationInterface {
  name = 'CreateErasedSubjects1764000006900';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE erased_subjects (
        subject_id  text        PRIMARY KEY,
        erased_at   timestamptz NOT NULL
      )`);
    await db.query('CREATE INDEX response_free_texts_subject ON response_free_texts (subject_id)');
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query('DROP INDEX response_free_texts_subject');
    await db.query('DROP TABLE erased_subjects');
  }
}
