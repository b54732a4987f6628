import { Inject } from '@nestjs/common';
import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { callerScope, mayActOn } from '@cx/auth';
import { PG_POOL } from '@cx/platform';
import type { Pool } from 'pg';
import type {
  PlaceFiguresView,
  QuestionFiguresView,
  SatisfactionFiguresView,
  SatisfactionReportView,
} from './get-satisfaction-report.dto';
import { GetSatisfactionReport } from './get-satisfaction-report.query';

/** A row of the views as pg returns it: counts and numerics as strings. */
interface FiguresRow {
  responses: string;
  answers: string;
  index: string;
  ci_low: string | null;
  ci_high: string | null;
  csat: string | null;
  nps: string | null;
  sampled?: string | null;
  response_rate?: string | null;
}

interface CellRow extends FiguresRow {
  project: string;
  region: string;
  stage: string;
  dimension: string;
}

interface QuestionRow extends FiguresRow {
  project_type: string;
  question_id: string;
  text: string | null;
  dimension: string;
  stage: string;
  scale: string;
}

const round = (value: string | null | undefined, places: number): number | null =>
  value === null || value === undefined ? null : Number(Number(value).toFixed(places));

function figures(row: FiguresRow): SatisfactionFiguresView {
  return {
    responses: Number(row.responses),
    answers: Number(row.answers),
    index: round(row.index, 2)!,
    ci: row.ci_low === null ? null : { low: round(row.ci_low, 2)!, high: round(row.ci_high, 2)! },
    csat: round(row.csat, 2),
    nps: round(row.nps, 2),
    sampled: row.sampled === null || row.sampled === undefined ? null : Number(row.sampled),
    responseRate: round(row.response_rate, 4),
  };
}

const ALL = 'all';
const named = (value: string) => (value === ALL ? null : value);

/**
 * Reads the views BI tools read (reporting.satisfaction_monthly, satisfaction_by_question); rounds for the
 * answer only: indices, intervals, CSAT and NPS to two decimals, the response rate to four. A caller limited to
 * regions or projects sees the lines of those only: the month overall, per stage and per question pool every
 * project, so they are not shown to it.
 */
@QueryHandler(GetSatisfactionReport)
export class GetSatisfactionReportHandler implements IQueryHandler<GetSatisfactionReport, SatisfactionReportView> {
  constructor(@Inject(PG_POOL) private readonly pool: Pool) {}

  async execute({ request: { period }, principal }: GetSatisfactionReport): Promise<SatisfactionReportView> {
    const [waves, cells, questions] = await Promise.all([
      this.pool.query<{ wave_id: string; project_type: string; status: string; sample_size: number | null }>(
        `SELECT wave_id, project_type, status, sample_size FROM reporting.survey_waves_v1
          WHERE period = $1 ORDER BY project_type`,
        [period],
      ),
      this.pool.query<CellRow>(
        `SELECT project, region, stage, dimension, responses, answers, index, ci_low, ci_high, csat, nps,
                sampled, response_rate
           FROM reporting.satisfaction_monthly WHERE period = $1
          ORDER BY project COLLATE "C", region COLLATE "C", stage COLLATE "C", dimension COLLATE "C"`,
        [period],
      ),
      this.pool.query<QuestionRow>(
        `SELECT project_type, question_id, text, dimension, stage, scale, responses, answers, index, ci_low, ci_high,
                csat, nps
           FROM reporting.satisfaction_by_question WHERE period = $1 AND project = 'all'
          ORDER BY project_type, stage COLLATE "C", question_id COLLATE "C"`,
        [period],
      ),
    ]);
    const places = (match: (row: CellRow) => boolean): PlaceFiguresView[] => {
      const rows = cells.rows.filter(match);
      return rows
        .filter((r) => r.dimension === ALL)
        .map((place) => ({
          project: named(place.project),
          region: named(place.region),
          stage: named(place.stage),
          ...figures(place),
          dimensions: rows
            .filter(
              (r) =>
                r.dimension !== ALL &&
                r.project === place.project &&
                r.region === place.region &&
                r.stage === place.stage,
            )
            .map((r) => ({ dimension: r.dimension, ...figures(r) })),
        }));
    };
    const everywhere = (r: CellRow) => r.project === ALL && r.region === ALL && r.stage === ALL;
    const whole = callerScope(principal) === null;
    const inScope = (r: CellRow) =>
      whole || mayActOn(principal, { region: named(r.region) ?? undefined, project: named(r.project) ?? undefined });
    return {
      period,
      waves: waves.rows.map((w) => ({
        waveId: w.wave_id,
        projectType: w.project_type,
        status: w.status,
        sampleSize: w.sample_size,
      })),
      overall: whole ? (places(everywhere)[0] ?? null) : null,
      byRegion: places((r) => r.project === ALL && r.region !== ALL && r.stage === ALL && inScope(r)),
      byStage: whole ? places((r) => r.project === ALL && r.region === ALL && r.stage !== ALL) : [],
      byProject: places((r) => r.project !== ALL && r.stage === ALL && inScope(r)),
      byQuestion: (whole ? questions.rows : []).map((q): QuestionFiguresView => ({
        projectType: q.project_type,
        questionId: q.question_id,
        text: q.text,
        dimension: q.dimension,
        stage: q.stage,
        scale: q.scale,
        ...figures(q),
      })),
    };
  }
}
