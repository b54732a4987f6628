import { SAMPLING_ALGORITHM, SurveyStage } from '@cx/contracts';
import { drawSample, SamplingQuota } from './sampler';
import { FrameEntry, frameDigest, frameStrata, subjectsDigest, triageFrame } from './sampling-frame';
import { Xoshiro128StarStar } from './seeded-random';

const customer = (n: number, project: string, stage: SurveyStage): FrameEntry => ({
  subjectId: `subj_${project.replace(/-/g, '')}${stage.slice(0, 3)}${String(n).padStart(5, '0')}`,
  project,
  region: 'east-china',
  stage,
});
const stratum = (project: string, stage: SurveyStage, size: number) =>
  Array.from({ length: size }, (_, n) => customer(n, project, stage));

const pudongDelivery = stratum('SH-PUDONG-07', 'delivery', 400);
const pudongAfter = stratum('SH-PUDONG-07', 'post_delivery', 250);
const minhangDelivery = stratum('SH-MINHANG-02', 'delivery', 30);
const unsurveyed = stratum('SH-MINHANG-02', 'post_delivery', 100);
const frame = [...pudongDelivery, ...pudongAfter, ...minhangDelivery, ...unsurveyed];
const quotas: SamplingQuota[] = [
  { project: 'SH-PUDONG-07', stage: 'delivery', size: 40 },
  { project: 'SH-PUDONG-07', stage: 'post_delivery', size: 25 },
  { project: 'SH-MINHANG-02', stage: 'delivery', size: 50 },
];
const nobody = new Set<string>();
const ids = (members: readonly FrameEntry[]) => members.map((m) => m.subjectId);

/** The inputs in another order, to show that their order does not matter. */
function shuffled<T>(items: readonly T[]): T[] {
  const random = new Xoshiro128StarStar([11, 22, 33, 44]);
  const copy = [...items];
  for (let i = copy.length - 1; i > 0; i--) {
    const j = random.below(i + 1);
    [copy[i], copy[j]] = [copy[j], copy[i]];
  }
  return copy;
}

describe('xoshiro128**', () => {
  it('gives the reference outputs of the published algorithm for the state 1, 2, 3, 4', () => {
    const random = new Xoshiro128StarStar([1, 2, 3, 4]);
    expect(Array.from({ length: 10 }, () => random.nextUint32())).toEqual([
      11520, 0, 5927040, 70819200, 2031721883, 1637235492, 1287239034, 3734860849, 3729100597, 4258142804,
    ]);
  });

  it('draws whole numbers below the bound', () => {
    const random = Xoshiro128StarStar.forStratum(SAMPLING_ALGORITHM, 'seed-1', 'SH-PUDONG-07', 'delivery');
    const draws = Array.from({ length: 10_000 }, () => random.below(7));
    expect(new Set(draws)).toEqual(new Set([0, 1, 2, 3, 4, 5, 6]));
  });

  it('refuses the all-zero state, from which it never leaves', () => {
    expect(() => new Xoshiro128StarStar([0, 0, 0, 0])).toThrow();
  });
});

describe('drawing a sample', () => {
  describe('from the same frame and seed', () => {
    it('draws the same customers in the same order, whatever the order of the frame and of the quotas', () => {
      const first = drawSample(frame, quotas, '7f3a9c01d2e4b5a6', nobody);
      const again = drawSample(shuffled(frame), shuffled(quotas), '7f3a9c01d2e4b5a6', nobody);
      expect(ids(again.members)).toEqual(ids(first.members));
      expect(again.sampleDigest).toBe(first.sampleDigest);
      expect(again.strata).toEqual(first.strata);
    });

    it('keeps the draw this algorithm made: a change to it needs a new algorithm name', () => {
      const small = stratum('SZ-MIXC-01', 'member', 12);
      const { members } = drawSample(
        small,
        [{ project: 'SZ-MIXC-01', stage: 'member', size: 4 }],
        'audit-2026-11',
        nobody,
      );
      expect(SAMPLING_ALGORITHM).toBe('xoshiro128ss-sha256-strata-v1');
      expect(ids(members)).toEqual([
        'subj_SZMIXC01mem00006',
        'subj_SZMIXC01mem00005',
        'subj_SZMIXC01mem00001',
        'subj_SZMIXC01mem00008',
      ]);
    });
  });

  it('draws another sample from another seed', () => {
    const one = drawSample(frame, quotas, 'seed-a', nobody);
    const other = drawSample(frame, quotas, 'seed-b', nobody);
    expect(ids(other.members)).not.toEqual(ids(one.members));
  });

  it('draws each stratum from its own stream: one quota changing changes no other stratum', () => {
    const before = drawSample(frame, quotas, 'seed-a', nobody);
    const more = quotas.map((q) => (q.stage === 'post_delivery' ? { ...q, size: 60 } : q));
    const after = drawSample(frame, more, 'seed-a', nobody);
    const delivery = (members: FrameEntry[]) => ids(members.filter((m) => m.stage === 'delivery'));
    expect(delivery(after.members)).toEqual(delivery(before.members));
  });

  describe('with quotas per project and stage', () => {
    const { members, strata } = drawSample(frame, quotas, 'quota-check', nobody);

    it('draws exactly the quota from each stratum, each customer once, only from that stratum', () => {
      expect(strata).toEqual([
        { project: 'SH-MINHANG-02', stage: 'delivery', quota: 50, frame: 30, skippedForFatigue: 0, drawn: 30 },
        { project: 'SH-PUDONG-07', stage: 'delivery', quota: 40, frame: 400, skippedForFatigue: 0, drawn: 40 },
        { project: 'SH-PUDONG-07', stage: 'post_delivery', quota: 25, frame: 250, skippedForFatigue: 0, drawn: 25 },
      ]);
      expect(new Set(ids(members)).size).toBe(members.length);
      for (const s of strata) {
        const drawn = members.filter((m) => m.project === s.project && m.stage === s.stage);
        expect(drawn).toHaveLength(s.drawn);
      }
    });

    it('takes everyone of a stratum smaller than its quota, and nobody from a stratum without one', () => {
      expect(ids(members.filter((m) => m.project === 'SH-MINHANG-02' && m.stage === 'delivery')).sort()).toEqual(
        ids(minhangDelivery).sort(),
      );
      expect(members.filter((m) => m.stage === 'post_delivery' && m.project === 'SH-MINHANG-02')).toEqual([]);
    });

    it('gives every customer of a stratum the same chance', () => {
      const ten = stratum('SH-PUDONG-07', 'delivery', 10);
      const times = new Map<string, number>();
      for (let seed = 0; seed < 3_000; seed++) {
        const drawn = drawSample(ten, [{ project: 'SH-PUDONG-07', stage: 'delivery', size: 3 }], `s${seed}`, nobody);
        for (const id of ids(drawn.members)) times.set(id, (times.get(id) ?? 0) + 1);
      }
      // 3 of 10 over 3,000 draws: 900 each expected, standard deviation 25; five of them either side.
      for (const id of ids(ten)) expect(Math.abs((times.get(id) ?? 0) - 900)).toBeLessThan(125);
    });
  });

  describe('with contact fatigue', () => {
    const recentlySurveyed = new Set([...ids(pudongAfter.slice(0, 240)), ...ids(minhangDelivery.slice(0, 5))]);
    const draw = drawSample(frame, quotas, 'fatigue-check', recentlySurveyed);

    it('never draws a customer surveyed within the window, and counts those it skipped per stratum', () => {
      expect(draw.members.filter((m) => recentlySurveyed.has(m.subjectId))).toEqual([]);
      expect(draw.strata.map((s) => [s.project, s.stage, s.skippedForFatigue, s.drawn])).toEqual([
        ['SH-MINHANG-02', 'delivery', 5, 25],
        ['SH-PUDONG-07', 'delivery', 0, 40],
        ['SH-PUDONG-07', 'post_delivery', 240, 10],
      ]);
      expect(draw.skippedForFatigue).toBe(245);
    });

    it('is reproduced from the same seed and the same exclusions', () => {
      const again = drawSample(shuffled(frame), quotas, 'fatigue-check', new Set(shuffled([...recentlySurveyed])));
      expect(again.sampleDigest).toBe(draw.sampleDigest);
    });
  });
});

describe('the sampling frame', () => {
  it('has one digest whatever its order, and another when a customer changes stratum', () => {
    expect(frameDigest(shuffled(frame))).toBe(frameDigest(frame));
    const moved = frame.map((e, i) => (i === 0 ? { ...e, stage: 'post_delivery' as const } : e));
    expect(frameDigest(moved)).not.toBe(frameDigest(frame));
    expect(frameDigest(frame)).toMatch(/^[0-9a-f]{64}$/);
    expect(subjectsDigest(['subj_b0000001', 'subj_a0000001'])).toBe(subjectsDigest(['subj_a0000001', 'subj_b0000001']));
  });

  it('counts customers per project and stage', () => {
    expect(frameStrata(frame)).toEqual([
      { project: 'SH-MINHANG-02', stage: 'delivery', customers: 30 },
      { project: 'SH-MINHANG-02', stage: 'post_delivery', customers: 100 },
      { project: 'SH-PUDONG-07', stage: 'delivery', customers: 400 },
      { project: 'SH-PUDONG-07', stage: 'post_delivery', customers: 250 },
    ]);
  });

  it('refuses a customer twice, naming the first row, and a stage of the other project type', () => {
    const rows = [pudongDelivery[0], pudongDelivery[1], pudongDelivery[0], customer(1, 'SZ-MIXC-01', 'merchant')].map(
      (entry, i) => ({ row: i + 1, entry }),
    );
    const { entries, rejections } = triageFrame(rows, 'residential');
    expect(entries).toEqual([pudongDelivery[0], pudongDelivery[1]]);
    expect(rejections).toEqual([
      expect.objectContaining({ row: 3, reason: 'duplicated_subject_id', detail: expect.stringContaining('row 1') }),
      expect.objectContaining({ row: 4, reason: 'stage_not_in_project_type', field: 'stage' }),
    ]);
  });
});
