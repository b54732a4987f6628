import type { EventEnvelope, SurveyResponseRecordedV1 } from '@cx/contracts';
import type { FollowUpReason } from '../../domain/survey-follow-up/survey-follow-up';

/** File the follow-up complaint of a survey response; the event that asked for it is its cause. */
export class FileSurveyFollowUpCommand {
  constructor(
    readonly response: SurveyResponseRecordedV1,
    readonly reason: FollowUpReason,
    readonly cause: EventEnvelope,
  ) {}
}

export interface FollowUpOutcome {
  complaintId: string;
  /** False when the response's follow-up was filed already (a redelivery, a replay): nothing appended. */
  filed: boolean;
}
