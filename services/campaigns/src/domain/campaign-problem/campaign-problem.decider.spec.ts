import { EventValidator, ParticipationActivityRecordedV1 } from '@cx/contracts';
import { fold } from '@cx/domain';
import { spec } from '@cx/testing';
import { listeningCampaignDecider } from '../listening-campaign/listening-campaign.decider';
import {
  ListeningCampaignNotFound,
  ListeningCampaignTransitionNotAllowed,
} from '../listening-campaign/listening-campaign.errors';
import type { ListeningCampaignEvent } from '../listening-campaign/listening-campaign.events';
import type { CampaignProblemCommand, RaiseCampaignProblem } from './campaign-problem.commands';
import { campaignProblemDecider as decider } from './campaign-problem.decider';
import {
  CampaignProblemNotFound,
  CampaignProblemNotReadyToClose,
  CampaignProblemRuleViolated,
  CampaignProblemTransitionNotAllowed,
  NotTheProblemActionOwner,
  ProblemActionConflict,
  ProblemActionNotFound,
} from './campaign-problem.errors';
import type { CampaignProblemEvent } from './campaign-problem.events';

const problemId = '2c4e6a8b-1d3f-4a5b-9c7d-8e9f0a1b2c3d';
const campaignId = '3b7e9c1d-5f2a-4c8e-9d1b-7a6e5f4d3c2b';
const otherCampaignId = '9d8c7b6a-5f4e-4d3c-8b2a-1f0e9d8c7b6a';
const activityId = '7f3a2b1c-0d9e-4f8a-8b7c-6d5e4f3a2b1c';
const complaintId = '0f8e3f5e-8a8e-4c55-9a55-6f2b0c7d1a11';
const firstAction = '5a6b7c8d-9e0f-4a1b-8c2d-3e4f5a6b7c8d';
const secondAction = '6b7c8d9e-0f1a-4b2c-9d3e-4f5a6b7c8d9e';
// 01:30 on 26 November in Beijing: still 25 November in UTC.
const now = new Date('2026-11-25T17:30:00.000Z');
const t = now.toISOString();
const on = { problemId, campaignId, now };

const created: ListeningCampaignEvent = {
  type: 'ListeningCampaignCreated',
  data: {
    campaignId,
    name: 'Six Ones 2026',
    periodStart: '2026-03-01',
    periodEnd: '2026-12-31',
    activityKinds: ['customer_visit'],
    createdAt: t,
  },
};
const opened: ListeningCampaignEvent = { type: 'ListeningCampaignOpened', data: { campaignId, openedAt: t } };
const closed: ListeningCampaignEvent = { type: 'ListeningCampaignClosed', data: { campaignId, closedAt: t } };
const campaign = (...events: ListeningCampaignEvent[]) => fold(listeningCampaignDecider, events);

const activity: ParticipationActivityRecordedV1 = {
  submissionId: '8a9b0c1d-2e3f-4a5b-8c6d-7e8f9a0b1c2d',
  activityId,
  campaignId,
  personId: 'E0001',
  kind: 'customer_visit',
  date: '2026-11-20',
  customersMet: 3,
  scenario: 'Handover inspection walk with owners',
  findings: ['Lift lobby tiles cracked in block 3', 'Parcel room closes before owners get home'],
  recordedAt: t,
};

const raise = (changes: Partial<RaiseCampaignProblem> = {}): RaiseCampaignProblem => ({
  type: 'RaiseCampaignProblem',
  campaign: campaign(created, opened),
  activity,
  activityId,
  findingIndex: 1,
  description: null,
  category: 'property_service',
  ownerId: 'pm-east-12',
  dueDate: '2026-12-31',
  raisedBy: 'campaign-admin-1',
  ...on,
  ...changes,
});
const raised = (changes: Record<string, unknown> = {}) =>
  ({
    type: 'CampaignProblemRaised',
    data: {
      problemId,
      campaignId,
      activityId,
      findingIndex: 1,
      description: 'Parcel room closes before owners get home',
      category: 'property_service',
      ownerId: 'pm-east-12',
      dueDate: '2026-12-31',
      raisedBy: 'campaign-admin-1',
      raisedAt: t,
      ...changes,
    },
  }) as CampaignProblemEvent;
const link = (linkKind: 'complaint' | 'typical_case_review' = 'complaint'): CampaignProblemCommand => ({
  type: 'LinkCampaignProblem',
  linkKind,
  linkedId: complaintId,
  ...on,
});
const linked: CampaignProblemEvent = {
  type: 'CampaignProblemLinked',
  data: { problemId, campaignId, linkKind: 'complaint', linkedId: complaintId, linkedAt: t },
};
const addAction = (actionId = firstAction, dueDate = '2026-12-15'): CampaignProblemCommand => ({
  type: 'AddProblemAction',
  actionId,
  description: 'Open the parcel room until 22:00',
  ownerId: 'pm-east-12',
  dueDate,
  ...on,
});
const actionAdded = (actionId = firstAction, dueDate = '2026-12-15'): CampaignProblemEvent => ({
  type: 'CampaignProblemActionAdded',
  data: {
    problemId,
    campaignId,
    actionId,
    description: 'Open the parcel room until 22:00',
    ownerId: 'pm-east-12',
    dueDate,
    addedAt: t,
  },
});
const complete = (
  completedBy = 'pm-east-12',
  byCampaignAdmin = false,
  actionId = firstAction,
): CampaignProblemCommand => ({
  type: 'CompleteProblemAction',
  actionId,
  completedBy,
  byCampaignAdmin,
  note: 'Opening hours changed and posted in the lobby',
  ...on,
});
const completed = (completedBy = 'pm-east-12', actionId = firstAction): CampaignProblemEvent => ({
  type: 'CampaignProblemActionCompleted',
  data: {
    problemId,
    campaignId,
    actionId,
    completedBy,
    note: 'Opening hours changed and posted in the lobby',
    completedAt: t,
  },
});
const verify = (actionId = firstAction): CampaignProblemCommand => ({
  type: 'VerifyProblemAction',
  actionId,
  verifiedBy: 'campaign-admin-1',
  ...on,
});
const verified = (actionId = firstAction): CampaignProblemEvent => ({
  type: 'CampaignProblemActionVerified',
  data: { problemId, campaignId, actionId, verifiedBy: 'campaign-admin-1', verifiedAt: t },
});
const sendBack: CampaignProblemCommand = {
  type: 'SendBackProblemAction',
  actionId: firstAction,
  reason: 'The notice in block 3 still shows the old hours',
  ...on,
};
const sentBack: CampaignProblemEvent = {
  type: 'CampaignProblemActionSentBack',
  data: {
    problemId,
    campaignId,
    actionId: firstAction,
    reason: 'The notice in block 3 still shows the old hours',
    sentBackAt: t,
  },
};
const close: CampaignProblemCommand = { type: 'CloseCampaignProblem', ...on };
const closedProblem: CampaignProblemEvent = {
  type: 'CampaignProblemClosed',
  data: { problemId, campaignId, closedAt: t },
};

const whenOpen = [raised()];
const withAction = [raised(), actionAdded()];
const whenCompleted = [...withAction, completed()];
const whenReady = [...whenCompleted, verified()];
const whenClosed = [...whenReady, closedProblem];
const onExisting = [link(), addAction(), complete(), verify(), sendBack, close];

describe('CampaignProblem', () => {
  describe('when not raised', () => {
    it('raises a finding as a problem with an owner and a due date, worded as the finding', () => {
      spec(decider).given([]).when(raise()).then([raised()]);
    });

    it('takes a new wording of the finding', () => {
      spec(decider)
        .given([])
        .when(raise({ description: 'Parcel room hours do not fit working owners' }))
        .then([raised({ description: 'Parcel room hours do not fit working owners' })]);
    });

    it('raises a finding of a campaign that has closed since', () => {
      spec(decider)
        .given([])
        .when(raise({ campaign: campaign(created, opened, closed) }))
        .then([raised()]);
    });

    it('takes a due date of today in the group’s time zone, though it is yesterday in UTC', () => {
      spec(decider)
        .given([])
        .when(raise({ dueDate: '2026-11-26' }))
        .then([raised({ dueDate: '2026-11-26' })]);
    });

    it.each([
      ['a due date in the past', { dueDate: '2026-11-25' }, 'dueDate'],
      ['an activity that does not exist', { activity: null }, 'activityId'],
      ['an activity of another campaign', { activity: { ...activity, campaignId: otherCampaignId } }, 'activityId'],
      ['a finding the activity does not have', { findingIndex: 2 }, 'findingIndex'],
      ['an activity without findings', { activity: { ...activity, findings: [] }, findingIndex: 0 }, 'findingIndex'],
    ] as const)('refuses %s, naming the field', (_label, changes, field) => {
      spec(decider)
        .given([])
        .when(raise(changes as Partial<RaiseCampaignProblem>))
        .thenThrows(CampaignProblemRuleViolated, { problemId, campaignId, field });
    });

    it('refuses a campaign that does not exist', () => {
      spec(decider)
        .given([])
        .when(raise({ campaign: campaign() }))
        .thenThrows(ListeningCampaignNotFound, { campaignId });
    });

    it('refuses a draft campaign, naming its state', () => {
      spec(decider)
        .given([])
        .when(raise({ campaign: campaign(created) }))
        .thenThrows(ListeningCampaignTransitionNotAllowed, {
          currentState: 'draft',
          allowedStates: ['open', 'closed'],
        });
    });

    it.each(onExisting)('refuses $type as not found', (command) => {
      spec(decider).given([]).when(command).thenThrows(CampaignProblemNotFound, { campaignId, problemId });
    });
  });

  describe('when open', () => {
    it('refuses to be raised twice, naming its state', () => {
      spec(decider)
        .given(whenOpen)
        .when(raise())
        .thenThrows(CampaignProblemTransitionNotAllowed, { currentState: 'open', allowedStates: ['not_raised'] });
    });

    it.each(onExisting)('answers $type through another campaign as not found', (command) => {
      spec(decider)
        .given(whenReady)
        .when({ ...command, campaignId: otherCampaignId })
        .thenThrows(CampaignProblemNotFound, { campaignId: otherCampaignId, problemId });
    });

    it('is linked to a complaint by its id, as given', () => {
      spec(decider).given(whenOpen).when(link()).then([linked]);
    });

    it('is linked to a typical-case review too', () => {
      spec(decider)
        .given([...whenOpen, linked])
        .when(link('typical_case_review'))
        .then([{ ...linked, data: { ...linked.data, linkKind: 'typical_case_review' } } as CampaignProblemEvent]);
    });

    it('changes nothing when the same link is made again', () => {
      spec(decider)
        .given([...whenOpen, linked])
        .when(link())
        .then([]);
    });

    it('adds an improvement action with an owner and a due date', () => {
      spec(decider).given(whenOpen).when(addAction()).then([actionAdded()]);
    });

    it('takes an action due today in the group’s time zone, though it is yesterday in UTC', () => {
      spec(decider)
        .given(whenOpen)
        .when(addAction(firstAction, '2026-11-26'))
        .then([actionAdded(firstAction, '2026-11-26')]);
    });

    it('refuses an action due in the past, naming the field', () => {
      spec(decider)
        .given(whenOpen)
        .when(addAction(firstAction, '2026-11-25'))
        .thenThrows(CampaignProblemRuleViolated, { problemId, field: 'dueDate' });
    });

    it('cannot be closed without an improvement action', () => {
      spec(decider).given(whenOpen).when(close).thenThrows(CampaignProblemNotReadyToClose, {
        currentState: 'open',
        rule: 'it needs at least one improvement action',
        unverifiedActions: [],
      });
    });

    it('cannot be closed while an action is unverified, naming each one', () => {
      spec(decider)
        .given([...whenReady, actionAdded(secondAction), completed('pm-east-12', secondAction)])
        .when(close)
        .thenThrows(CampaignProblemNotReadyToClose, {
          currentState: 'open',
          rule: 'every improvement action must be verified',
          unverifiedActions: [{ actionId: secondAction, status: 'completed' }],
        });
      spec(decider)
        .given([...withAction, actionAdded(secondAction)])
        .when(close)
        .thenThrows(CampaignProblemNotReadyToClose, {
          unverifiedActions: [
            { actionId: firstAction, status: 'open' },
            { actionId: secondAction, status: 'open' },
          ],
        });
    });

    it('answers not found for an unknown action', () => {
      spec(decider)
        .given(withAction)
        .when(complete('pm-east-12', false, secondAction))
        .thenThrows(ProblemActionNotFound, { problemId, actionId: secondAction });
    });
  });

  describe('when an action is open', () => {
    it('is completed by its owner with a note', () => {
      spec(decider).given(withAction).when(complete()).then([completed()]);
    });

    it('is completed by a campaign admin for its owner', () => {
      spec(decider)
        .given(withAction)
        .when(complete('campaign-admin-1', true))
        .then([completed('campaign-admin-1')]);
    });

    it('refuses a completion from anyone else', () => {
      spec(decider)
        .given(withAction)
        .when(complete('pm-west-4', false))
        .thenThrows(NotTheProblemActionOwner, { problemId, actionId: firstAction });
    });

    it.each([verify(), sendBack])('refuses $type before completion, naming its state', (command) => {
      spec(decider)
        .given(withAction)
        .when(command)
        .thenThrows(ProblemActionConflict, { actionId: firstAction, currentState: 'open' });
    });
  });

  describe('when an action is completed', () => {
    it('is verified by a campaign admin', () => {
      spec(decider).given(whenCompleted).when(verify()).then([verified()]);
    });

    it('is sent back with a reason, and its owner completes it again', () => {
      spec(decider).given(whenCompleted).when(sendBack).then([sentBack]);
      spec(decider)
        .given([...whenCompleted, sentBack])
        .when(complete())
        .then([completed()]);
    });

    it('refuses a second completion, naming its state', () => {
      spec(decider)
        .given(whenCompleted)
        .when(complete())
        .thenThrows(ProblemActionConflict, { currentState: 'completed' });
    });
  });

  describe('when every action is verified', () => {
    it('refuses to verify, send back or complete a verified action, naming its state', () => {
      for (const command of [verify(), sendBack, complete()]) {
        spec(decider).given(whenReady).when(command).thenThrows(ProblemActionConflict, { currentState: 'verified' });
      }
    });

    it('is closed', () => {
      spec(decider).given(whenReady).when(close).then([closedProblem]);
    });
  });

  describe('when closed', () => {
    it.each([raise(), ...onExisting])('refuses $type, naming its state', (command) => {
      spec(decider)
        .given(whenClosed)
        .when(command)
        .thenThrows(CampaignProblemTransitionNotAllowed, { currentState: 'closed' });
    });

    it('keeps its links and every step of each action’s trail', () => {
      const state = fold(decider, [
        raised(),
        linked,
        actionAdded(),
        completed(),
        sentBack,
        completed('campaign-admin-1'),
        verified(),
        closedProblem,
      ]);
      expect(state).toMatchObject({
        status: 'closed',
        closedAt: t,
        details: { activityId, findingIndex: 1, category: 'property_service' },
        links: [{ linkKind: 'complaint', linkedId: complaintId, linkedAt: t }],
      });
      if (state.status !== 'closed') throw new Error('closed expected');
      expect(state.actions[0].steps.map((s) => [s.step, s.by])).toEqual([
        ['added', null],
        ['completed', 'pm-east-12'],
        ['sent_back', null],
        ['completed', 'campaign-admin-1'],
        ['verified', 'campaign-admin-1'],
      ]);
    });
  });

  describe('its events', () => {
    it('all match the published JSON Schemas', () => {
      const validator = new EventValidator();
      const events = [raised(), linked, actionAdded(), completed(), sentBack, completed(), verified(), closedProblem];
      for (const [i, event] of events.entries()) {
        expect({ type: event.type, result: validator.validate(envelopeOf(event, i + 1)) }).toEqual({
          type: event.type,
          result: expect.objectContaining({ valid: true }),
        });
      }
    });

    it.each([
      ['a person’s name beside the ids', raised({ ownerName: 'Wang Fang' })],
      ['a category the contract does not know', raised({ category: 'weather' })],
      ['a due date that is not a calendar date', raised({ dueDate: '2026-12-31T00:00:00Z' })],
      ['a finding index past the most findings an activity has', raised({ findingIndex: 10 })],
      [
        'a link to something that is not a complaint or a review',
        { ...linked, data: { ...linked.data, linkKind: 'survey' } },
      ],
      ['a link id that is not a uuid', { ...linked, data: { ...linked.data, linkedId: 'C-2026-0001' } }],
    ])('refuse %s', (_label, event) => {
      expect(new EventValidator().validate(envelopeOf(event as CampaignProblemEvent, 1))).toMatchObject({
        valid: false,
      });
    });
  });
});

function envelopeOf(event: CampaignProblemEvent, streamVersion: number) {
  return {
    id: '6a1f7c1e-2b1d-4f3a-9a0e-1c2d3e4f5a6b',
    type: event.type,
    schemaVersion: 1,
    streamId: problemId,
    streamType: 'CampaignProblem',
    streamVersion,
    position: String(streamVersion),
    occurredAt: t,
    correlationId: 'c-1',
    causationId: null,
    actor: { type: 'user', id: 'campaign-admin-1' },
    data: event.data,
  };
}
