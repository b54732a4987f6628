import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Dead letters a consumer group applied on a redrive: a later redrive passes them over. */
export class CreateDeadLetterRedrives1764000000200 implements MigrationInterface {
  name = 'CreateDeadLetterRedrives1764000000200';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE dead_letter_redrives (
        consumer_group  text        NOT NULL,
        partition       integer     NOT NULL,
        "offset"        bigint      NOT NULL,
        redriven_at     timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (consumer_group, partition, "offset")
      )`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query('DROP TABLE dead_letter_redrives');
  }
}
