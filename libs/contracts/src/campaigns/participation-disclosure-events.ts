import { createHash } from 'node:crypto';
import { ROSTER_SEGMENTS } from './campaign-vocabulary';
import { rosterStreamId } from './roster-events';

/** Figures as disclosed: counts only; the person ids behind them are the evidence the service keeps. */
export interface DisclosedFigureV1 {
  eligible: number;
  participants: number;
}

/**
 * Events of the ParticipationDisclosure stream, version 1, on the campaigns topic (key = disclosure id).
 * A disclosure freezes a closed campaign's participation figures for the annual ESG report, with digests
 * that let anyone recompute them from the topic: `eventsDigest` over the events they were counted from (every
 * event of the campaign at or below `throughPosition`, see `disclosureEventsDigest`), `evidenceDigest` over
 * the counted person ids (see `disclosureEvidenceDigest`).
 */
export interface ParticipationDisclosureFrozenV1 {
  disclosureId: string;
  campaignId: string;
  throughPosition: string;
  eventsCounted: number;
  eventsDigest: string;
  evidenceDigest: string;
  eligibilityRule: 'employment_overlaps_period';
  figures: { all: DisclosedFigureV1; employee: DisclosedFigureV1; management: DisclosedFigureV1 };
  frozenAt: string;
}

export type ParticipationDisclosureEvent = {
  type: 'ParticipationDisclosureFrozen';
  data: ParticipationDisclosureFrozenV1;
};

export const PARTICIPATION_DISCLOSURE_STREAM_TYPE = 'ParticipationDisclosure';

/** An event as both the service's store and the topic's envelopes have it. */
export interface DisclosureSourceEvent {
  id: string;
  type: string;
  streamId: string;
  position: string;
  data: unknown;
}

/** The events a campaign's figures are counted from: its own stream, its roster and its activities. */
export function countsForDisclosure(campaignId: string, event: DisclosureSourceEvent): boolean {
  if (event.streamId === campaignId || event.streamId === rosterStreamId(campaignId)) return true;
  return (
    event.type === 'ParticipationActivityRecorded' && (event.data as { campaignId?: string }).campaignId === campaignId
  );
}

/** JSON with object keys sorted at every level: the store and the topic may order keys differently. */
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}

/** SHA-256 (hex) over one line per event in position order: position, id, type and canonical data. */
export function disclosureEventsDigest(events: readonly DisclosureSourceEvent[]): string {
  const hash = createHash('sha256');
  const ordered = [...events].sort((a, b) => (BigInt(a.position) < BigInt(b.position) ? -1 : 1));
  for (const e of ordered) hash.update(`${e.position}\t${e.id}\t${e.type}\t${canonicalJson(e.data)}\n`);
  return hash.digest('hex');
}

/** SHA-256 (hex) over the counted people: one line per segment, role and person id, sorted. */
export function disclosureEvidenceDigest(
  evidence: readonly { personId: string; segment: string; participant: boolean }[],
): string {
  const lines = evidence
    .map((e) => `${e.segment}\t${e.participant ? 'participant' : 'eligible'}\t${e.personId}\n`)
    .sort();
  return createHash('sha256').update(lines.join('')).digest('hex');
}

const figure = {
  type: 'object',
  additionalProperties: false,
  required: ['eligible', 'participants'],
  properties: { eligible: { type: 'integer', minimum: 0 }, participants: { type: 'integer', minimum: 0 } },
} as const;
const sha256 = { type: 'string', pattern: '^[0-9a-f]{64}$' } as const;

export const participationDisclosureEventSchemas = {
  ParticipationDisclosureFrozen: {
    1: {
      title: 'ParticipationDisclosureFrozen',
      description:
        'The participation figures of a closed campaign, frozen for disclosure, with the digests to recompute them.',
      type: 'object',
      additionalProperties: false,
      required: [
        'disclosureId',
        'campaignId',
        'throughPosition',
        'eventsCounted',
        'eventsDigest',
        'evidenceDigest',
        'eligibilityRule',
        'figures',
        'frozenAt',
      ],
      properties: {
        disclosureId: { type: 'string', format: 'uuid' },
        campaignId: { type: 'string', format: 'uuid' },
        throughPosition: { type: 'string', pattern: '^[0-9]+$' },
        eventsCounted: { type: 'integer', minimum: 0 },
        eventsDigest: sha256,
        evidenceDigest: sha256,
        eligibilityRule: { enum: ['employment_overlaps_period'] },
        figures: {
          type: 'object',
          additionalProperties: false,
          required: ['all', ...ROSTER_SEGMENTS],
          properties: { all: figure, employee: figure, management: figure },
        },
        frozenAt: { type: 'string', format: 'date-time' },
      },
    },
  },
} as const;
