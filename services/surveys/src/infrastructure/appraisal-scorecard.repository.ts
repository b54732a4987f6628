import { Inject, Injectable } from '@nestjs/common';
import { APPRAISAL_SCORECARD_STREAM_TYPE, appraisalScorecardEventSchemas, SurveyAnswerV1 } from '@cx/contracts';
import { AggregateRepository, PostgresEventStore, versionOneCodec } from '@cx/event-store';
import { PG_POOL } from '@cx/platform';
import type { Pool } from 'pg';
import type { AppraisalScorecardCommand } from '../domain/appraisal-scorecard/appraisal-scorecard.commands';
import { appraisalScorecardDecider } from '../domain/appraisal-scorecard/appraisal-scorecard.decider';
import type { AppraisalScorecardEvent } from '../domain/appraisal-scorecard/appraisal-scorecard.events';
import type { AppraisalScorecardState } from '../domain/appraisal-scorecard/appraisal-scorecard.state';
import type { ScoredResponse } from '../domain/appraisal-scorecard/scorecard-lines';

@Injectable()
export class AppraisalScorecardRepository extends AggregateRepository<
  AppraisalScorecardCommand,
  AppraisalScorecardEvent,
  AppraisalScorecardState
> {
  constructor(
    store: PostgresEventStore,
    @Inject(PG_POOL) private readonly pool: Pool,
  ) {
    super(
      store,
      appraisalScorecardDecider,
      APPRAISAL_SCORECARD_STREAM_TYPE,
      versionOneCodec<AppraisalScorecardEvent>(appraisalScorecardEventSchemas),
    );
  }

  /** The complete responses of a wave, from the events that recorded them (a case completes once). */
  async completeResponses(waveId: string): Promise<ScoredResponse[]> {
    const { rows } = await this.pool.query<{ response_id: string; project: string; answers: SurveyAnswerV1[] }>(
      `SELECT data->>'responseId' AS response_id, data->>'project' AS project, data->'answers' AS answers
         FROM events
        WHERE type = 'SurveyResponseRecorded' AND data->>'waveId' = $1 AND data->>'disposition' = 'complete'`,
      [waveId],
    );
    return rows.map((r) => ({ responseId: r.response_id, project: r.project, answers: r.answers }));
  }
}
