import {
  countsForDisclosure,
  DisclosedFigureV1,
  DisclosureSourceEvent,
  disclosureEventsDigest,
  disclosureEvidenceDigest,
  ListeningCampaignCreatedV1,
  ParticipationActivityRecordedV1,
  RosterEntriesAddedV1,
  RosterEntryV1,
  RosterSegment,
} from '@cx/contracts';
import { eligibilityFor, eligibleOn } from '../eligibility';

/** One counted person: eligible, and whether they took part. */
export interface CountedPerson {
  personId: string;
  segment: RosterSegment;
  participant: boolean;
}

export interface ParticipationCount {
  figures: { all: DisclosedFigureV1; employee: DisclosedFigureV1; management: DisclosedFigureV1 };
  evidence: CountedPerson[];
  eventsCounted: number;
  eventsDigest: string;
  evidenceDigest: string;
}

/**
 * Counts a campaign's participation from its events alone, as the disclosure and anyone re-checking it from the
 * topic do: the campaign's period, the roster as its events leave it, and every activity on a day its person
 * is eligible (README, "Eligibility"). Pure, so the service and the verification tool cannot disagree.
 */
export function countParticipation(campaignId: string, events: readonly DisclosureSourceEvent[]): ParticipationCount {
  const source = events.filter((e) => countsForDisclosure(campaignId, e));
  let campaign: ListeningCampaignCreatedV1 | null = null;
  const roster = new Map<string, RosterEntryV1>();
  const activities: ParticipationActivityRecordedV1[] = [];
  for (const event of [...source].sort((a, b) => (BigInt(a.position) < BigInt(b.position) ? -1 : 1))) {
    if (event.type === 'ListeningCampaignCreated') campaign = event.data as ListeningCampaignCreatedV1;
    if (event.type === 'RosterEntriesAdded' || event.type === 'RosterEntriesUpdated') {
      for (const entry of (event.data as RosterEntriesAddedV1).entries) roster.set(entry.personId, entry);
    }
    if (event.type === 'ParticipationActivityRecorded') activities.push(event.data as ParticipationActivityRecordedV1);
  }
  const evidence: CountedPerson[] = [];
  if (campaign) {
    const period = campaign;
    const participants = new Set(
      activities
        .filter((a) => {
          const entry = roster.get(a.personId);
          return entry !== undefined && eligibleOn(eligibilityFor(entry, period), a.date);
        })
        .map((a) => a.personId),
    );
    for (const entry of roster.values()) {
      if (!eligibilityFor(entry, period).eligible) continue;
      evidence.push({
        personId: entry.personId,
        segment: entry.segment,
        participant: participants.has(entry.personId),
      });
    }
  }
  evidence.sort((a, b) => (a.personId < b.personId ? -1 : a.personId > b.personId ? 1 : 0));
  const figure = (people: CountedPerson[]) => ({
    eligible: people.length,
    participants: people.filter((p) => p.participant).length,
  });
  return {
    figures: {
      all: figure(evidence),
      employee: figure(evidence.filter((p) => p.segment === 'employee')),
      management: figure(evidence.filter((p) => p.segment === 'management')),
    },
    evidence,
    eventsCounted: source.length,
    eventsDigest: disclosureEventsDigest(source),
    evidenceDigest: disclosureEvidenceDigest(evidence),
  };
}
