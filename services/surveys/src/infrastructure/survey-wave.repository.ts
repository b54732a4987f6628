import { Inject, Injectable } from '@nestjs/common';
import { SURVEY_WAVE_STREAM_TYPE, SurveyStage, surveyWaveEventSchemas } from '@cx/contracts';
import { AggregateRepository, PostgresEventStore, versionOneCodec } from '@cx/event-store';
import { PG_POOL } from '@cx/platform';
import type { Pool, PoolClient } from 'pg';
import type { FrameEntry } from '../domain/sampling/sampling-frame';
import type { SurveyWaveCommand } from '../domain/survey-wave/survey-wave.commands';
import { surveyWaveDecider } from '../domain/survey-wave/survey-wave.decider';
import { SurveyWaveAlreadyPlanned } from '../domain/survey-wave/survey-wave.errors';
import type { SurveyWaveEvent } from '../domain/survey-wave/survey-wave.events';
import type { SurveyWaveState } from '../domain/survey-wave/survey-wave.state';

interface FrameRow {
  subject_id: string;
  project: string;
  region: string;
  stage: SurveyStage;
  fatigued: boolean;
}

@Injectable()
export class SurveyWaveRepository extends AggregateRepository<SurveyWaveCommand, SurveyWaveEvent, SurveyWaveState> {
  constructor(
    store: PostgresEventStore,
    @Inject(PG_POOL) private readonly pool: Pool,
  ) {
    super(store, surveyWaveDecider, SURVEY_WAVE_STREAM_TYPE, versionOneCodec<SurveyWaveEvent>(surveyWaveEventSchemas));
  }

  /**
   * Written in the plan's transaction: the wave claims its project type and month, and a month that has a wave
   * already (committed, or committing concurrently) refuses the claim, naming that wave; nothing is appended.
   */
  static claimPeriod(waveId: string, projectType: string, period: string) {
    return async (tx: PoolClient): Promise<void> => {
      const claimed = await tx.query(
        `INSERT INTO survey_waves_by_period (project_type, period, wave_id) VALUES ($1, $2, $3)
         ON CONFLICT (project_type, period) DO NOTHING`,
        [projectType, period, waveId],
      );
      if (claimed.rowCount === 1) return;
      const { rows } = await tx.query<{ wave_id: string }>(
        'SELECT wave_id FROM survey_waves_by_period WHERE project_type = $1 AND period = $2',
        [projectType, period],
      );
      throw new SurveyWaveAlreadyPlanned(projectType, period, rows[0].wave_id);
    };
  }

  /** The wave of a project type's month, if one is planned. */
  async waveOf(projectType: string, period: string): Promise<string | null> {
    const { rows } = await this.pool.query<{ wave_id: string }>(
      'SELECT wave_id FROM survey_waves_by_period WHERE project_type = $1 AND period = $2',
      [projectType, period],
    );
    return rows[0]?.wave_id ?? null;
  }

  /** Written in the load's transaction, so the table always holds the frame whose digest the event recorded. */
  static saveFrame(waveId: string, entries: readonly FrameEntry[]) {
    return async (tx: PoolClient): Promise<void> => {
      await tx.query('DELETE FROM sampling_frames WHERE wave_id = $1', [waveId]);
      await tx.query(
        `INSERT INTO sampling_frames (wave_id, subject_id, project, region, stage)
         SELECT $1, f.* FROM unnest($2::text[], $3::text[], $4::text[], $5::text[])
                AS f(subject_id, project, region, stage)`,
        [
          waveId,
          entries.map((e) => e.subjectId),
          entries.map((e) => e.project),
          entries.map((e) => e.region),
          entries.map((e) => e.stage),
        ],
      );
    };
  }

  /** Written in the draw's transaction: who the draw left out for contact fatigue, to redo it exactly. */
  static markFatigued(waveId: string, subjectIds: ReadonlySet<string>) {
    return async (tx: PoolClient): Promise<void> => {
      await tx.query('UPDATE sampling_frames SET fatigued = true WHERE wave_id = $1 AND subject_id = ANY($2::text[])', [
        waveId,
        [...subjectIds],
      ]);
    };
  }

  /** The wave's frame as loaded, and the customers its draw left out for contact fatigue. */
  async frame(waveId: string): Promise<{ entries: FrameEntry[]; fatigued: Set<string> }> {
    const { rows } = await this.pool.query<FrameRow>(
      'SELECT subject_id, project, region, stage, fatigued FROM sampling_frames WHERE wave_id = $1',
      [waveId],
    );
    return {
      entries: rows.map((r) => ({ subjectId: r.subject_id, project: r.project, region: r.region, stage: r.stage })),
      fatigued: new Set(rows.filter((r) => r.fatigued).map((r) => r.subject_id)),
    };
  }

  /**
   * Customers of the wave's frame with a complete response in another wave of the months from `from` to `to`,
   * both inclusive: contact fatigue leaves them out of the draw.
   */
  async recentlySurveyed(waveId: string, from: string, to: string): Promise<Set<string>> {
    const { rows } = await this.pool.query<{ subject_id: string }>(
      `SELECT DISTINCT c.subject_id FROM survey_cases c
         JOIN sampling_frames f ON f.wave_id = $1 AND f.subject_id = c.subject_id
        WHERE c.disposition = 'complete' AND c.period BETWEEN $2 AND $3 AND c.wave_id <> $1`,
      [waveId, from, to],
    );
    return new Set(rows.map((r) => r.subject_id));
  }
}
