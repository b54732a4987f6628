import { EventValidator, ROSTER_ENTRIES_PER_EVENT, rosterStreamId } from '@cx/contracts';
import { fold } from '@cx/domain';
import { spec } from '@cx/testing';
import { listeningCampaignDecider } from '../listening-campaign/listening-campaign.decider';
import {
  ListeningCampaignNotFound,
  ListeningCampaignTransitionNotAllowed,
} from '../listening-campaign/listening-campaign.errors';
import type { ListeningCampaignEvent } from '../listening-campaign/listening-campaign.events';
import type { ImportRoster } from './roster.commands';
import { rosterDecider as decider } from './roster.decider';
import { RosterRuleViolated } from './roster.errors';
import type { RosterEvent } from './roster.events';
import type { RosterEntry } from './roster.state';
import { rosterSummary } from './roster-summary';

const campaignId = '3b7e9c1d-5f2a-4c8e-9d1b-7a6e5f4d3c2b';
const importId = '9c8b7a6d-5e4f-4a3b-8c2d-1e0f9a8b7c6d';
const secondImport = '1a2b3c4d-5e6f-4a7b-8c9d-0e1f2a3b4c5d';
const now = new Date('2021-01-04T01:30:00.000Z');
const t = now.toISOString();
const period = { periodStart: '2021-01-01', periodEnd: '2021-12-31' };

const created: ListeningCampaignEvent = {
  type: 'ListeningCampaignCreated',
  data: { campaignId, name: 'Six Ones 2021', ...period, activityKinds: ['customer_visit'], createdAt: t },
};
const opened: ListeningCampaignEvent = { type: 'ListeningCampaignOpened', data: { campaignId, openedAt: t } };
const closed: ListeningCampaignEvent = { type: 'ListeningCampaignClosed', data: { campaignId, closedAt: t } };
const campaign = (...events: ListeningCampaignEvent[]) => fold(listeningCampaignDecider, events);

const person = (personId: string, changes: Partial<RosterEntry> = {}): RosterEntry => ({
  personId,
  segment: 'employee',
  department: 'Customer Service',
  region: 'east-china',
  employedFrom: '2019-03-01',
  employedUntil: null,
  ...changes,
});
const wang = person('E0001');
const li = person('E0002', { segment: 'management', department: 'Property Services' });
const zhao = person('E0003', { employedFrom: '2021-07-15' });

const importing = (entries: RosterEntry[], changes: Partial<ImportRoster> = {}): ImportRoster => ({
  type: 'ImportRoster',
  campaignId,
  importId,
  campaign: campaign(created, opened),
  entries,
  renamed: new Set(),
  now,
  ...changes,
});
const added = (entries: RosterEntry[], id = importId): RosterEvent => ({
  type: 'RosterEntriesAdded',
  data: { campaignId, importId: id, entries, importedAt: t },
});
const updated = (entries: RosterEntry[], id = importId): RosterEvent => ({
  type: 'RosterEntriesUpdated',
  data: { campaignId, importId: id, entries, importedAt: t },
});

describe('Roster', () => {
  describe('when empty', () => {
    it('adds everyone imported, by person id and without names', () => {
      spec(decider)
        .given([])
        .when(importing([wang, li]))
        .then([added([wang, li])]);
    });

    it('takes imports while the campaign is a draft', () => {
      spec(decider)
        .given([])
        .when(importing([wang], { campaign: campaign(created) }))
        .then([added([wang])]);
    });

    it(`splits a large import into events of at most ${ROSTER_ENTRIES_PER_EVENT} people, one import id`, () => {
      const people = Array.from({ length: 1_201 }, (_, i) => person(`E${String(i).padStart(5, '0')}`));
      const events = decider.decide(importing(people), decider.initialState());
      expect(events.map((e) => [e.type, e.data.importId, e.data.entries.length])).toEqual([
        ['RosterEntriesAdded', importId, 500],
        ['RosterEntriesAdded', importId, 500],
        ['RosterEntriesAdded', importId, 201],
      ]);
      expect(events.flatMap((e) => e.data.entries)).toEqual(people);
    });

    it('changes nothing for an empty import', () => {
      spec(decider).given([]).when(importing([])).then([]);
    });

    it('refuses a person twice in one import, naming them', () => {
      spec(decider)
        .given([])
        .when(importing([wang, { ...wang, department: 'Sales' }]))
        .thenThrows(RosterRuleViolated, { personId: 'E0001', field: 'personId' });
    });

    it('refuses someone who leaves before joining', () => {
      spec(decider)
        .given([])
        .when(importing([{ ...wang, employedUntil: '2019-02-28' }]))
        .thenThrows(RosterRuleViolated, { personId: 'E0001', field: 'employedUntil' });
    });

    it('refuses an import into a campaign that does not exist', () => {
      spec(decider)
        .given([])
        .when(importing([wang], { campaign: campaign() }))
        .thenThrows(ListeningCampaignNotFound, { campaignId });
    });
  });

  describe('when imported', () => {
    const given = [added([wang, li])];

    it('changes nothing when the same people are imported again', () => {
      spec(decider)
        .given(given)
        .when(importing([li, wang], { importId: secondImport }))
        .then([]);
    });

    it('adds the new, updates the changed and leaves the unchanged', () => {
      const liPromoted = { ...li, department: 'Regional Management' };
      spec(decider)
        .given(given)
        .when(importing([wang, liPromoted, zhao], { importId: secondImport }))
        .then([added([zhao], secondImport), updated([liPromoted], secondImport)]);
    });

    it('updates someone who left, with the leaving date', () => {
      const wangLeft = { ...wang, employedUntil: '2021-05-31' };
      spec(decider)
        .given(given)
        .when(importing([wangLeft], { importId: secondImport }))
        .then([updated([wangLeft], secondImport)]);
    });

    it('updates someone whose name changed, though none of the fields in the event did', () => {
      spec(decider)
        .given(given)
        .when(importing([wang, li], { importId: secondImport, renamed: new Set(['E0002']) }))
        .then([updated([li], secondImport)]);
    });

    it('keeps people who are not in a later import', () => {
      const state = fold(decider, [...given, added([zhao], secondImport)]);
      expect(state.status === 'imported' && [...state.entries.keys()]).toEqual(['E0001', 'E0002', 'E0003']);
    });

    it('counts people and eligible people per segment', () => {
      const leftBefore = person('E0004', { employedFrom: '2015-01-01', employedUntil: '2020-12-31' });
      const state = fold(decider, [...given, added([zhao, leftBefore], secondImport)]);
      expect(rosterSummary(state, period)).toEqual([
        { segment: 'employee', people: 3, eligible: 2 },
        { segment: 'management', people: 1, eligible: 1 },
      ]);
    });
  });

  describe('when the campaign is closed', () => {
    it('refuses imports, naming the campaign state: its rates were counted against this roster', () => {
      spec(decider)
        .given([added([wang])])
        .when(importing([li], { campaign: campaign(created, opened, closed) }))
        .thenThrows(ListeningCampaignTransitionNotAllowed, {
          command: 'ImportRoster',
          currentState: 'closed',
          allowedStates: ['draft', 'open'],
        });
    });
  });

  describe('its events', () => {
    it('match the published JSON Schemas', () => {
      const validator = new EventValidator();
      for (const [i, event] of [added([wang, li]), updated([{ ...wang, employedUntil: '2021-05-31' }])].entries()) {
        expect(validator.validate(envelopeOf(event, i + 1))).toMatchObject({ valid: true });
      }
    });

    it('refuse a name in an entry: names stay in the campaigns service', () => {
      const named = added([{ ...wang, name: 'Wang Fang' } as RosterEntry]);
      expect(new EventValidator().validate(envelopeOf(named, 1))).toMatchObject({ valid: false });
    });
  });
});

function envelopeOf(event: RosterEvent, streamVersion: number) {
  return {
    id: '6a1f7c1e-2b1d-4f3a-9a0e-1c2d3e4f5a6b',
    type: event.type,
    schemaVersion: 1,
    streamId: rosterStreamId(campaignId),
    streamType: 'Roster',
    streamVersion,
    position: String(streamVersion),
    occurredAt: t,
    correlationId: 'c-1',
    causationId: null,
    actor: { type: 'user', id: 'hr-1' },
    data: event.data,
  };
}
