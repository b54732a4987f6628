import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Each wave's sampling frame as loaded: customers by subject id with project, region and stage. Written in the
 * same transaction as SamplingFrameLoaded, whose digest fixes it; the draw marks those it left out for contact
 * fatigue, so that the draw can be redone exactly from here and the seed.
 */
export class CreateSamplingFrames1764000006100 implements MigrationInterface {
  name = 'CreateSamplingFrames1764000006100';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE sampling_frames (
        wave_id     uuid    NOT NULL,
        subject_id  text    NOT NULL,
        project     text    NOT NULL,
        region      text    NOT NULL,
        stage       text    NOT NULL,
        fatigued    boolean NOT NULL DEFAULT false,
        PRIMARY KEY (wave_id, subject_id)
      )`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query('DROP TABLE sampling_frames');
  }
}
