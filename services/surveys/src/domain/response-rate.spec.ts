import type { Disposition } from '@cx/contracts';
import { CaseOutcome, responseRateRR1, waveDispositions } from './response-rate';
import type { SampleMember } from './survey-wave/survey-wave.state';

const member = (n: number, stage: SampleMember['stage']): SampleMember => ({
  subjectId: `subj_case${String(n).padStart(6, '0')}`,
  project: 'SH-PUDONG-07',
  region: 'east-china',
  stage,
});
/** Ten sampled customers: six in delivery, four after delivery. */
const sample = [
  ...Array.from({ length: 6 }, (_, n) => member(n, 'delivery')),
  ...Array.from({ length: 4 }, (_, n) => member(10 + n, 'post_delivery')),
];
const outcomes: [number, Disposition, number][] = [
  [0, 'complete', 1],
  [1, 'complete', 3],
  [2, 'refusal', 1],
  [3, 'non_contact', 5],
  [4, 'ineligible', 1],
  [10, 'complete', 2],
  [11, 'partial', 1],
  [12, 'non_contact', 4],
];
const cases = new Map<string, CaseOutcome>(
  outcomes.map(([n, disposition, attempts]) => [`subj_case${String(n).padStart(6, '0')}`, { disposition, attempts }]),
);

describe('the response rate (AAPOR RR1)', () => {
  const { total, strata } = waveDispositions(sample, cases);

  it('counts every sampled case by its latest disposition; those without an outcome as not attempted', () => {
    expect(total).toEqual({
      sampled: 10,
      complete: 3,
      partial: 1,
      refusal: 1,
      nonContact: 2,
      ineligible: 1,
      notAttempted: 2,
      attempts: 18,
    });
  });

  it('divides completes by every case not found ineligible, the unknown ones included: 3 / 9, not 3 / 18 calls', () => {
    // I / ((I + P) + (R + NC + O) + (UH + UO)) = 3 / ((3 + 1) + (1 + 2) + 2) = 3 / 9
    expect(responseRateRR1(total)).toEqual({
      definition: 'AAPOR RR1',
      rate: 0.3333,
      completes: 3,
      eligibleOrUnknown: 9,
    });
  });

  it('gives each project and stage its own rate', () => {
    expect(
      strata.map((s) => [s.stage, s.dispositions.sampled, s.responseRate.rate, s.responseRate.eligibleOrUnknown]),
    ).toEqual([
      ['delivery', 6, 0.4, 5],
      ['post_delivery', 4, 0.25, 4],
    ]);
  });

  it('has no rate before there is a case that could respond', () => {
    const allIneligible = new Map(
      sample.map((m) => [m.subjectId, { disposition: 'ineligible' as const, attempts: 1 }]),
    );
    expect(responseRateRR1(waveDispositions(sample, allIneligible).total).rate).toBeNull();
  });
});
