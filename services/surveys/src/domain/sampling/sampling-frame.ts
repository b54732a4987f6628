import { createHash } from 'node:crypto';
import { ProjectType, SampleMemberV1, SamplingFrameStratumV1, STAGES_BY_PROJECT_TYPE } from '@cx/contracts';
import type { RowRejection } from '../row-rejection';

/** One customer of a wave's sampling frame: a subject id with the project and stage they are surveyed for. */
export type FrameEntry = SampleMemberV1;

/** One customer per row, each in a stage of the wave's project type; null when the entry may be in the frame. */
export function frameEntryProblem(
  entry: FrameEntry,
  row: number,
  projectType: ProjectType,
  firstRowOf: ReadonlyMap<string, number>,
): RowRejection | null {
  const { subjectId, stage } = entry;
  const first = firstRowOf.get(subjectId);
  if (first !== undefined) {
    return {
      row,
      subjectId,
      reason: 'duplicated_subject_id',
      field: 'subjectId',
      detail: `subjectId ${subjectId} is already in row ${first}`,
    };
  }
  const stages = STAGES_BY_PROJECT_TYPE[projectType];
  if (!stages.includes(stage)) {
    return {
      row,
      subjectId,
      reason: 'stage_not_in_project_type',
      field: 'stage',
      detail: `a ${projectType} wave surveys the stages ${stages.join(', ')}; not ${stage}`,
    };
  }
  return null;
}

export const byCodePoint = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

export const stratumKey = (project: string, stage: string) => `${project}\n${stage}`;

/** SHA-256 over the frame, one line per customer sorted by subject id: the same frame, whatever its row order. */
export function frameDigest(frame: readonly FrameEntry[]): string {
  const hash = createHash('sha256');
  for (const e of [...frame].sort((a, b) => byCodePoint(a.subjectId, b.subjectId))) {
    hash.update(`${e.subjectId},${e.project},${e.region},${e.stage}\n`);
  }
  return hash.digest('hex');
}

/** SHA-256 over subject ids, sorted: fixes a set of customers (those skipped for fatigue) without listing them. */
export function subjectsDigest(subjectIds: Iterable<string>): string {
  const hash = createHash('sha256');
  for (const id of [...subjectIds].sort(byCodePoint)) hash.update(`${id}\n`);
  return hash.digest('hex');
}

/** Customers per project and stage, sorted by project then stage. */
export function frameStrata(frame: readonly FrameEntry[]): SamplingFrameStratumV1[] {
  const strata = new Map<string, SamplingFrameStratumV1>();
  for (const { project, stage } of frame) {
    const key = stratumKey(project, stage);
    const stratum = strata.get(key) ?? { project, stage, customers: 0 };
    stratum.customers++;
    strata.set(key, stratum);
  }
  return [...strata.entries()].sort(([a], [b]) => byCodePoint(a, b)).map(([, stratum]) => stratum);
}

/** A frame upload keeps its good rows: the entries that may be in the frame, and why each other one may not. */
export function triageFrame(
  rows: readonly { row: number; entry: FrameEntry }[],
  projectType: ProjectType,
): { entries: FrameEntry[]; rejections: RowRejection[] } {
  const firstRowOf = new Map<string, number>();
  const entries: FrameEntry[] = [];
  const rejections: RowRejection[] = [];
  for (const { row, entry } of rows) {
    const problem = frameEntryProblem(entry, row, projectType, firstRowOf);
    if (problem) {
      rejections.push(problem);
      continue;
    }
    firstRowOf.set(entry.subjectId, row);
    entries.push(entry);
  }
  return { entries, rejections };
}
