import { ORG_CODE_PATTERN } from '../complaints/complaint-vocabulary';
import {
  DEPARTMENT_MAX_LENGTH,
  PERSON_ID_PATTERN,
  ROSTER_ENTRIES_PER_EVENT,
  ROSTER_SEGMENTS,
  RosterSegment,
} from './campaign-vocabulary';

/**
 * One person on a campaign's roster as HR states it, without the name: names are personal data and stay in
 * the campaigns database. Employment dates are calendar dates, both inclusive; `employedUntil` is null while
 * the person is employed.
 */
export interface RosterEntryV1 {
  personId: string;
  segment: RosterSegment;
  department: string;
  region: string;
  employedFrom: string;
  employedUntil: string | null;
}

/**
 * Events of the Roster stream (one per campaign), version 1, published on the campaigns topic
 * (key = `roster-<campaignId>`). One import appends as many events as it needs, each with at most
 * ROSTER_ENTRIES_PER_EVENT entries, all in one transaction and with the same `importId`.
 */
export interface RosterEntriesAddedV1 {
  campaignId: string;
  importId: string;
  entries: RosterEntryV1[];
  importedAt: string;
}
/** People already on the roster whose HR record changed: any field, or the name (which stays in the service). */
export interface RosterEntriesUpdatedV1 {
  campaignId: string;
  importId: string;
  entries: RosterEntryV1[];
  importedAt: string;
}

export type RosterEvent =
  | { type: 'RosterEntriesAdded'; data: RosterEntriesAddedV1 }
  | { type: 'RosterEntriesUpdated'; data: RosterEntriesUpdatedV1 };

export const ROSTER_STREAM_TYPE = 'Roster';

/** A campaign has one roster stream; its id is derived, so that nothing needs to look it up. */
export function rosterStreamId(campaignId: string): string {
  return `roster-${campaignId}`;
}

const date = { type: 'string', format: 'date' } as const;

const rosterEntry = {
  type: 'object',
  additionalProperties: false,
  required: ['personId', 'segment', 'department', 'region', 'employedFrom', 'employedUntil'],
  properties: {
    personId: { type: 'string', pattern: PERSON_ID_PATTERN },
    segment: { enum: ROSTER_SEGMENTS },
    department: { type: 'string', minLength: 1, maxLength: DEPARTMENT_MAX_LENGTH },
    region: { type: 'string', pattern: ORG_CODE_PATTERN },
    employedFrom: date,
    employedUntil: { anyOf: [date, { type: 'null' }] },
  },
} as const;

function schema(title: string, description: string) {
  return {
    title,
    description,
    type: 'object',
    additionalProperties: false,
    required: ['campaignId', 'importId', 'entries', 'importedAt'],
    properties: {
      campaignId: { type: 'string', format: 'uuid' },
      importId: { type: 'string', format: 'uuid' },
      entries: { type: 'array', minItems: 1, maxItems: ROSTER_ENTRIES_PER_EVENT, items: rosterEntry },
      importedAt: { type: 'string', format: 'date-time' },
    },
  } as const;
}

export const rosterEventSchemas = {
  RosterEntriesAdded: {
    1: schema('RosterEntriesAdded', 'People new on the campaign roster, by HR person id; names stay in the service.'),
  },
  RosterEntriesUpdated: {
    1: schema(
      'RosterEntriesUpdated',
      'People whose roster entry changed (any field, or the name, which stays in the service); the full entry.',
    ),
  },
} as const;
