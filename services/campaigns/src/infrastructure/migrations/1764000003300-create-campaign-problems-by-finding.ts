import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * One problem per finding: each problem claims its finding here in the same transaction as
 * CampaignProblemRaised, so a second problem from the same finding, concurrent ones included, fails on the key.
 */
export class CreateCampaignProblemsByFinding1764000003300 implements MigrationInterface {
  name = 'CreateCampaignProblemsByFinding1764000003300';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE campaign_problems_by_finding (
        activity_id    uuid        NOT NULL,
        finding_index  integer     NOT NULL,
        problem_id     uuid        NOT NULL UNIQUE,
        recorded_at    timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (activity_id, finding_index)
      )`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query('DROP TABLE campaign_problems_by_finding');
  }
}
