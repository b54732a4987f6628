import type { RosterEntryV1 } from './roster.events';

export type RosterEntry = RosterEntryV1;

/** A campaign's roster: empty until the first import, then everyone ever imported, by person id. */
export type RosterState =
  { status: 'empty' } | { status: 'imported'; campaignId: string; entries: ReadonlyMap<string, RosterEntry> };

export type RosterStatus = RosterState['status'];
