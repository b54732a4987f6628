import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Subjects the vault erased (SubjectErased on cx.confidentiality.events): projections forget and never relearn them. */
export class ErasedSubjects1764000002700 implements MigrationInterface {
  name = 'ErasedSubjects1764000002700';

  async up(db: QueryRunner): Promise<void> {
    await db.query('CREATE TABLE public.erased_subjects (subject_id text PRIMARY KEY)');
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query('DROP TABLE public.erased_subjects');
  }
}
