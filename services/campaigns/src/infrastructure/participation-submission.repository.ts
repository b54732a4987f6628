import { Inject, Injectable } from '@nestjs/common';
import {
  PARTICIPATION_SUBMISSION_STREAM_TYPE,
  ParticipationActivityRecordedV1,
  participationSubmissionEventSchemas,
} from '@cx/contracts';
import { AggregateRepository, PostgresEventStore, versionOneCodec } from '@cx/event-store';
import { PG_POOL } from '@cx/platform';
import type { Pool, PoolClient } from 'pg';
import type { ParticipationSubmissionCommand } from '../domain/participation/participation.commands';
import { participationSubmissionDecider } from '../domain/participation/participation.decider';
import type { ParticipationSubmissionEvent } from '../domain/participation/participation.events';
import type { ParticipationSubmissionState } from '../domain/participation/participation.state';

@Injectable()
export class ParticipationSubmissionRepository extends AggregateRepository<
  ParticipationSubmissionCommand,
  ParticipationSubmissionEvent,
  ParticipationSubmissionState
> {
  constructor(
    store: PostgresEventStore,
    @Inject(PG_POOL) private readonly pool: Pool,
  ) {
    super(
      store,
      participationSubmissionDecider,
      PARTICIPATION_SUBMISSION_STREAM_TYPE,
      versionOneCodec<ParticipationSubmissionEvent>(participationSubmissionEventSchemas),
    );
  }

  /** The activities a submission recorded, in order; none for a submission that does not exist. */
  async activitiesOf(submissionId: string): Promise<ParticipationActivityRecordedV1[]> {
    const { state } = await this.load(submissionId);
    return state.status === 'submitted' ? state.activities : [];
  }

  /** One activity by its id, as its submission recorded it; null when no submission recorded it. */
  async activity(activityId: string): Promise<ParticipationActivityRecordedV1 | null> {
    const { rows } = await this.pool.query<{ stream_id: string }>(
      `SELECT stream_id FROM events WHERE type = 'ParticipationActivityRecorded' AND data->>'activityId' = $1`,
      [activityId],
    );
    if (rows.length === 0) return null;
    const activities = await this.activitiesOf(rows[0].stream_id);
    return activities.find((a) => a.activityId === activityId) ?? null;
  }

  /** Written in the append's transaction: an upload's report exists exactly when its activities do. */
  static saveUploadReport(submissionId: string, campaignId: string, report: object) {
    return async (tx: PoolClient): Promise<void> => {
      await tx.query(
        'INSERT INTO participation_upload_reports (submission_id, campaign_id, report) VALUES ($1, $2, $3)',
        [submissionId, campaignId, JSON.stringify(report)],
      );
    };
  }

  /** The report of an upload whose activities were recorded; it was written with them, so it is there. */
  async uploadReport<Report>(submissionId: string): Promise<Report> {
    const { rows } = await this.pool.query<{ report: Report }>(
      'SELECT report FROM participation_upload_reports WHERE submission_id = $1',
      [submissionId],
    );
    if (rows.length === 0) throw new Error(`No upload report for participation submission ${submissionId}`);
    return rows[0].report;
  }
}
