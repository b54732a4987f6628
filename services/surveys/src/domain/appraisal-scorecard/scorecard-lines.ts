import type { ScorecardEntryV1, SurveyAnswerV1 } from '@cx/contracts';
import { byCodePoint } from '../sampling/sampling-frame';
import { answerScore, indexFigures, round2 } from './satisfaction-index';

/** A complete response of the wave, as far as the scorecard needs it. */
export interface ScoredResponse {
  responseId: string;
  project: string;
  answers: Pick<SurveyAnswerV1, 'type' | 'value'>[];
}

/** Who answers for each project, and the targets (index points, 0-100) of projects and teams. */
export interface AppraisalRegister {
  projects: Readonly<Record<string, { team?: string; target?: number }>>;
  teams: Readonly<Record<string, { target?: number }>>;
}

export interface ScorecardLines {
  projects: ScorecardEntryV1[];
  teams: ScorecardEntryV1[];
}

export interface ScorecardInput {
  responses: readonly ScoredResponse[];
  /** Projects of the wave's sample: a project whose customers all declined still has its (insufficient) line. */
  sampledProjects: readonly string[];
  register: AppraisalRegister;
  /** Last month's scorecard of the same project type as it now stands; null when there is none. */
  previous: ScorecardLines | null;
  minimumResponses: number;
}

interface Pool {
  code: string;
  team: string | null;
  responses: number;
  scores: number[];
  target: number | null;
}

/**
 * Every line of a scorecard: each project's answers, and each team's, pooled over its projects. A line with
 * fewer responses than the minimum is insufficient: its index and interval are shown, but it has no rank, no
 * change against last month and no comparison with its target, so no bonus rides on it. Ranks are by index,
 * highest first, among the sufficient lines of a kind; equal indices share a rank (1, 2, 2, 4).
 */
export function scorecardLines(input: ScorecardInput): ScorecardLines {
  const { register } = input;
  const projects = new Map<string, Pool>();
  const pool = (code: string): Pool => {
    const held = projects.get(code);
    if (held) return held;
    const entry = register.projects[code];
    const created = { code, team: entry?.team ?? null, responses: 0, scores: [], target: entry?.target ?? null };
    projects.set(code, created);
    return created;
  };
  for (const project of input.sampledProjects) pool(project);
  for (const response of input.responses) {
    const scores = response.answers.map(answerScore).filter((s): s is number => s !== null);
    const line = pool(response.project);
    if (scores.length === 0) continue;
    line.responses++;
    line.scores.push(...scores);
  }
  const teams = new Map<string, Pool>();
  for (const project of projects.values()) {
    if (project.team === null) continue;
    const team = teams.get(project.team) ?? {
      code: project.team,
      team: project.team,
      responses: 0,
      scores: [],
      target: register.teams[project.team]?.target ?? null,
    };
    team.responses += project.responses;
    team.scores.push(...project.scores);
    teams.set(project.team, team);
  }
  return {
    projects: ranked([...projects.values()], input, input.previous?.projects ?? []),
    teams: ranked([...teams.values()], input, input.previous?.teams ?? []),
  };
}

function ranked(pools: Pool[], input: ScorecardInput, previous: readonly ScorecardEntryV1[]): ScorecardEntryV1[] {
  const lines = pools
    .sort((a, b) => byCodePoint(a.code, b.code))
    .map((p): ScorecardEntryV1 => {
      const figures = indexFigures(p.scores);
      const insufficient = p.responses < input.minimumResponses || figures.index === null;
      const before = previous.find((line) => line.code === p.code);
      const comparable = !insufficient && before !== undefined && !before.insufficient && before.index !== null;
      return {
        code: p.code,
        team: p.team,
        responses: p.responses,
        ...figures,
        insufficient,
        rank: null,
        previousIndex: before?.index ?? null,
        change: comparable ? round2(figures.index! - before.index!) : null,
        target: p.target,
        againstTarget: !insufficient && p.target !== null ? round2(figures.index! - p.target) : null,
      };
    });
  const sufficient = lines.filter((l) => !l.insufficient).sort((a, b) => b.index! - a.index!);
  sufficient.forEach((line, i) => {
    line.rank = i > 0 && sufficient[i - 1].index === line.index ? sufficient[i - 1].rank : i + 1;
  });
  return lines;
}
