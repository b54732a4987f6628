import { ROSTER_SEGMENTS, RosterSegment } from '@cx/contracts';
import { CampaignPeriod, eligibilityFor } from '../eligibility';
import type { RosterState } from './roster.state';

export interface SegmentCount {
  segment: RosterSegment;
  people: number;
  /** Of them, those the eligibility rule counts for the campaign period. */
  eligible: number;
}

/** How many people the roster holds per segment, and how many of them are eligible for the campaign. */
export function rosterSummary(state: RosterState, period: CampaignPeriod): SegmentCount[] {
  const counts = new Map(ROSTER_SEGMENTS.map((segment) => [segment, { segment, people: 0, eligible: 0 }]));
  if (state.status === 'imported') {
    for (const entry of state.entries.values()) {
      const count = counts.get(entry.segment)!;
      count.people++;
      if (eligibilityFor(entry, period).eligible) count.eligible++;
    }
  }
  return [...counts.values()];
}
