import type { ParticipationActivityRecordedV1 } from './participation.events';

/** not_submitted → submitted: a submission is recorded once, with every activity it accepted. */
export type ParticipationSubmissionState =
  | { status: 'not_submitted' }
  | {
      status: 'submitted';
      submissionId: string;
      campaignId: string;
      activities: ParticipationActivityRecordedV1[];
    };

export type ParticipationSubmissionStatus = ParticipationSubmissionState['status'];
