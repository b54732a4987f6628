import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The information asset register as a table, written in the same transaction as each asset's events: the list
 * route filters and pages it. The asset's stream stays the truth (GET by id reads the stream).
 */
export class CreateInformationAssets1764000005100 implements MigrationInterface {
  name = 'CreateInformationAssets1764000005100';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE information_assets (
        asset_id        uuid        PRIMARY KEY,
        name            text        NOT NULL,
        category        text        NOT NULL,
        level           text        NOT NULL,
        owner_id        text        NOT NULL,
        handling_rules  text        NOT NULL,
        status          text        NOT NULL,
        registered_at   timestamptz NOT NULL,
        retired_at      timestamptz,
        updated_at      timestamptz NOT NULL DEFAULT now()
      )`);
    await db.query('CREATE INDEX information_assets_category_level ON information_assets (category, level)');
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query('DROP TABLE information_assets');
  }
}
