import type { ComplaintCategory, SurveyAnswerV1, SurveyResponseRecordedV1, SurveyStage } from '@cx/contracts';
import { nameBasedId } from '@cx/domain';

/** A complaint-handling rating at or below these opens a follow-up (SURVEY_FOLLOW_UP_MAX_RATING_1_5 / _0_10). */
export interface FollowUpPolicy {
  maxRating1to5: number;
  maxRating0to10: number;
}

export const DEFAULT_FOLLOW_UP_POLICY: FollowUpPolicy = { maxRating1to5: 2, maxRating0to10: 4 };

export type FollowUpReason =
  { kind: 'low_complaint_handling_rating'; answer: SurveyAnswerV1 } | { kind: 'free_text_complaint' };

const FOLLOW_UP_NAMESPACE = '3f1b0f6e-4d0a-4a84-b7b5-2a3c9d6e8f10';

/** One follow-up per survey response, however often its event arrives: the id is derived from the response's. */
export const followUpComplaintId = (responseId: string): string => nameBasedId(FOLLOW_UP_NAMESPACE, responseId);

/** Where in the customer's journey the survey met them, as the complaint categories have it. */
const CATEGORY_BY_STAGE: Record<SurveyStage, ComplaintCategory> = {
  contract_signing: 'sales_contract',
  delivery: 'delivery',
  post_delivery: 'maintenance',
  merchant: 'property_service',
  consumer: 'property_service',
  member: 'property_service',
};

export const followUpCategory = (stage: SurveyStage): ComplaintCategory => CATEGORY_BY_STAGE[stage];

/**
 * Whether a survey response reported a complaint that needs following up: a rating of complaint handling at or
 * below the policy's threshold, or a free-text answer to a complaint-handling question. Only a sampled customer
 * can be followed up (an intercept has no subject id), and only an interview that took place.
 */
export function followUpFor(response: SurveyResponseRecordedV1, policy: FollowUpPolicy): FollowUpReason | null {
  if (response.subjectId === null) return null;
  if (response.disposition !== 'complete' && response.disposition !== 'partial') return null;
  const low = response.answers.find(
    (a) =>
      a.dimension === 'complaint_handling' &&
      ((a.type === 'rating_1_5' && (a.value as number) <= policy.maxRating1to5) ||
        (a.type === 'rating_0_10' && (a.value as number) <= policy.maxRating0to10)),
  );
  if (low) return { kind: 'low_complaint_handling_rating', answer: low };
  if (response.freeTextDimensions?.includes('complaint_handling')) return { kind: 'free_text_complaint' };
  return null;
}

/** Staff text for the complaint's description: what the survey said, never the customer's own words. */
export function followUpDescription(response: SurveyResponseRecordedV1, reason: FollowUpReason): string {
  const heard =
    reason.kind === 'low_complaint_handling_rating'
      ? `rated complaint handling ${reason.answer.value as number} of ${reason.answer.type === 'rating_1_5' ? 5 : 10} (question ${reason.answer.questionId})`
      : 'wrote about complaint handling in a free-text answer (kept in the surveys service)';
  return (
    `Follow-up of survey response ${response.responseId} (${response.projectType} wave ${response.period}, ` +
    `${response.stage}, ${response.channel}): the customer ${heard}.`
  );
}
