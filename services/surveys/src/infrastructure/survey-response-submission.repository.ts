import { Inject, Injectable } from '@nestjs/common';
import {
  Disposition,
  SURVEY_RESPONSE_SUBMISSION_STREAM_TYPE,
  SurveyResponseRecordedV1,
  surveyResponseSubmissionEventSchemas,
} from '@cx/contracts';
import { AggregateRepository, PostgresEventStore, versionOneCodec } from '@cx/event-store';
import { PG_POOL } from '@cx/platform';
import type { Pool, PoolClient } from 'pg';
import type { CaseOutcome } from '../domain/response-rate';
import type { SurveyCase, SurveyResponseSubmissionCommand } from '../domain/survey-response/survey-response.commands';
import { surveyResponseSubmissionDecider } from '../domain/survey-response/survey-response.decider';
import { SurveyCasesChanged } from '../domain/survey-response/survey-response.errors';
import type { SurveyResponseSubmissionEvent } from '../domain/survey-response/survey-response.events';
import type { SurveyResponseSubmissionState } from '../domain/survey-response/survey-response.state';

/** A free-text answer, which stays in this database. */
export interface FreeTextAnswer {
  responseId: string;
  questionId: string;
  subjectId: string | null;
  text: string;
}

/** Intercepts at one site with one disposition. */
export interface InterceptCount {
  region: string;
  project: string;
  disposition: Disposition;
  count: number;
}

interface CaseRow {
  subject_id: string;
  disposition: Disposition;
  attempts: number;
  outcomes: number;
}

@Injectable()
export class SurveyResponseSubmissionRepository extends AggregateRepository<
  SurveyResponseSubmissionCommand,
  SurveyResponseSubmissionEvent,
  SurveyResponseSubmissionState
> {
  constructor(
    store: PostgresEventStore,
    @Inject(PG_POOL) private readonly pool: Pool,
  ) {
    super(
      store,
      surveyResponseSubmissionDecider,
      SURVEY_RESPONSE_SUBMISSION_STREAM_TYPE,
      versionOneCodec<SurveyResponseSubmissionEvent>(surveyResponseSubmissionEventSchemas),
    );
  }

  /** The responses a submission recorded, in order; none for a submission that does not exist. */
  async responsesOf(submissionId: string): Promise<SurveyResponseRecordedV1[]> {
    const { state } = await this.load(submissionId);
    return state.status === 'submitted' ? state.responses : [];
  }

  /** The cases of these customers in the wave; a customer without an outcome yet has none. */
  async casesOf(waveId: string, subjectIds: readonly string[]): Promise<Map<string, SurveyCase>> {
    const { rows } = await this.pool.query<CaseRow>(
      `SELECT subject_id, disposition, attempts, outcomes FROM survey_cases
        WHERE wave_id = $1 AND subject_id = ANY($2::text[])`,
      [waveId, subjectIds],
    );
    return new Map(
      rows.map((r) => [r.subject_id, { disposition: r.disposition, attempts: r.attempts, outcomes: r.outcomes }]),
    );
  }

  /** Every case of the wave with its latest disposition and attempts. */
  async caseOutcomes(waveId: string): Promise<Map<string, CaseOutcome>> {
    const { rows } = await this.pool.query<CaseRow>(
      'SELECT subject_id, disposition, attempts, outcomes FROM survey_cases WHERE wave_id = $1',
      [waveId],
    );
    return new Map(rows.map((r) => [r.subject_id, { disposition: r.disposition, attempts: r.attempts }]));
  }

  /**
   * Intercept interviews of the wave by site and disposition: they have no case, since they are not in the sample;
   * by site, so that a scoped caller counts its own.
   */
  async interceptDispositions(waveId: string): Promise<InterceptCount[]> {
    const { rows } = await this.pool.query<{
      region: string;
      project: string;
      disposition: Disposition;
      count: string;
    }>(
      `SELECT data->>'region' AS region, data->>'project' AS project, data->>'disposition' AS disposition,
              count(*) AS count FROM events
        WHERE type = 'SurveyResponseRecorded' AND data->>'waveId' = $1 AND data->>'channel' = 'intercept'
        GROUP BY 1, 2, 3`,
      [waveId],
    );
    return rows.map((r) => ({ ...r, count: Number(r.count) }));
  }

  /**
   * Written in the append's transaction: each case named moves to its latest outcome (whose attempts and
   * sequence are the case's), but only from the outcome count it was decided on. A case another request changed meanwhile fails the count, and the whole request
   * rolls back (SurveyCasesChanged) to be decided again on fresh cases: one complete per customer and wave.
   */
  static saveOutcomes(
    waveId: string,
    responses: readonly SurveyResponseRecordedV1[],
    before: ReadonlyMap<string, SurveyCase>,
  ) {
    return async (tx: PoolClient): Promise<void> => {
      const latest = new Map<string, SurveyResponseRecordedV1>();
      for (const r of responses) if (r.subjectId !== null) latest.set(r.subjectId, r);
      if (latest.size === 0) return;
      const cases = [...latest.values()];
      const { period } = cases[0];
      const { rows } = await tx.query<{ applied: string }>(
        `WITH input AS (
           SELECT * FROM unnest($3::text[], $4::text[], $5::int[], $6::int[], $7::uuid[], $8::int[])
                  AS i(subject_id, disposition, attempts, outcomes, response_id, expected)
         ), inserted AS (
           INSERT INTO survey_cases (wave_id, subject_id, period, disposition, attempts, outcomes, last_response_id)
           SELECT $1, subject_id, $2, disposition, attempts, outcomes, response_id FROM input WHERE expected = 0
           ON CONFLICT (wave_id, subject_id) DO NOTHING
           RETURNING 1
         ), updated AS (
           UPDATE survey_cases c
              SET disposition = i.disposition, attempts = i.attempts, outcomes = i.outcomes,
                  last_response_id = i.response_id, updated_at = now()
             FROM input i
            WHERE c.wave_id = $1 AND c.subject_id = i.subject_id AND i.expected > 0 AND c.outcomes = i.expected
           RETURNING 1
         )
         SELECT (SELECT count(*) FROM inserted) + (SELECT count(*) FROM updated) AS applied`,
        [
          waveId,
          period,
          cases.map((r) => r.subjectId),
          cases.map((r) => r.disposition),
          cases.map((r) => r.attempts),
          cases.map((r) => r.outcomeSequence),
          cases.map((r) => r.responseId),
          cases.map((r) => before.get(r.subjectId!)?.outcomes ?? 0),
        ],
      );
      if (Number(rows[0].applied) !== cases.length) throw new SurveyCasesChanged(waveId);
    };
  }

  /** Written in the append's transaction: free text exists exactly when its response does. */
  static saveFreeTexts(waveId: string, answers: readonly FreeTextAnswer[]) {
    return async (tx: PoolClient): Promise<void> => {
      if (answers.length === 0) return;
      await tx.query(
        `INSERT INTO response_free_texts (response_id, question_id, wave_id, subject_id, text)
         SELECT a.response_id, a.question_id, $1, a.subject_id, a.text
           FROM unnest($2::uuid[], $3::text[], $4::text[], $5::text[]) AS a(response_id, question_id, subject_id, text)
          WHERE NOT EXISTS (SELECT 1 FROM erased_subjects e WHERE e.subject_id = a.subject_id)`,
        [
          waveId,
          answers.map((a) => a.responseId),
          answers.map((a) => a.questionId),
          answers.map((a) => a.subjectId),
          answers.map((a) => a.text),
        ],
      );
    };
  }

  /** Written in the append's transaction: a batch's report exists exactly when its responses do. */
  static saveUploadReport(submissionId: string, waveId: string, report: object) {
    return async (tx: PoolClient): Promise<void> => {
      await tx.query('INSERT INTO response_upload_reports (submission_id, wave_id, report) VALUES ($1, $2, $3)', [
        submissionId,
        waveId,
        JSON.stringify(report),
      ]);
    };
  }

  /** The report of a batch whose responses were recorded; it was written with them, so it is there. */
  async uploadReport<Report>(submissionId: string): Promise<Report> {
    const { rows } = await this.pool.query<{ report: Report }>(
      'SELECT report FROM response_upload_reports WHERE submission_id = $1',
      [submissionId],
    );
    if (rows.length === 0) throw new Error(`No upload report for survey response submission ${submissionId}`);
    return rows[0].report;
  }
}
