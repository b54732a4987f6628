import { ORG_CODE_PATTERN } from '@cx/contracts';
import { readFileSync } from 'node:fs';
import type { AppraisalRegister } from '../domain/appraisal-scorecard/scorecard-lines';

export const APPRAISAL_SETTINGS = Symbol('APPRAISAL_SETTINGS');

export interface AppraisalSettings {
  /** Below this many responses a scorecard line is insufficient: shown, never ranked. */
  minimumResponses: number;
  register: AppraisalRegister;
}

const ORG_CODE = new RegExp(ORG_CODE_PATTERN);

/**
 * From `APPRAISAL_MIN_RESPONSES` (default 30) and `APPRAISAL_REGISTER_FILE` (JSON: each project's responsible
 * team and target, each team's target; none by default). A register that cannot be read as one stops the start,
 * with every problem listed.
 */
export function loadAppraisalSettings(env: NodeJS.ProcessEnv = process.env): AppraisalSettings {
  const raw = env.APPRAISAL_MIN_RESPONSES;
  const minimumResponses = raw === undefined || raw === '' ? 30 : Number(raw);
  if (!Number.isInteger(minimumResponses) || minimumResponses < 1 || minimumResponses > 100_000) {
    throw new Error(`APPRAISAL_MIN_RESPONSES must be a whole number from 1 to 100000, not "${raw}"`);
  }
  const file = env.APPRAISAL_REGISTER_FILE;
  const register = file ? parseRegister(JSON.parse(readFileSync(file, 'utf8')), file) : { projects: {}, teams: {} };
  return { minimumResponses, register };
}

export function parseRegister(value: unknown, source: string): AppraisalRegister {
  const problems: string[] = [];
  const record = (v: unknown, at: string): Record<string, Record<string, unknown>> => {
    if (v === undefined) return {};
    if (typeof v !== 'object' || v === null || Array.isArray(v)) {
      problems.push(`${at} must be an object`);
      return {};
    }
    return v as Record<string, Record<string, unknown>>;
  };
  const target = (v: unknown, at: string): number | undefined => {
    if (v === undefined) return undefined;
    if (typeof v !== 'number' || !(v >= 0 && v <= 100)) problems.push(`${at}.target must be a number from 0 to 100`);
    return v as number;
  };
  const top = record(value, 'the register');
  const projects: Record<string, { team?: string; target?: number }> = {};
  for (const [code, entry] of Object.entries(record(top.projects, 'projects'))) {
    if (!ORG_CODE.test(code)) problems.push(`projects: "${code}" is not a project code`);
    const team = entry?.team;
    if (team !== undefined && (typeof team !== 'string' || !ORG_CODE.test(team))) {
      problems.push(`projects.${code}.team must be a team code`);
    }
    projects[code] = { team: team as string | undefined, target: target(entry?.target, `projects.${code}`) };
  }
  const teams: Record<string, { target?: number }> = {};
  for (const [code, entry] of Object.entries(record(top.teams, 'teams'))) {
    if (!ORG_CODE.test(code)) problems.push(`teams: "${code}" is not a team code`);
    teams[code] = { target: target(entry?.target, `teams.${code}`) };
  }
  if (problems.length > 0) throw new Error(`The appraisal register ${source} is not usable: ${problems.join('; ')}`);
  return { projects, teams };
}
