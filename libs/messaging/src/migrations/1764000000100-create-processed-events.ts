import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Which events each consumer group has applied in this database: what makes redelivery harmless. */
export class CreateProcessedEvents1764000000100 implements MigrationInterface {
  name = 'CreateProcessedEvents1764000000100';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE processed_events (
        consumer_group  text        NOT NULL,
        event_id        uuid        NOT NULL,
        topic           text        NOT NULL,
        partition       integer     NOT NULL,
        "offset"        bigint      NOT NULL,
        processed_at    timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (consumer_group, event_id)
      )`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query('DROP TABLE processed_events');
  }
}
