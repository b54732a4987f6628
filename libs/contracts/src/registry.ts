import { campaignProblemEventSchemas } from './campaigns/campaign-problem-events';
import { listeningCampaignEventSchemas } from './campaigns/listening-campaign-events';
import { participationDisclosureEventSchemas } from './campaigns/participation-disclosure-events';
import { participationSubmissionEventSchemas } from './campaigns/participation-submission-events';
import { rosterEventSchemas } from './campaigns/roster-events';
import { careServiceEventSchemas } from './community/care-service-events';
import { communityActivityEventSchemas } from './community/community-activity-events';
import { communityRegisterEventSchemas } from './community/community-register-events';
import { complaintEventSchemas } from './complaints/complaint-events';
import { typicalCaseReviewEventSchemas } from './complaints/typical-case-review-events';
import { accessDenialEventSchemas } from './confidentiality/access-denial-events';
import { accessGrantEventSchemas } from './confidentiality/access-grant-events';
import { informationAssetEventSchemas } from './confidentiality/information-asset-events';
import { subjectEventSchemas } from './confidentiality/subject-events';
import { appraisalScorecardEventSchemas } from './surveys/appraisal-scorecard-events';
import { questionnaireEventSchemas } from './surveys/questionnaire-events';
import { surveyResponseSubmissionEventSchemas } from './surveys/survey-response-events';
import { surveyWaveEventSchemas } from './surveys/survey-wave-events';
import { Topics } from './topics';

export interface EventContract {
  type: string;
  schemaVersion: number;
  topic: string;
  streamType: string;
  schema: Readonly<Record<string, unknown>>;
}

function contractsOf(
  topic: string,
  streamType: string,
  schemas: Record<string, Record<number, Readonly<Record<string, unknown>>>>,
): EventContract[] {
  return Object.entries(schemas).flatMap(([type, versions]) =>
    Object.entries(versions).map(([version, schema]) => ({
      type,
      schemaVersion: Number(version),
      topic,
      streamType,
      schema,
    })),
  );
}

/** Every published event type and version: the public contract, and the source of the AsyncAPI document. */
export const eventContracts: readonly EventContract[] = [
  ...contractsOf(Topics.complaints, 'Complaint', complaintEventSchemas),
  ...contractsOf(Topics.complaints, 'TypicalCaseReview', typicalCaseReviewEventSchemas),
  ...contractsOf(Topics.confidentiality, 'Subject', subjectEventSchemas),
  ...contractsOf(Topics.confidentiality, 'InformationAsset', informationAssetEventSchemas),
  ...contractsOf(Topics.confidentiality, 'AccessGrant', accessGrantEventSchemas),
  ...contractsOf(Topics.confidentiality, 'AccessDenial', accessDenialEventSchemas),
  ...contractsOf(Topics.surveys, 'Questionnaire', questionnaireEventSchemas),
  ...contractsOf(Topics.surveys, 'SurveyWave', surveyWaveEventSchemas),
  ...contractsOf(Topics.surveys, 'SurveyResponseSubmission', surveyResponseSubmissionEventSchemas),
  ...contractsOf(Topics.surveys, 'AppraisalScorecard', appraisalScorecardEventSchemas),
  ...contractsOf(Topics.campaigns, 'ListeningCampaign', listeningCampaignEventSchemas),
  ...contractsOf(Topics.campaigns, 'Roster', rosterEventSchemas),
  ...contractsOf(Topics.campaigns, 'ParticipationSubmission', participationSubmissionEventSchemas),
  ...contractsOf(Topics.campaigns, 'ParticipationDisclosure', participationDisclosureEventSchemas),
  ...contractsOf(Topics.campaigns, 'CampaignProblem', campaignProblemEventSchemas),
  ...contractsOf(Topics.community, 'CommunityRegister', communityRegisterEventSchemas),
  ...contractsOf(Topics.community, 'CommunityActivity', communityActivityEventSchemas),
  ...contractsOf(Topics.community, 'CareService', careServiceEventSchemas),
];

export function findEventContract(type: string, schemaVersion: number): EventContract | undefined {
  return eventContracts.find((c) => c.type === type && c.schemaVersion === schemaVersion);
}
