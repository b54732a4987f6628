import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Student's t, two-sided 95%: exact to 30 degrees of freedom, then the Cornish-Fisher expansion (error < 3e-6). */
const T_975_TO_30 = [
  12.706205, 4.302653, 3.182446, 2.776445, 2.570582, 2.446912, 2.364624, 2.306004, 2.262157, 2.228139, 2.200985,
  2.178813, 2.160369, 2.144787, 2.13145, 2.119905, 2.109816, 2.100922, 2.093024, 2.085963, 2.079614, 2.073873, 2.068658,
  2.063899, 2.059539, 2.055529, 2.051831, 2.048407, 2.04523, 2.042272,
];

/** The figures of one cell of answers: index, its 95% interval, CSAT and NPS (README, "Satisfaction scores"). */
const FIGURES = `
  count(DISTINCT a.response_id) AS responses,
  count(*) AS answers,
  avg(a.score) AS index,
  CASE WHEN count(*) > 1
       THEN avg(a.score) - reporting.t_975(count(*)::integer - 1) * stddev_samp(a.score) / sqrt(count(*)::numeric) END AS ci_low,
  CASE WHEN count(*) > 1
       THEN avg(a.score) + reporting.t_975(count(*)::integer - 1) * stddev_samp(a.score) / sqrt(count(*)::numeric) END AS ci_high,
  100.0 * count(*) FILTER (WHERE a.scale = 'rating_1_5' AND a.value >= 4)
        / nullif(count(*) FILTER (WHERE a.scale = 'rating_1_5'), 0) AS csat,
  100.0 * (count(*) FILTER (WHERE a.scale = 'rating_0_10' AND a.value >= 9)
           - count(*) FILTER (WHERE a.scale = 'rating_0_10' AND a.value <= 6))
        / nullif(count(*) FILTER (WHERE a.scale = 'rating_0_10'), 0) AS nps,
  count(*) FILTER (WHERE a.scale = 'rating_1_5') AS csat_answers,
  count(*) FILTER (WHERE a.scale = 'rating_0_10') AS nps_answers`;

const label = (column: string) =>
  `CASE WHEN GROUPING(${column}) = 0 THEN ${column} ELSE 'all' END AS ${column.split('.').pop()}`;

/** Where a cell is: everywhere, a region, a stage, a project, a project's stage. */
const PLACES = (p: string) =>
  `GROUPING SETS ((), (${p}.region), (${p}.stage), (${p}.project, ${p}.region), (${p}.project, ${p}.region, ${p}.stage))`;

/**
 * Satisfaction scores from the monthly surveys. Every rating answer of a complete response is a row, scored 0-100,
 * without the respondent (no subject id reaches the reporting schema); each sampled case's latest disposition,
 * which needs the subject id, stays in `public.survey_cases`. The sample is counted per project, region and stage.
 * Indices, intervals, CSAT, NPS and RR1 are computed by the views, so a late case outcome moves every figure.
 */
export class SurveySatisfaction1764000002800 implements MigrationInterface {
  name = 'SurveySatisfaction1764000002800';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE FUNCTION reporting.t_975(df integer) RETURNS numeric LANGUAGE sql IMMUTABLE AS $$
        SELECT CASE WHEN df < 1 THEN NULL
                    WHEN df <= 30 THEN ('{${T_975_TO_30.join(',')}}'::numeric[])[df]
                    ELSE 1.959963984540054 + 2.372271230298562 / df + 2.8224986157396112 / (df::numeric * df)
                         + 2.555849679507722 / (df::numeric * df * df) END
      $$`);
    await db.query(`
      CREATE TABLE reporting.survey_waves_v1 (
        wave_id                uuid        PRIMARY KEY,
        period                 text        NOT NULL,
        project_type           text        NOT NULL,
        questionnaire_id       uuid        NOT NULL,
        questionnaire_version  integer     NOT NULL,
        status                 text        NOT NULL CHECK (status IN ('planned', 'in_field', 'closed')),
        sample_size            integer,
        closed_at              timestamptz,
        last_stream_version    integer     NOT NULL
      )`);
    await db.query(`
      CREATE TABLE reporting.survey_sample_v1 (
        wave_id  uuid    NOT NULL,
        project  text    NOT NULL,
        region   text    NOT NULL,
        stage    text    NOT NULL,
        sampled  integer NOT NULL,
        PRIMARY KEY (wave_id, project, region, stage)
      )`);
    await db.query(`
      CREATE TABLE reporting.survey_questions_v1 (
        questionnaire_id       uuid    NOT NULL,
        questionnaire_version  integer NOT NULL,
        question_id            text    NOT NULL,
        text                   text    NOT NULL,
        type                   text    NOT NULL,
        stage                  text    NOT NULL,
        dimension              text    NOT NULL,
        PRIMARY KEY (questionnaire_id, questionnaire_version, question_id)
      )`);
    await db.query(`
      CREATE TABLE reporting.survey_answers_v1 (
        response_id            uuid     NOT NULL,
        question_id            text     NOT NULL,
        wave_id                uuid     NOT NULL,
        period                 text     NOT NULL,
        project_type           text     NOT NULL,
        questionnaire_id       uuid     NOT NULL,
        questionnaire_version  integer  NOT NULL,
        project                text     NOT NULL,
        region                 text     NOT NULL,
        stage                  text     NOT NULL,
        channel                text     NOT NULL,
        dimension              text     NOT NULL,
        scale                  text     NOT NULL CHECK (scale IN ('rating_1_5', 'rating_0_10')),
        value                  integer  NOT NULL,
        score                  numeric  NOT NULL CHECK (score BETWEEN 0 AND 100),
        PRIMARY KEY (response_id, question_id)
      )`);
    await db.query('CREATE INDEX survey_answers_v1_by_period ON reporting.survey_answers_v1 (period)');
    await db.query(`
      CREATE TABLE public.survey_cases (
        wave_id           uuid    NOT NULL,
        subject_id        text    NOT NULL,
        project           text    NOT NULL,
        region            text    NOT NULL,
        stage             text    NOT NULL,
        disposition       text    NOT NULL,
        outcome_sequence  integer NOT NULL,
        PRIMARY KEY (wave_id, subject_id)
      )`);
    await db.query(`
      CREATE VIEW reporting.survey_response_rates AS
      WITH strata AS (
        SELECT w.period, s.project, s.region, s.stage, s.sampled,
               coalesce(c.completes, 0) AS completes, coalesce(c.ineligible, 0) AS ineligible
          FROM reporting.survey_sample_v1 s
          JOIN reporting.survey_waves_v1 w ON w.wave_id = s.wave_id
          LEFT JOIN (SELECT wave_id, project, region, stage,
                            count(*) FILTER (WHERE disposition = 'complete') AS completes,
                            count(*) FILTER (WHERE disposition = 'ineligible') AS ineligible
                       FROM public.survey_cases GROUP BY wave_id, project, region, stage) c
            ON c.wave_id = s.wave_id AND c.project = s.project AND c.region = s.region AND c.stage = s.stage
      )
      SELECT st.period, ${label('st.project')}, ${label('st.region')}, ${label('st.stage')},
             sum(st.sampled) AS sampled, sum(st.completes) AS completes,
             sum(st.sampled - st.ineligible) AS eligible_or_unknown,
             sum(st.completes) / nullif(sum(st.sampled - st.ineligible), 0) AS response_rate
        FROM strata st
       GROUP BY st.period, ${PLACES('st')}`);
    await db.query(`COMMENT ON VIEW reporting.survey_response_rates IS
      'AAPOR RR1 per month, project, region and stage (all = every one): completes / sampled cases not found ineligible.'`);
    await db.query(`
      CREATE VIEW reporting.satisfaction_monthly AS
      WITH cells AS (
        SELECT a.period, ${label('a.project')}, ${label('a.region')}, ${label('a.stage')}, ${label('a.dimension')},
               ${FIGURES}
          FROM reporting.survey_answers_v1 a
         GROUP BY a.period, GROUPING SETS ((), (a.dimension)), ${PLACES('a')}
      )
      SELECT c.period, c.project, c.region, c.stage, c.dimension, c.responses, c.answers, c.index,
             c.ci_low, c.ci_high, c.csat, c.nps, c.csat_answers, c.nps_answers,
             r.sampled, r.completes, r.response_rate
        FROM cells c
        LEFT JOIN reporting.survey_response_rates r
          ON r.period = c.period AND r.project = c.project AND r.region = c.region AND r.stage = c.stage`);
    await db.query(`COMMENT ON VIEW reporting.satisfaction_monthly IS
      'Satisfaction index (0-100), 95% interval, CSAT, NPS, responses and RR1 per month, project, region, stage and dimension (all = every one). See services/projections/README.md.'`);
    await db.query(`
      CREATE VIEW reporting.satisfaction_by_question AS
      SELECT a.period, a.project_type, a.questionnaire_id, a.questionnaire_version, a.question_id, q.text,
             a.dimension, a.stage, a.scale, ${label('a.project')}, ${label('a.region')}, ${FIGURES}
        FROM reporting.survey_answers_v1 a
        LEFT JOIN reporting.survey_questions_v1 q
          ON q.questionnaire_id = a.questionnaire_id AND q.questionnaire_version = a.questionnaire_version
         AND q.question_id = a.question_id
       GROUP BY a.period, a.project_type, a.questionnaire_id, a.questionnaire_version, a.question_id, q.text,
                a.dimension, a.stage, a.scale, GROUPING SETS ((), (a.project, a.region))`);
    await db.query(`COMMENT ON VIEW reporting.satisfaction_by_question IS
      'The satisfaction figures of each question of a month, overall and per project.'`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query('DROP VIEW reporting.satisfaction_by_question');
    await db.query('DROP VIEW reporting.satisfaction_monthly');
    await db.query('DROP VIEW reporting.survey_response_rates');
    await db.query('DROP TABLE public.survey_cases');
    await db.query('DROP TABLE reporting.survey_answers_v1');
    await db.query('DROP TABLE reporting.survey_questions_v1');
    await db.query('DROP TABLE reporting.survey_sample_v1');
    await db.query('DROP TABLE reporting.survey_waves_v1');
    await db.query('DROP FUNCTION reporting.t_975');
  }
}
