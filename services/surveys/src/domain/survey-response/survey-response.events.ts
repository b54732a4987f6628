/** The SurveyResponseSubmission stream's events are the published contract; the domain uses the same types. */
export type { SurveyAnswerV1, SurveyResponseRecordedV1, SurveyResponseSubmissionEvent } from '@cx/contracts';
