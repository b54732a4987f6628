import type { SurveyResponseRecordedV1 } from './survey-response.events';

/** not_submitted → submitted: a submission is recorded once, with every response it accepted. */
export type SurveyResponseSubmissionState =
  | { status: 'not_submitted' }
  | { status: 'submitted'; submissionId: string; waveId: string; responses: SurveyResponseRecordedV1[] };
