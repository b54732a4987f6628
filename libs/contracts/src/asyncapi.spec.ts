import { readFileSync } from 'node:fs';
import path from 'node:path';
import { buildAsyncApiDocument } from './asyncapi';
import { eventContracts } from './registry';

describe('the AsyncAPI document', () => {
  it('describes every topic and event version', () => {
    const doc = buildAsyncApiDocument() as { channels: Record<string, { address: string; messages: object }> };
    expect(doc.channels.complaints.address).toBe('cx.complaints.events');
    expect(Object.keys(doc.channels.complaints.messages)).toEqual(
      expect.arrayContaining(['ComplaintFiledV1', 'ComplaintEscalatedV1', 'ComplaintResolvedV1', 'ComplaintClosedV1']),
    );
    expect(Object.keys(doc.channels.complaints.messages)).toEqual(
      expect.arrayContaining(['TypicalCaseMarkedV1', 'ImprovementActionVerifiedV1', 'TypicalCaseReviewConcludedV1']),
    );
    expect(Object.keys(doc.channels.complaints.messages)).toHaveLength(
      eventContracts.filter((c) => c.topic === 'cx.complaints.events').length,
    );
  });

  it('describes the campaigns topic with the events of each of its stream types', () => {
    const doc = buildAsyncApiDocument() as { channels: Record<string, { address: string; messages: object }> };
    expect(doc.channels.campaigns.address).toBe('cx.campaigns.events');
    expect(Object.keys(doc.channels.campaigns.messages).sort()).toEqual([
      'CampaignProblemActionAddedV1',
      'CampaignProblemActionCompletedV1',
      'CampaignProblemActionSentBackV1',
      'CampaignProblemActionVerifiedV1',
      'CampaignProblemClosedV1',
      'CampaignProblemLinkedV1',
      'CampaignProblemRaisedV1',
      'ListeningCampaignClosedV1',
      'ListeningCampaignCreatedV1',
      'ListeningCampaignOpenedV1',
      'ParticipationActivityRecordedV1',
      'ParticipationDisclosureFrozenV1',
      'RosterEntriesAddedV1',
      'RosterEntriesUpdatedV1',
    ]);
  });

  it('describes the community topic with the register, activity and care service events', () => {
    const doc = buildAsyncApiDocument() as { channels: Record<string, { address: string; messages: object }> };
    expect(doc.channels.community.address).toBe('cx.community.events');
    expect(Object.keys(doc.channels.community.messages).sort()).toEqual([
      'ActivityAttendeeCheckedInV1',
      'ActivityFeedbackGivenV1',
      'ActivityPhotoAddedV1',
      'ActivityRegistrationCancelledV1',
      'ActivityRegistrationConfirmedV1',
      'ActivityRegistrationWaitlistedV1',
      'CareServiceAssignedV1',
      'CareServiceEndedV1',
      'CareServiceRequestedV1',
      'CareVisitCompletedV1',
      'CareVisitRatedV1',
      'CareVisitScheduledV1',
      'CommunityActivityAttendanceClosedV1',
      'CommunityActivityCancelledV1',
      'CommunityActivityChangedV1',
      'CommunityActivityPlannedV1',
      'CommunityActivityPublishedV1',
      'CommunityResidentsRegisteredV1',
      'WaitlistOfferAcceptedV1',
      'WaitlistOfferExpiredV1',
      'WaitlistPlaceOfferedV1',
    ]);
  });

  it('describes the surveys topic with the events of each of its stream types', () => {
    const doc = buildAsyncApiDocument() as { channels: Record<string, { address: string; messages: object }> };
    expect(doc.channels.surveys.address).toBe('cx.surveys.events');
    expect(Object.keys(doc.channels.surveys.messages).sort()).toEqual([
      'QuestionnaireCreatedV1',
      'QuestionnaireDraftRevisedV1',
      'QuestionnaireVersionDraftedV1',
      'QuestionnaireVersionPublishedV1',
      'SamplingFrameLoadedV1',
      'ScorecardCorrectedV1',
      'ScorecardFrozenV1',
      'SurveyLinksIssuedV1',
      'SurveyResponseRecordedV1',
      'SurveySampleDrawnV1',
      'SurveySampleMembersListedV1',
      'SurveyWaveClosedV1',
      'SurveyWavePlannedV1',
    ]);
  });

  it('is committed as generated: run `npm run asyncapi` after changing a contract', () => {
    const committed = JSON.parse(readFileSync(path.join(__dirname, '..', 'asyncapi.json'), 'utf8'));
    expect(committed).toEqual(JSON.parse(JSON.stringify(buildAsyncApiDocument())));
  });
});
