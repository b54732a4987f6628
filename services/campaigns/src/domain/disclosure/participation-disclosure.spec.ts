import { disclosureEventsDigest, DisclosureSourceEvent, EventValidator, rosterStreamId } from '@cx/contracts';
import { fold } from '@cx/domain';
import { spec } from '@cx/testing';
import { listeningCampaignDecider } from '../listening-campaign/listening-campaign.decider';
import { ListeningCampaignTransitionNotAllowed } from '../listening-campaign/listening-campaign.errors';
import type { ListeningCampaignEvent } from '../listening-campaign/listening-campaign.events';
import { countParticipation } from './participation-count';
import type { FreezeParticipationDisclosure } from './participation-disclosure.commands';
import { participationDisclosureDecider as decider } from './participation-disclosure.decider';
import { ParticipationDisclosureAlreadyFrozen } from './participation-disclosure.errors';

const campaignId = '3b7e9c1d-5f2a-4c8e-9d1b-7a6e5f4d3c2b';
const otherCampaign = '9a8b7c6d-5e4f-4a3b-8c2d-1e0f9a8b7c6d';
const disclosureId = '6c5b4a39-2817-4f6e-8d5c-4b3a29180f7e';
const now = new Date('2026-10-08T02:00:00.000Z');

let position = 0;
const event = (streamId: string, type: string, data: object): DisclosureSourceEvent => ({
  id: `00000000-0000-4000-8000-${String(++position).padStart(12, '0')}`,
  type,
  streamId,
  position: String(position),
  data,
});
const person = (personId: string, segment: string, employedFrom: string, employedUntil: string | null = null) => ({
  personId,
  segment,
  department: 'Sales',
  region: 'east-china',
  employedFrom,
  employedUntil,
});
const activity = (campaign: string, personId: string, date: string) =>
  event(`sub-${position}`, 'ParticipationActivityRecorded', { campaignId: campaign, personId, date });

/** E1 twice, E4 before joining (not counted) and after, E3 left before, M1; another campaign's activity. */
const history: DisclosureSourceEvent[] = [
  event(campaignId, 'ListeningCampaignCreated', {
    campaignId,
    name: 'Six Ones',
    periodStart: '2026-09-01',
    periodEnd: '2026-09-30',
    activityKinds: ['customer_visit'],
    createdAt: '2026-08-20T01:00:00.000Z',
  }),
  event(rosterStreamId(campaignId), 'RosterEntriesAdded', {
    campaignId,
    entries: [
      person('E1', 'employee', '2020-01-01'),
      person('E2', 'employee', '2020-01-01'),
      person('E3', 'employee', '2019-01-01', '2026-08-15'),
      person('E4', 'employee', '2026-09-15'),
      person('M1', 'management', '2010-01-01'),
    ],
  }),
  activity(campaignId, 'E1', '2026-09-02'),
  activity(campaignId, 'E1', '2026-09-20'),
  activity(campaignId, 'E4', '2026-09-10'),
  activity(campaignId, 'E4', '2026-09-16'),
  activity(campaignId, 'E3', '2026-09-03'),
  activity(campaignId, 'M1', '2026-09-01'),
  activity(otherCampaign, 'E2', '2026-09-05'),
];

describe('counting participation for a disclosure', () => {
  it('counts eligible people once and participants on days they are eligible', () => {
    const count = countParticipation(campaignId, history);
    expect(count.figures).toEqual({
      all: { eligible: 4, participants: 3 },
      employee: { eligible: 3, participants: 2 },
      management: { eligible: 1, participants: 1 },
    });
    expect(count.evidence).toEqual([
      { personId: 'E1', segment: 'employee', participant: true },
      { personId: 'E2', segment: 'employee', participant: false },
      { personId: 'E4', segment: 'employee', participant: true },
      { personId: 'M1', segment: 'management', participant: true },
    ]);
    expect(count.eventsCounted).toBe(history.length - 1);
  });

  it('gives the same digests whatever the order and key order the events arrive in', () => {
    const reordered = [...history].reverse().map((e) => ({ ...e, data: JSON.parse(JSON.stringify(e.data)) }));
    const keysReversed = reordered.map((e) => ({
      ...e,
      data: Object.fromEntries(Object.entries(e.data as object).reverse()),
    }));
    const count = countParticipation(campaignId, history);
    expect(countParticipation(campaignId, keysReversed)).toEqual(count);
  });

  it('changes the events digest when any counted event changes, not when another campaign’s does', () => {
    const base = countParticipation(campaignId, history).eventsDigest;
    const tampered = history.map((e, i) =>
      i === 2 ? { ...e, data: { ...(e.data as object), date: '2026-09-03' } } : e,
    );
    expect(countParticipation(campaignId, tampered).eventsDigest).not.toBe(base);
    const elsewhere = [...history, activity(otherCampaign, 'E1', '2026-09-06')];
    expect(countParticipation(campaignId, elsewhere).eventsDigest).toBe(base);
    expect(disclosureEventsDigest([])).toMatch(/^[0-9a-f]{64}$/);
  });
});

describe('ParticipationDisclosure', () => {
  const at = now.toISOString();
  const lifecycle: Record<string, ListeningCampaignEvent> = {
    ListeningCampaignCreated: {
      type: 'ListeningCampaignCreated',
      data: history[0].data as Extract<ListeningCampaignEvent, { type: 'ListeningCampaignCreated' }>['data'],
    },
    ListeningCampaignOpened: { type: 'ListeningCampaignOpened', data: { campaignId, openedAt: at } },
    ListeningCampaignClosed: { type: 'ListeningCampaignClosed', data: { campaignId, closedAt: at } },
  };
  const campaignEvents = (...types: string[]): ListeningCampaignEvent[] => types.map((type) => lifecycle[type]);
  const campaignState = (...types: string[]) => fold(listeningCampaignDecider, campaignEvents(...types));
  const freeze = (
    campaign = campaignState('ListeningCampaignCreated', 'ListeningCampaignOpened', 'ListeningCampaignClosed'),
  ): FreezeParticipationDisclosure => ({
    type: 'FreezeParticipationDisclosure',
    disclosureId,
    campaignId,
    campaign,
    throughPosition: '42',
    count: countParticipation(campaignId, history),
    now,
  });

  it('freezes a closed campaign’s figures with their digests, in the published shape', () => {
    const count = countParticipation(campaignId, history);
    spec(decider)
      .given([])
      .when(freeze())
      .then([
        {
          type: 'ParticipationDisclosureFrozen',
          data: {
            disclosureId,
            campaignId,
            throughPosition: '42',
            eventsCounted: count.eventsCounted,
            eventsDigest: count.eventsDigest,
            evidenceDigest: count.evidenceDigest,
            eligibilityRule: 'employment_overlaps_period',
            figures: count.figures,
            frozenAt: now.toISOString(),
          },
        },
      ]);
    const [frozen] = decider.decide(freeze(), decider.initialState());
    const envelope = {
      id: disclosureId,
      type: frozen.type,
      schemaVersion: 1,
      streamId: disclosureId,
      streamType: 'ParticipationDisclosure',
      streamVersion: 1,
      position: '43',
      occurredAt: now.toISOString(),
      correlationId: 'c',
      causationId: null,
      actor: { type: 'user', id: 'campaign-admin-1' },
      data: frozen.data,
    };
    expect(new EventValidator().validate(envelope)).toEqual({ valid: true, envelope });
  });

  it('refuses an open campaign, naming its state', () => {
    spec(decider)
      .given([])
      .when(freeze(campaignState('ListeningCampaignCreated', 'ListeningCampaignOpened')))
      .thenThrows(ListeningCampaignTransitionNotAllowed, { currentState: 'open', allowedStates: ['closed'] });
  });

  it('never changes once frozen', () => {
    const [frozen] = decider.decide(freeze(), decider.initialState());
    spec(decider).given([frozen]).when(freeze()).thenThrows(ParticipationDisclosureAlreadyFrozen, { disclosureId });
  });
});
