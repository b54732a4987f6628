import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * When each activity's earliest waitlist offer lapses, written in the same transaction as the activity's events;
 * null when no offer is held. The waitlist offer scheduler reads it, so a restart loses no deadline.
 */
export class CreateWaitlistOfferChecks1764000004200 implements MigrationInterface {
  name = 'CreateWaitlistOfferChecks1764000004200';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE waitlist_offer_checks (
        activity_id  uuid        PRIMARY KEY,
        due_at       timestamptz,
        updated_at   timestamptz NOT NULL DEFAULT now()
      )`);
    await db.query('CREATE INDEX waitlist_offer_checks_due ON waitlist_offer_checks (due_at) WHERE due_at IS NOT NULL');
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query('DROP TABLE waitlist_offer_checks');
  }
}
