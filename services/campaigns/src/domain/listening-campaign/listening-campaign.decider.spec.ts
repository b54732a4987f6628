import { EventValidator } from '@cx/contracts';
import { fold } from '@cx/domain';
import { spec } from '@cx/testing';
import type { ListeningCampaignCommand } from './listening-campaign.commands';
import { listeningCampaignDecider as decider } from './listening-campaign.decider';
import {
  ListeningCampaignNotFound,
  ListeningCampaignRuleViolated,
  ListeningCampaignTransitionNotAllowed,
} from './listening-campaign.errors';
import type { ListeningCampaignEvent } from './listening-campaign.events';

const campaignId = '3b7e9c1d-5f2a-4c8e-9d1b-7a6e5f4d3c2b';
const now = new Date('2021-01-04T01:30:00.000Z');
const t = now.toISOString();
const on = { campaignId, now };

const create: ListeningCampaignCommand = {
  type: 'CreateListeningCampaign',
  name: 'Six Ones 2021',
  periodStart: '2021-01-01',
  periodEnd: '2021-12-31',
  activityKinds: ['customer_visit', 'service_experience', 'hotline_shift'],
  ...on,
};
const created: ListeningCampaignEvent = {
  type: 'ListeningCampaignCreated',
  data: {
    campaignId,
    name: 'Six Ones 2021',
    periodStart: '2021-01-01',
    periodEnd: '2021-12-31',
    activityKinds: ['customer_visit', 'service_experience', 'hotline_shift'],
    createdAt: t,
  },
};
const open: ListeningCampaignCommand = { type: 'OpenListeningCampaign', ...on };
const opened: ListeningCampaignEvent = { type: 'ListeningCampaignOpened', data: { campaignId, openedAt: t } };
const close: ListeningCampaignCommand = { type: 'CloseListeningCampaign', ...on };
const closed: ListeningCampaignEvent = { type: 'ListeningCampaignClosed', data: { campaignId, closedAt: t } };

describe('ListeningCampaign', () => {
  describe('when not created', () => {
    it('is created as a draft with its period and the activity kinds it counts', () => {
      spec(decider).given([]).when(create).then([created]);
    });

    it('takes a period of a single day', () => {
      spec(decider)
        .given([])
        .when({ ...create, periodEnd: '2021-01-01' } as ListeningCampaignCommand)
        .then([{ ...created, data: { ...created.data, periodEnd: '2021-01-01' } } as ListeningCampaignEvent]);
    });

    it('refuses a period that ends before it starts, naming the field', () => {
      spec(decider)
        .given([])
        .when({ ...create, periodEnd: '2020-12-31' } as ListeningCampaignCommand)
        .thenThrows(ListeningCampaignRuleViolated, { campaignId, field: 'periodEnd' });
    });

    it.each([open, close])('refuses $type as not found', (command) => {
      spec(decider).given([]).when(command).thenThrows(ListeningCampaignNotFound, { campaignId });
    });
  });

  describe('when a draft', () => {
    it('opens', () => {
      spec(decider).given([created]).when(open).then([opened]);
    });

    it('refuses to be created twice, naming its state', () => {
      spec(decider)
        .given([created])
        .when(create)
        .thenThrows(ListeningCampaignTransitionNotAllowed, { currentState: 'draft', allowedStates: ['not_created'] });
    });

    it('cannot be closed before it opened, naming its state', () => {
      spec(decider)
        .given([created])
        .when(close)
        .thenThrows(ListeningCampaignTransitionNotAllowed, { currentState: 'draft', allowedStates: ['open'] });
    });
  });

  describe('when open', () => {
    it('closes', () => {
      spec(decider).given([created, opened]).when(close).then([closed]);
    });

    it('refuses to open again, naming its state', () => {
      spec(decider)
        .given([created, opened])
        .when(open)
        .thenThrows(ListeningCampaignTransitionNotAllowed, { currentState: 'open', allowedStates: ['draft'] });
    });
  });

  describe('when closed', () => {
    it.each([create, open, close])('refuses $type, naming its state', (command) => {
      spec(decider)
        .given([created, opened, closed])
        .when(command)
        .thenThrows(ListeningCampaignTransitionNotAllowed, { currentState: 'closed' });
    });

    it('keeps when it opened and when it closed', () => {
      expect(fold(decider, [created, opened, closed])).toMatchObject({
        status: 'closed',
        details: { name: 'Six Ones 2021' },
        openedAt: t,
        closedAt: t,
      });
    });
  });

  describe('its events', () => {
    it('all match the published JSON Schemas', () => {
      const validator = new EventValidator();
      for (const [i, event] of [created, opened, closed].entries()) {
        expect({ type: event.type, result: validator.validate(envelopeOf(event, i + 1)) }).toEqual({
          type: event.type,
          result: expect.objectContaining({ valid: true }),
        });
      }
    });

    it('refuse an activity kind the contract does not know', () => {
      const odd = {
        ...created,
        data: { ...created.data, activityKinds: ['golf'] },
      } as unknown as ListeningCampaignEvent;
      expect(new EventValidator().validate(envelopeOf(odd, 1))).toMatchObject({ valid: false });
    });
  });
});

function envelopeOf(event: ListeningCampaignEvent, streamVersion: number) {
  return {
    id: '6a1f7c1e-2b1d-4f3a-9a0e-1c2d3e4f5a6b',
    type: event.type,
    schemaVersion: 1,
    streamId: campaignId,
    streamType: 'ListeningCampaign',
    streamVersion,
    position: String(streamVersion),
    occurredAt: t,
    correlationId: 'c-1',
    causationId: null,
    actor: { type: 'user', id: 'campaign-admin-1' },
    data: event.data,
  };
}
