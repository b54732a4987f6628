import {
  EventEnvelope,
  QUESTIONNAIRE_STREAM_TYPE,
  QuestionnaireVersionPublishedV1,
  SURVEY_RESPONSE_SUBMISSION_STREAM_TYPE,
  SURVEY_WAVE_STREAM_TYPE,
  SurveyAnswerV1,
  SurveyResponseRecordedV1,
  SurveySampleDrawnV1,
  SurveySampleMembersListedV1,
  SurveyWaveClosedV1,
  SurveyWavePlannedV1,
  Topics,
} from '@cx/contracts';
import type { PoolClient } from 'pg';
import type { Projection } from '../projection';

export interface SurveySatisfactionTables {
  /** Each wave: month, project type, questionnaire version, status, sample size. */
  waves: string;
  /** The sample counted per project, region and stage: counts, no subject ids. */
  sample: string;
  /** The questions of each published questionnaire version, for their wording. */
  questions: string;
  /** Every rating answer of a complete response, scored 0-100, without the respondent. */
  answers: string;
  /** Each sampled case's latest disposition, by subject id: outside the reporting schema. */
  cases: string;
}

type Rating = SurveyAnswerV1 & { type: 'rating_1_5' | 'rating_0_10' };

/** A 1-5 rating r scores (r − 1) / 4 × 100, a 0-10 rating r × 10: both 0-100, so they average together. */
function answerScore({ type, value }: Rating): number {
  return type === 'rating_1_5' ? ((value as number) - 1) * 25 : (value as number) * 10;
}

const isRating = (a: SurveyAnswerV1): a is Rating => a.type === 'rating_1_5' || a.type === 'rating_0_10';

/**
 * What the satisfaction reports count from (reporting.satisfaction_monthly, satisfaction_by_question,
 * survey_response_rates): the figures themselves are views, so a late outcome of a case moves RR1 at once.
 * Wave events claim the wave's next version first, so a member list applied twice counts its members once.
 */
export const surveySatisfaction: Projection<SurveySatisfactionTables> = {
  name: 'survey-satisfaction',
  topics: [Topics.surveys],
  tables: {
    waves: 'reporting.survey_waves_v1',
    sample: 'reporting.survey_sample_v1',
    questions: 'reporting.survey_questions_v1',
    answers: 'reporting.survey_answers_v1',
    cases: 'public.survey_cases',
  },
  async apply(event, tx, t) {
    switch (event.streamType) {
      case SURVEY_WAVE_STREAM_TYPE:
        return applyWaveEvent(event, tx, t);
      case SURVEY_RESPONSE_SUBMISSION_STREAM_TYPE:
        return recordResponse(event.data as SurveyResponseRecordedV1, tx, t);
      case QUESTIONNAIRE_STREAM_TYPE:
        if (event.type === 'QuestionnaireVersionPublished') {
          await recordQuestions(event.data as QuestionnaireVersionPublishedV1, tx, t);
        }
        return;
      default:
        return;
    }
  },
};

async function applyWaveEvent(event: EventEnvelope, tx: PoolClient, t: SurveySatisfactionTables): Promise<void> {
  if (event.type === 'SurveyWavePlanned') {
    const w = event.data as SurveyWavePlannedV1;
    await tx.query(
      `INSERT INTO ${t.waves} (wave_id, period, project_type, questionnaire_id, questionnaire_version, status,
         last_stream_version)
       VALUES ($1, $2, $3, $4, $5, 'planned', $6) ON CONFLICT (wave_id) DO NOTHING`,
      [w.waveId, w.period, w.projectType, w.questionnaireId, w.questionnaireVersion, event.streamVersion],
    );
    return;
  }
  const claimed = await tx.query(
    `UPDATE ${t.waves} SET last_stream_version = $2 WHERE wave_id = $1 AND last_stream_version < $2`,
    [event.streamId, event.streamVersion],
  );
  if (claimed.rowCount === 0) return;
  switch (event.type) {
    case 'SurveySampleDrawn':
      await tx.query(`UPDATE ${t.waves} SET status = 'in_field', sample_size = $2 WHERE wave_id = $1`, [
        event.streamId,
        (event.data as SurveySampleDrawnV1).sampleSize,
      ]);
      return;
    case 'SurveySampleMembersListed':
      await tx.query(
        `INSERT INTO ${t.sample} AS held (wave_id, project, region, stage, sampled)
         SELECT $1, m.project, m.region, m.stage, count(*)
           FROM jsonb_to_recordset($2::jsonb) AS m(project text, region text, stage text)
          GROUP BY m.project, m.region, m.stage
         ON CONFLICT (wave_id, project, region, stage) DO UPDATE SET sampled = held.sampled + EXCLUDED.sampled`,
        [event.streamId, JSON.stringify((event.data as SurveySampleMembersListedV1).members)],
      );
      return;
    case 'SurveyWaveClosed':
      await tx.query(`UPDATE ${t.waves} SET status = 'closed', closed_at = $2 WHERE wave_id = $1`, [
        event.streamId,
        (event.data as SurveyWaveClosedV1).closedAt,
      ]);
      return;
    default:
      return;
  }
}

/**
 * A case's disposition is its outcome with the highest sequence, whatever order they arrive in. Only a complete
 * response's answers are scored: a partial one may still become complete, and a case has one complete at most.
 */
async function recordResponse(r: SurveyResponseRecordedV1, tx: PoolClient, t: SurveySatisfactionTables) {
  if (r.subjectId !== null) {
    await tx.query(
      `INSERT INTO ${t.cases} AS held (wave_id, subject_id, project, region, stage, disposition, outcome_sequence)
       VALUES ($1, $2, $3, $4, $5, $6, $7)
       ON CONFLICT (wave_id, subject_id) DO UPDATE SET disposition = EXCLUDED.disposition,
         outcome_sequence = EXCLUDED.outcome_sequence
       WHERE held.outcome_sequence < EXCLUDED.outcome_sequence`,
      [r.waveId, r.subjectId, r.project, r.region, r.stage, r.disposition, r.outcomeSequence],
    );
  }
  const ratings = r.answers.filter(isRating);
  if (r.disposition !== 'complete' || ratings.length === 0) return;
  await tx.query(
    `INSERT INTO ${t.answers} (response_id, question_id, wave_id, period, project_type, questionnaire_id,
       questionnaire_version, project, region, stage, channel, dimension, scale, value, score)
     SELECT $1, a."questionId", $2, $3, $4, $5, $6, $7, $8, $9, $10, a.dimension, a.type, a.value, a.score
       FROM jsonb_to_recordset($11::jsonb) AS a("questionId" text, dimension text, type text, value integer,
                                                score numeric)
     ON CONFLICT (response_id, question_id) DO NOTHING`,
    [
      r.responseId,
      r.waveId,
      r.period,
      r.projectType,
      r.questionnaireId,
      r.questionnaireVersion,
      r.project,
      r.region,
      r.stage,
      r.channel,
      JSON.stringify(ratings.map((a) => ({ ...a, score: answerScore(a) }))),
    ],
  );
}

async function recordQuestions(v: QuestionnaireVersionPublishedV1, tx: PoolClient, t: SurveySatisfactionTables) {
  await tx.query(
    `INSERT INTO ${t.questions} (questionnaire_id, questionnaire_version, question_id, text, type, stage, dimension)
     SELECT $1, $2, q."questionId", q.text, q.type, q.stage, q.dimension
       FROM jsonb_to_recordset($3::jsonb) AS q("questionId" text, text text, type text, stage text, dimension text)
     ON CONFLICT DO NOTHING`,
    [v.questionnaireId, v.version, JSON.stringify(v.questions)],
  );
}
