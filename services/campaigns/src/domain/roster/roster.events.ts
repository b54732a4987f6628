/** The Roster stream's events are the published contract; the domain uses the same types. */
export type { RosterEntryV1, RosterEvent } from '@cx/contracts';
