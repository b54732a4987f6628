import { Inject } from '@nestjs/common';
import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { mayActOn } from '@cx/auth';
import type { SurveyResponseRecordedV1 } from '@cx/contracts';
import { PG_POOL } from '@cx/platform';
import type { Pool } from 'pg';
import { GetSurveyResponse } from './get-survey-response.query';
import type { SurveyResponseDetailsView } from './survey-response-details.view';
import { SurveyResponseNotFound } from './survey-response-not-found.error';

/**
 * The response from the event that recorded it, with the follow-up link the complaints service sent back. One
 * outside the caller's scope is not found, as if it did not exist, so response ids cannot be probed.
 */
@QueryHandler(GetSurveyResponse)
export class GetSurveyResponseHandler implements IQueryHandler<GetSurveyResponse, SurveyResponseDetailsView> {
  constructor(@Inject(PG_POOL) private readonly pool: Pool) {}

  async execute({ responseId, principal }: GetSurveyResponse): Promise<SurveyResponseDetailsView> {
    const { rows } = await this.pool.query<{
      data: SurveyResponseRecordedV1;
      complaint_id: string | null;
      filed_at: Date | null;
    }>(
      `SELECT e.data, f.complaint_id, f.filed_at FROM events e
         LEFT JOIN survey_follow_ups f ON f.response_id::text = e.data->>'responseId'
        WHERE e.type = 'SurveyResponseRecorded' AND e.data->>'responseId' = $1`,
      [responseId],
    );
    if (rows.length === 0 || !mayActOn(principal, rows[0].data)) throw new SurveyResponseNotFound(responseId);
    const [{ data, complaint_id, filed_at }] = rows;
    return {
      ...data,
      followUp: complaint_id === null ? null : { complaintId: complaint_id, filedAt: filed_at!.toISOString() },
    };
  }
}
