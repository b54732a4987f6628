import type { Disposition, SurveyStage } from '@cx/contracts';
import { byCodePoint, stratumKey } from './sampling/sampling-frame';
import type { SampleMember } from './survey-wave/survey-wave.state';

/** A sampled customer's case, as far as the rate needs it: no outcome yet is no case. */
export interface CaseOutcome {
  disposition: Disposition;
  attempts: number;
}

/** Sampled cases by final disposition; `notAttempted` have no outcome yet (eligibility unknown). */
export interface DispositionCounts {
  sampled: number;
  complete: number;
  partial: number;
  refusal: number;
  nonContact: number;
  ineligible: number;
  notAttempted: number;
  /** Contact attempts reported over every case: the calls made, which the response rate is not divided by. */
  attempts: number;
}

export interface ResponseRate {
  definition: 'AAPOR RR1';
  /** completes / eligibleOrUnknown, to four decimals; null before there is a case to count. */
  rate: number | null;
  completes: number;
  /** Complete + partial + refusal + non-contact + not attempted: every case not found ineligible. */
  eligibleOrUnknown: number;
}

export interface StratumDispositions {
  project: string;
  stage: SurveyStage;
  dispositions: DispositionCounts;
  responseRate: ResponseRate;
}

const FIELD: Record<Disposition, keyof DispositionCounts> = {
  complete: 'complete',
  partial: 'partial',
  refusal: 'refusal',
  non_contact: 'nonContact',
  ineligible: 'ineligible',
};

const none = (): DispositionCounts => ({
  sampled: 0,
  complete: 0,
  partial: 0,
  refusal: 0,
  nonContact: 0,
  ineligible: 0,
  notAttempted: 0,
  attempts: 0,
});

/**
 * AAPOR Standard Definitions' Response Rate 1: I / ((I + P) + (R + NC + O) + (UH + UO)). Completes over every
 * sampled case except those found ineligible; cases never reached, or not attempted yet, count as of unknown
 * eligibility, in the denominator. Not completes / calls.
 */
export function responseRateRR1(counts: DispositionCounts): ResponseRate {
  const eligibleOrUnknown = counts.sampled - counts.ineligible;
  return {
    definition: 'AAPOR RR1',
    rate: eligibleOrUnknown === 0 ? null : Math.round((counts.complete / eligibleOrUnknown) * 10_000) / 10_000,
    completes: counts.complete,
    eligibleOrUnknown,
  };
}

/** Every sampled case counted by its latest disposition, for the wave and per project and stage. */
export function waveDispositions(
  sample: Iterable<SampleMember>,
  cases: ReadonlyMap<string, CaseOutcome>,
): { total: DispositionCounts; strata: StratumDispositions[] } {
  const total = none();
  const strata = new Map<string, { project: string; stage: SurveyStage; dispositions: DispositionCounts }>();
  for (const { subjectId, project, stage } of sample) {
    const key = stratumKey(project, stage);
    const stratum = strata.get(key) ?? { project, stage, dispositions: none() };
    strata.set(key, stratum);
    const outcome = cases.get(subjectId);
    for (const counts of [total, stratum.dispositions]) {
      counts.sampled++;
      if (outcome) {
        counts[FIELD[outcome.disposition]]++;
        counts.attempts += outcome.attempts;
      } else {
        counts.notAttempted++;
      }
    }
  }
  return {
    total,
    strata: [...strata.entries()]
      .sort(([a], [b]) => byCodePoint(a, b))
      .map(([, s]) => ({ ...s, responseRate: responseRateRR1(s.dispositions) })),
  };
}
