import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The vault. `subject_keys` holds each subject's data key, wrapped (AES-256-GCM) under a master key that lives
 * in configuration only; `subject_vault` holds the subject's personal data sealed with that data key. Deleting
 * a subject's key row is the erasure: every copy of its sealed data, backups included, becomes unreadable.
 * `subject_lookups` finds a subject by phone or ID number through keyed hashes (a blind index), never clear text;
 * its primary key keeps one subject per phone and per ID number, concurrent registrations included.
 */
export class CreateSubjectVault1764000005000 implements MigrationInterface {
  name = 'CreateSubjectVault1764000005000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE subject_keys (
        subject_id     text        PRIMARY KEY,
        key_version    integer     NOT NULL CHECK (key_version > 0),
        master_key_id  text        NOT NULL,
        wrapped_key    bytea       NOT NULL,
        wrap_iv        bytea       NOT NULL,
        wrap_auth_tag  bytea       NOT NULL,
        wrapped_at     timestamptz NOT NULL DEFAULT now()
      )`);
    await db.query('CREATE INDEX subject_keys_master_key ON subject_keys (master_key_id)');
    await db.query(`
      CREATE TABLE subject_vault (
        subject_id   text        PRIMARY KEY REFERENCES subject_keys (subject_id),
        key_version  integer     NOT NULL CHECK (key_version > 0),
        ciphertext   bytea       NOT NULL,
        iv           bytea       NOT NULL,
        auth_tag     bytea       NOT NULL,
        sealed_at    timestamptz NOT NULL DEFAULT now()
      )`);
    await db.query(`
      CREATE TABLE subject_lookups (
        blind_index  bytea PRIMARY KEY,
        subject_id   text  NOT NULL
      )`);
    await db.query('CREATE INDEX subject_lookups_subject ON subject_lookups (subject_id)');
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query('DROP TABLE subject_lookups');
    await db.query('DROP TABLE subject_vault');
    await db.query('DROP TABLE subject_keys');
  }
}
