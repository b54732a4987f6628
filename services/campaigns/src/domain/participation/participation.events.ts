/** The ParticipationSubmission stream's events are the published contract; the domain uses the same types. */
export type { ParticipationActivityRecordedV1, ParticipationSubmissionEvent } from '@cx/contracts';
