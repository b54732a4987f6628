import { EventValidator } from '@cx/contracts';
import { fold } from '@cx/domain';
import { spec } from '@cx/testing';
import type { Employment } from '../eligibility';
import { listeningCampaignDecider } from '../listening-campaign/listening-campaign.decider';
import {
  ListeningCampaignNotFound,
  ListeningCampaignTransitionNotAllowed,
} from '../listening-campaign/listening-campaign.errors';
import type { ListeningCampaignEvent } from '../listening-campaign/listening-campaign.events';
import type { ActivityToRecord, RecordParticipationActivities } from './participation.commands';
import { participationSubmissionDecider as decider, triageActivities } from './participation.decider';
import { ParticipationActivityRefused, ParticipationSubmissionAlreadyRecorded } from './participation.errors';
import type { ParticipationSubmissionEvent } from './participation.events';

const campaignId = '3b7e9c1d-5f2a-4c8e-9d1b-7a6e5f4d3c2b';
const submissionId = '7d6c5b4a-3f2e-4d1c-9b0a-8f7e6d5c4b3a';
const activityIds = ['0a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d', '1b2c3d4e-5f6a-4b7c-9d8e-0f1a2b3c4d5e'];
// 01:30 on 26 November in Beijing: still 25 November in UTC.
const now = new Date('2026-11-25T17:30:00.000Z');
const t = now.toISOString();

const created: ListeningCampaignEvent = {
  type: 'ListeningCampaignCreated',
  data: {
    campaignId,
    name: 'Six Ones 2026',
    periodStart: '2026-03-01',
    periodEnd: '2026-12-31',
    activityKinds: ['customer_visit', 'service_experience'],
    createdAt: t,
  },
};
const opened: ListeningCampaignEvent = { type: 'ListeningCampaignOpened', data: { campaignId, openedAt: t } };
const closed: ListeningCampaignEvent = { type: 'ListeningCampaignClosed', data: { campaignId, closedAt: t } };
const campaign = (...events: ListeningCampaignEvent[]) => fold(listeningCampaignDecider, events);

const roster = new Map<string, Employment>([
  ['E0001', { employedFrom: '2019-03-01', employedUntil: null }],
  ['E0002', { employedFrom: '2026-07-15', employedUntil: null }],
  ['E0003', { employedFrom: '2010-01-01', employedUntil: '2026-04-30' }],
  ['E0004', { employedFrom: '2010-01-01', employedUntil: '2026-01-31' }],
]);

const activity = (changes: Partial<ActivityToRecord> = {}): ActivityToRecord => ({
  row: 1,
  activityId: activityIds[0],
  personId: 'E0001',
  kind: 'customer_visit',
  date: '2026-11-20',
  customersMet: 3,
  scenario: 'Handover inspection walk with owners',
  findings: ['Lift lobby tiles cracked in block 3'],
  ...changes,
});
const recording = (
  activities: ActivityToRecord[],
  changes: Partial<RecordParticipationActivities> = {},
): RecordParticipationActivities => ({
  type: 'RecordParticipationActivities',
  submissionId,
  campaignId,
  campaign: campaign(created, opened),
  roster,
  activities,
  now,
  ...changes,
});
const recorded = (from: ActivityToRecord): ParticipationSubmissionEvent => {
  const { row: _row, ...fields } = from;
  return { type: 'ParticipationActivityRecorded', data: { submissionId, campaignId, ...fields, recordedAt: t } };
};

describe('ParticipationSubmission', () => {
  describe('while the campaign is open', () => {
    it('records an activity of someone on the roster, by person id', () => {
      spec(decider)
        .given([])
        .when(recording([activity()]))
        .then([recorded(activity())]);
    });

    it('records many activities as one event each, in order', () => {
      const second = activity({ row: 2, activityId: activityIds[1], kind: 'service_experience', findings: [] });
      spec(decider)
        .given([])
        .when(recording([activity(), second]))
        .then([recorded(activity()), recorded(second)]);
    });

    it('takes today in the group’s time zone, though it is tomorrow in UTC', () => {
      spec(decider)
        .given([])
        .when(recording([activity({ date: '2026-11-26' })]))
        .then([recorded(activity({ date: '2026-11-26' }))]);
    });

    it('takes someone who joined during the campaign from the joining date', () => {
      const joiner = activity({ personId: 'E0002', date: '2026-07-15' });
      spec(decider)
        .given([])
        .when(recording([joiner]))
        .then([recorded(joiner)]);
    });

    it.each([
      ['someone not on the roster', { personId: 'E9999' }, 'not_on_roster', 'personId'],
      ['a kind the campaign does not count', { kind: 'hotline_shift' }, 'kind_not_counted', 'kind'],
      ['a date in the future', { date: '2026-11-27' }, 'in_the_future', 'date'],
      ['a date before the campaign period', { date: '2026-02-27' }, 'outside_campaign_period', 'date'],
      ['a date before the person joined', { personId: 'E0002', date: '2026-07-14' }, 'not_employed_on_date', 'date'],
      ['a date after the person left', { personId: 'E0003', date: '2026-05-04' }, 'not_employed_on_date', 'date'],
      [
        'someone who left before the campaign',
        { personId: 'E0004', date: '2026-03-02' },
        'not_employed_on_date',
        'date',
      ],
    ] as const)('refuses %s, naming the reason and the field', (_label, changes, reason, field) => {
      spec(decider)
        .given([])
        .when(recording([activity(changes as Partial<ActivityToRecord>)]))
        .thenThrows(ParticipationActivityRefused, { campaignId, reason, field });
    });

    it('triages a bulk upload: keeps the good rows, gives each refused one its row number and reason', () => {
      const rows = [
        activity({ row: 1 }),
        activity({ row: 2, personId: 'E9999' }),
        activity({ row: 3, activityId: activityIds[1], personId: 'E0002', date: '2026-08-01' }),
        activity({ row: 4, date: '2027-01-02' }),
      ];
      const { acceptable, rejections } = triageActivities(recording(rows));
      expect(acceptable.map((a) => a.row)).toEqual([1, 3]);
      expect(rejections).toEqual([
        expect.objectContaining({ row: 2, personId: 'E9999', reason: 'not_on_roster', field: 'personId' }),
        expect.objectContaining({ row: 4, personId: 'E0001', reason: 'in_the_future', field: 'date' }),
      ]);
      spec(decider).given([]).when(recording(acceptable)).then(acceptable.map(recorded));
    });
  });

  describe('while the campaign is not open', () => {
    it('refuses activities while it is a draft, naming its state', () => {
      const command = recording([activity()], { campaign: campaign(created) });
      spec(decider)
        .given([])
        .when(command)
        .thenThrows(ListeningCampaignTransitionNotAllowed, { currentState: 'draft' });
      expect(() => triageActivities(command)).toThrow(ListeningCampaignTransitionNotAllowed);
    });

    it('still records a late activity dated inside the period once it is closed', () => {
      const command = recording([activity()], { campaign: campaign(created, opened, closed) });
      spec(decider)
        .given([])
        .when(command)
        .then([recorded(activity())]);
    });

    it('refuses activities for a campaign that does not exist', () => {
      spec(decider)
        .given([])
        .when(recording([activity()], { campaign: campaign() }))
        .thenThrows(ListeningCampaignNotFound, { campaignId });
    });
  });

  describe('when submitted', () => {
    it('is recorded once', () => {
      spec(decider)
        .given([recorded(activity())])
        .when(recording([activity()]))
        .thenThrows(ParticipationSubmissionAlreadyRecorded, { submissionId, currentState: 'submitted' });
    });

    it('keeps every activity it recorded', () => {
      const second = activity({ activityId: activityIds[1] });
      const state = fold(decider, [recorded(activity()), recorded(second)]);
      expect(state).toMatchObject({ status: 'submitted', submissionId, campaignId });
      expect(state.status === 'submitted' && state.activities.map((a) => a.activityId)).toEqual(activityIds);
    });
  });

  describe('its events', () => {
    it('match the published JSON Schema', () => {
      expect(new EventValidator().validate(envelopeOf(recorded(activity())))).toMatchObject({ valid: true });
    });

    it('refuse a name beside the person id', () => {
      const event = recorded(activity());
      const named = { ...event, data: { ...event.data, personName: 'Wang Fang' } } as ParticipationSubmissionEvent;
      expect(new EventValidator().validate(envelopeOf(named))).toMatchObject({ valid: false });
    });

    it('refuse a negative number of customers met', () => {
      const event = recorded(activity({ customersMet: -1 }));
      expect(new EventValidator().validate(envelopeOf(event))).toMatchObject({ valid: false });
    });
  });
});

function envelopeOf(event: ParticipationSubmissionEvent) {
  return {
    id: '6a1f7c1e-2b1d-4f3a-9a0e-1c2d3e4f5a6b',
    type: event.type,
    schemaVersion: 1,
    streamId: submissionId,
    streamType: 'ParticipationSubmission',
    streamVersion: 1,
    position: '1',
    occurredAt: t,
    correlationId: 'c-1',
    causationId: null,
    actor: { type: 'user', id: 'campaign-admin-1' },
    data: event.data,
  };
}
