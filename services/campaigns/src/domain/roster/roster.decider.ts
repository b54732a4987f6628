import { ROSTER_ENTRIES_PER_EVENT } from '@cx/contracts';
import type { Decider } from '@cx/domain';
import { requireCampaignIn } from '../listening-campaign/listening-campaign.decider';
import type { RosterCommand } from './roster.commands';
import { RosterRuleViolated } from './roster.errors';
import type { RosterEvent } from './roster.events';
import type { RosterEntry, RosterState } from './roster.state';

/** A person cannot leave before joining; the row checks refuse such rows before they get here. */
export function employmentDatesInOrder(entry: Pick<RosterEntry, 'employedFrom' | 'employedUntil'>): boolean {
  return entry.employedUntil === null || entry.employedUntil >= entry.employedFrom;
}

/** What an entry says about its person. */
const ENTRY_FIELDS = ['segment', 'department', 'region', 'employedFrom', 'employedUntil'] as const;

function sameEntry(a: RosterEntry, b: RosterEntry): boolean {
  return ENTRY_FIELDS.every((field) => a[field] === b[field]);
}

function inEvents(entries: RosterEntry[]): RosterEntry[][] {
  const parts: RosterEntry[][] = [];
  for (let i = 0; i < entries.length; i += ROSTER_ENTRIES_PER_EVENT) {
    parts.push(entries.slice(i, i + ROSTER_ENTRIES_PER_EVENT));
  }
  return parts;
}

function decide(command: RosterCommand, state: RosterState): RosterEvent[] {
  switch (command.type) {
    case 'ImportRoster': {
      const { campaignId, importId } = command;
      // Once a campaign is closed its roster is what its participation rates were counted against.
      requireCampaignIn(command.campaign, campaignId, command.type, ['draft', 'open']);
      const current: ReadonlyMap<string, RosterEntry> = state.status === 'imported' ? state.entries : new Map();
      const seen = new Set<string>();
      const added: RosterEntry[] = [];
      const updated: RosterEntry[] = [];
      for (const entry of command.entries) {
        if (seen.has(entry.personId)) {
          throw new RosterRuleViolated(campaignId, entry.personId, 'personId', 'appears more than once in the import');
        }
        seen.add(entry.personId);
        if (!employmentDatesInOrder(entry)) {
          throw new RosterRuleViolated(campaignId, entry.personId, 'employedUntil', 'must not be before employedFrom');
        }
        const before = current.get(entry.personId);
        if (!before) added.push(entry);
        else if (!sameEntry(before, entry) || command.renamed.has(entry.personId)) updated.push(entry);
      }
      const importedAt = command.now.toISOString();
      return [
        ...inEvents(added).map((entries): RosterEvent => ({
          type: 'RosterEntriesAdded',
          data: { campaignId, importId, entries, importedAt },
        })),
        ...inEvents(updated).map((entries): RosterEvent => ({
          type: 'RosterEntriesUpdated',
          data: { campaignId, importId, entries, importedAt },
        })),
      ];
    }
    default:
      return exhaustive(command.type);
  }
}

function evolve(state: RosterState, event: RosterEvent): RosterState {
  switch (event.type) {
    case 'RosterEntriesAdded':
    case 'RosterEntriesUpdated': {
      const entries = new Map(state.status === 'imported' ? state.entries : []);
      for (const entry of event.data.entries) entries.set(entry.personId, entry);
      return { status: 'imported', campaignId: event.data.campaignId, entries };
    }
    default:
      return exhaustive(event);
  }
}

function exhaustive(value: never): never {
  throw new Error(`Unhandled: ${JSON.stringify(value)}`);
}

export const rosterDecider: Decider<RosterCommand, RosterEvent, RosterState> = {
  initialState: () => ({ status: 'empty' }),
  decide,
  evolve,
};
