import type { Principal } from '@cx/auth';
import type { IdempotencyKeyHeader } from '@cx/platform';
import type { SurveyResponseView } from '../record-response/survey-response.view';
import type { InterviewRequest } from './interview.dto';

export class RecordInterviewCommand {
  constructor(
    readonly waveId: string,
    readonly request: InterviewRequest,
    readonly principal: Principal,
    readonly idempotencyKey: IdempotencyKeyHeader | undefined,
  ) {}
}

export interface RecordInterviewOutcome {
  response: SurveyResponseView;
  /** True when an Idempotency-Key was repeated: nothing new was appended, the first response is returned. */
  replayed: boolean;
}
