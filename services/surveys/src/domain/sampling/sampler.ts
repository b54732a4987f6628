import { createHash } from 'node:crypto';
import { SampledStratumV1, SAMPLING_ALGORITHM, SurveyStage } from '@cx/contracts';
import { byCodePoint, FrameEntry, stratumKey } from './sampling-frame';
import { Xoshiro128StarStar } from './seeded-random';

/** How many customers to draw from one project's customers in one stage. */
export interface SamplingQuota {
  project: string;
  stage: SurveyStage;
  size: number;
}

export interface SampleDraw {
  /** Stratum by stratum (sorted by project, then stage), each in draw order. */
  members: FrameEntry[];
  strata: SampledStratumV1[];
  skippedForFatigue: number;
  sampleDigest: string;
}

/**
 * A stratified simple random sample without replacement, reproducible from the seed:
 *  - strata are the quotas' (project, stage), taken sorted, so the order of the quotas does not matter;
 *  - a stratum's customers are sorted by subject id, so the order of the frame does not matter, and those
 *    recently surveyed are left out (contact fatigue) and counted;
 *  - each stratum has its own xoshiro128** stream, seeded from SHA-256 of the seed and the stratum, so the
 *    quota of one stratum never changes who is drawn in another;
 *  - a partial Fisher-Yates shuffle draws min(quota, customers left) of them: every subset of that size is
 *    equally likely.
 * Customers in a stratum without a quota are not drawn.
 */
export function drawSample(
  frame: readonly FrameEntry[],
  quotas: readonly SamplingQuota[],
  seed: string,
  recentlySurveyed: ReadonlySet<string>,
): SampleDraw {
  const byStratum = new Map<string, FrameEntry[]>();
  for (const entry of frame) {
    const key = stratumKey(entry.project, entry.stage);
    const customers = byStratum.get(key);
    if (customers) customers.push(entry);
    else byStratum.set(key, [entry]);
  }
  const members: FrameEntry[] = [];
  const strata: SampledStratumV1[] = [];
  const sorted = [...quotas].sort((a, b) =>
    byCodePoint(stratumKey(a.project, a.stage), stratumKey(b.project, b.stage)),
  );
  for (const { project, stage, size } of sorted) {
    const inFrame = byStratum.get(stratumKey(project, stage)) ?? [];
    const eligible = inFrame
      .filter((e) => !recentlySurveyed.has(e.subjectId))
      .sort((a, b) => byCodePoint(a.subjectId, b.subjectId));
    const random = Xoshiro128StarStar.forStratum(SAMPLING_ALGORITHM, seed, project, stage);
    const drawn = Math.min(size, eligible.length);
    for (let i = 0; i < drawn; i++) {
      const j = i + random.below(eligible.length - i);
      [eligible[i], eligible[j]] = [eligible[j], eligible[i]];
      members.push(eligible[i]);
    }
    strata.push({
      project,
      stage,
      quota: size,
      frame: inFrame.length,
      skippedForFatigue: inFrame.length - eligible.length,
      drawn,
    });
  }
  return {
    members,
    strata,
    skippedForFatigue: strata.reduce((sum, s) => sum + s.skippedForFatigue, 0),
    sampleDigest: sampleDigest(members),
  };
}

/** SHA-256 over the drawn members in draw order: the same digest means the same customers drawn the same way. */
export function sampleDigest(members: readonly FrameEntry[]): string {
  const hash = createHash('sha256');
  for (const m of members) hash.update(`${m.project},${m.stage},${m.subjectId}\n`);
  return hash.digest('hex');
}
