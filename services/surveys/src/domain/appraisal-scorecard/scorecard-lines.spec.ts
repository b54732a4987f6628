import type { ScorecardEntryV1 } from '@cx/contracts';
import { t975 } from './satisfaction-index';
import { AppraisalRegister, ScoredResponse, scorecardLines } from './scorecard-lines';

const rated = (responseId: string, project: string, ...answers: [string, number][]): ScoredResponse => ({
  responseId,
  project,
  answers: answers.map(([type, value]) => ({ type: type as 'rating_1_5', value })),
});
const register: AppraisalRegister = {
  projects: {
    A: { team: 'east-1', target: 70 },
    B: { team: 'east-1', target: 60 },
    C: { team: 'south-1', target: 80 },
  },
  teams: { 'east-1': { target: 65 } },
};
/**
 * Scores (1-5: (r − 1) × 25, 0-10: r × 10): A 100, 75 | 50 | 75, 80 (three responses); B 90 | 100 | 100 (three);
 * C 100 | 75 (two, below the minimum of three); D sampled, nobody answered. A yes/no answer scores nothing.
 */
const responses = [
  rated('a1', 'A', ['rating_1_5', 5], ['rating_1_5', 4]),
  rated('a2', 'A', ['rating_1_5', 3], ['yes_no', 1]),
  rated('a3', 'A', ['rating_1_5', 4], ['rating_0_10', 8]),
  rated('b1', 'B', ['rating_0_10', 9]),
  rated('b2', 'B', ['rating_0_10', 10]),
  rated('b3', 'B', ['rating_1_5', 5]),
  rated('c1', 'C', ['rating_1_5', 5]),
  rated('c2', 'C', ['rating_1_5', 4]),
];
const line = (code: string, figures: Partial<ScorecardEntryV1> = {}): ScorecardEntryV1 => ({
  code,
  team: null,
  responses: 0,
  answers: 0,
  index: null,
  ciLow: null,
  ciHigh: null,
  insufficient: true,
  rank: null,
  previousIndex: null,
  change: null,
  target: null,
  againstTarget: null,
  ...figures,
});

describe('scorecard lines', () => {
  const previous = {
    projects: [line('A', { index: 70, insufficient: false }), line('B', { index: 95 }), line('C', { index: 90 })],
    teams: [],
  };
  const lines = scorecardLines({ responses, sampledProjects: ['D', 'A'], register, previous, minimumResponses: 3 });

  it('scores each project, ranks the sufficient ones and compares them with last month and the target', () => {
    expect(lines.projects).toEqual([
      // 100, 75, 50, 75, 80: mean 76; s = √(1270 / 4) = 17.8185; t(4) = 2.776445; ± 22.12.
      line('A', {
        team: 'east-1',
        responses: 3,
        answers: 5,
        index: 76,
        ciLow: 53.88,
        ciHigh: 98.12,
        insufficient: false,
        rank: 2,
        previousIndex: 70,
        change: 6,
        target: 70,
        againstTarget: 6,
      }),
      // 90, 100, 100: mean 96.67; s = 5.7735; t(2) = 4.302653; ± 14.34. Last month insufficient: no change.
      line('B', {
        team: 'east-1',
        responses: 3,
        answers: 3,
        index: 96.67,
        ciLow: 82.32,
        ciHigh: 111.01,
        insufficient: false,
        rank: 1,
        previousIndex: 95,
        target: 60,
        againstTarget: 36.67,
      }),
      // Two responses: the figures are shown, nothing is ranked or compared.
      line('C', {
        team: 'south-1',
        responses: 2,
        answers: 2,
        index: 87.5,
        ciLow: -71.33,
        ciHigh: 246.33,
        previousIndex: 90,
        target: 80,
      }),
      line('D'),
    ]);
  });

  it('pools each team over its projects', () => {
    expect(lines.teams).toEqual([
      // A's and B's eight answers: 670 / 8 = 83.75; s = 17.4745; t(7) = 2.364624; ± 14.61.
      line('east-1', {
        team: 'east-1',
        responses: 6,
        answers: 8,
        index: 83.75,
        ciLow: 69.14,
        ciHigh: 98.36,
        insufficient: false,
        rank: 1,
        target: 65,
        againstTarget: 18.75,
      }),
      line('south-1', { team: 'south-1', responses: 2, answers: 2, index: 87.5, ciLow: -71.33, ciHigh: 246.33 }),
    ]);
  });

  it('gives equal indices the same rank and skips the next', () => {
    const tied = scorecardLines({
      responses: [
        rated('x', 'X', ['rating_1_5', 5]),
        rated('y', 'Y', ['rating_1_5', 5]),
        rated('z', 'Z', ['rating_1_5', 4]),
      ],
      sampledProjects: [],
      register: { projects: {}, teams: {} },
      previous: null,
      minimumResponses: 1,
    });
    expect(tied.projects.map((l) => [l.code, l.rank])).toEqual([
      ['X', 1],
      ['Y', 1],
      ['Z', 3],
    ]);
  });
});

describe("Student's t quantile", () => {
  it('is the table to 30 degrees of freedom and within 3e-6 of t beyond', () => {
    expect(t975(1)).toBe(12.706205);
    expect(t975(30)).toBe(2.042272);
    expect(t975(40)).toBeCloseTo(2.021075, 5);
    expect(t975(120)).toBeCloseTo(1.97993, 5);
  });
});
