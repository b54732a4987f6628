import type { INestApplication } from '@nestjs/common';
import { signToken } from '@cx/auth';
import { EventEnvelope, namespacedTopic, Topics } from '@cx/contracts';
import { createKafka, ensureTopics } from '@cx/messaging';
import type { ServiceConfig } from '@cx/platform';
import { eventually, testServiceConfig, TestDatabase } from '@cx/testing';
import { randomUUID } from 'node:crypto';
import { Kafka, Partitioners, Producer } from 'kafkajs';
import { Client, Pool } from 'pg';
import request from 'supertest';
import { rebuildProjection } from './infrastructure/rebuild/projection-rebuild';
import { appraisalScorecards } from './projections/appraisal-scorecards/appraisal-scorecards';
import { surveySatisfaction } from './projections/survey-satisfaction/survey-satisfaction';
import { createProjectionsApp } from './projections.app';
import { eventHistory } from './event-history.support';

const silent = { debug: () => undefined, info: () => undefined, warn: () => undefined, error: () => undefined };

const { envelope, nextPosition } = eventHistory({
  occurredAt: '2026-06-02T02:00:00.000Z',
  correlationId: 'satisfaction-test',
  actorId: 'survey-admin-1',
});

const digest = 'a'.repeat(64);
const questionnaireId = randomUUID();
const waveId = randomUUID();
const [A, B] = ['SH-PUDONG-07', 'SZ-NANSHAN-03'];
const regionOf = { [A]: 'east-china', [B]: 'south-china' } as Record<string, string>;
const subject = (n: number) => `subj_case${String(n).padStart(4, '0')}`;
const member = (n: number, project: string, stage: string) => ({
  subjectId: subject(n),
  project,
  region: regionOf[project],
  stage,
});
const question = (questionId: string, stage: string, dimension: string, type: string) => ({
  questionId,
  text: `How satisfied are you with ${dimension.replace(/_/g, ' ')}?`,
  type,
  stage,
  dimension,
  required: false,
  choices: [],
});
const questions = [
  question('q_overall', 'delivery', 'overall', 'rating_0_10'),
  question('q_handover', 'delivery', 'delivery_service', 'rating_1_5'),
  question('q_complaints', 'delivery', 'complaint_handling', 'rating_1_5'),
  question('q_parking', 'delivery', 'property_services', 'yes_no'),
  question('q_repairs', 'post_delivery', 'qa_maintenance', 'rating_1_5'),
  question('q_recommend', 'post_delivery', 'overall', 'rating_0_10'),
];
const typeOf = new Map(questions.map((q) => [q.questionId, q]));

/** Six customers of project A (four in delivery, two after), three of project B (delivery): nine sampled. */
const sample = [
  member(1, A, 'delivery'),
  member(2, A, 'delivery'),
  member(3, A, 'delivery'),
  member(4, A, 'delivery'),
  member(5, A, 'post_delivery'),
  member(6, A, 'post_delivery'),
  member(7, B, 'delivery'),
  member(8, B, 'delivery'),
  member(9, B, 'delivery'),
];

const response = (n: number, disposition: string, outcomeSequence: number, answers: Record<string, unknown> = {}) => {
  const submissionId = randomUUID();
  const m = sample[n - 1];
  return envelope('SurveyResponseSubmission', submissionId, 'SurveyResponseRecorded', {
    submissionId,
    responseId: randomUUID(),
    waveId,
    period: '2026-05',
    projectType: 'residential',
    questionnaireId,
    questionnaireVersion: 1,
    subjectId: m.subjectId,
    project: m.project,
    region: m.region,
    stage: m.stage,
    channel: 'phone',
    disposition,
    attempts: outcomeSequence,
    outcomeSequence,
    answers: Object.entries(answers).map(([questionId, value]) => ({
      questionId,
      dimension: typeOf.get(questionId)!.dimension,
      stage: m.stage,
      type: typeOf.get(questionId)!.type,
      value,
    })),
    hasFreeText: false,
    interviewerId: 'vendor-caller-3',
    linkId: null,
    respondedAt: '2026-05-20T03:00:00.000Z',
    recordedAt: '2026-05-20T03:05:00.000Z',
  });
};

const waveEvent = (type: string, data: object) => envelope('SurveyWave', waveId, type, { waveId, ...data });

/**
 * Customer 1 completes on the second call (its complete arrives before the first call's non-contact: the highest
 * sequence wins); 2, 5, 7 and 8 complete; 3 refuses; 4 stops half-way (partial: its answer is not scored);
 * 6 is ineligible; 9 is never reached. A yes/no answer is not a rating and scores nothing.
 */
const events: EventEnvelope[] = [
  envelope('Questionnaire', questionnaireId, 'QuestionnaireVersionPublished', {
    questionnaireId,
    version: 1,
    title: 'Residential satisfaction',
    projectType: 'residential',
    questions,
    publishedAt: '2026-04-20T01:00:00.000Z',
  }),
  waveEvent('SurveyWavePlanned', {
    period: '2026-05',
    projectType: 'residential',
    questionnaireId,
    questionnaireVersion: 1,
    fatigueMonths: 6,
    plannedAt: '2026-04-25T01:00:00.000Z',
  }),
  waveEvent('SurveySampleDrawn', {
    algorithm: 'xoshiro128ss-sha256-strata-v1',
    seed: 'seed-2026-05',
    frameDigest: digest,
    fatigueMonths: 6,
    fatigueFrom: '2025-11',
    fatigueDigest: digest,
    skippedForFatigue: 0,
    strata: [
      { project: A, stage: 'delivery', quota: 4, frame: 4, skippedForFatigue: 0, drawn: 4 },
      { project: A, stage: 'post_delivery', quota: 2, frame: 2, skippedForFatigue: 0, drawn: 2 },
      { project: B, stage: 'delivery', quota: 3, frame: 3, skippedForFatigue: 0, drawn: 3 },
    ],
    sampleSize: 9,
    sampleDigest: digest,
    parts: 2,
    drawnAt: '2026-05-01T01:00:00.000Z',
  }),
  waveEvent('SurveySampleMembersListed', { part: 1, members: sample.slice(0, 5) }),
  waveEvent('SurveySampleMembersListed', { part: 2, members: sample.slice(5) }),
  response(1, 'complete', 2, { q_overall: 9, q_handover: 5, q_complaints: 2, q_parking: true }),
  response(1, 'non_contact', 1),
  response(2, 'complete', 1, { q_overall: 6, q_handover: 3 }),
  response(3, 'refusal', 1),
  response(4, 'partial', 1, { q_overall: 10 }),
  response(5, 'complete', 1, { q_repairs: 4, q_recommend: 8 }),
  response(6, 'ineligible', 1),
  response(7, 'complete', 1, { q_overall: 7, q_handover: 4, q_complaints: 1 }),
  response(8, 'complete', 1, { q_overall: 10, q_handover: 5 }),
  waveEvent('SurveyWaveClosed', { closedAt: '2026-06-01T01:00:00.000Z' }),
];

const scorecardId = randomUUID();
const line = (code: string, team: string | null, figures: object) => ({
  code,
  team,
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
const projectA = { responses: 3, answers: 7, index: 68.57, ciLow: 44.88, ciHigh: 92.26, previousIndex: 66, target: 70 };
const scorecard = (type: string, data: object) =>
  envelope('AppraisalScorecard', scorecardId, type, {
    scorecardId,
    period: '2026-05',
    projectType: 'residential',
    ...data,
  });
/** Frozen with a minimum of 2 responses; then a correction takes a response of A out, below the minimum. */
const frozen = scorecard('ScorecardFrozen', {
  waveId,
  minimumResponses: 2,
  projects: [
    line(A, 'east-1', { ...projectA, insufficient: false, rank: 2, change: 2.57, againstTarget: -1.43 }),
    line(B, null, { responses: 2, answers: 5, index: 69, ciLow: 18.11, ciHigh: 119.89, insufficient: false, rank: 1 }),
  ],
  teams: [line('east-1', 'east-1', { ...projectA, previousIndex: null, target: null, insufficient: false, rank: 1 })],
  excludedResponses: [],
  frozenBy: 'survey-admin-1',
  frozenAt: '2026-06-02T01:00:00.000Z',
});
const excluded = randomUUID();
const corrected = scorecard('ScorecardCorrected', {
  revision: 1,
  reason: 'The vendor could not evidence one call',
  changes: [
    { kind: 'project', code: A, field: 'responses', from: 3, to: 2 },
    { kind: 'project', code: A, field: 'rank', from: 2, to: 1 },
  ],
  projects: [
    line(A, 'east-1', { ...projectA, responses: 2, insufficient: false, rank: 1, change: 2.57, againstTarget: -1.43 }),
    line(B, null, { responses: 2, answers: 5, index: 69, ciLow: 18.11, ciHigh: 119.89, insufficient: false, rank: 1 }),
  ],
  teams: [
    line('east-1', 'east-1', {
      ...projectA,
      responses: 2,
      previousIndex: null,
      target: null,
      insufficient: false,
      rank: 1,
    }),
  ],
  excludedResponses: [excluded],
  correctedBy: 'survey-admin-2',
  correctedAt: '2026-06-10T01:00:00.000Z',
});
/** The same correction again, as a redelivery from another relay run would bring it: same stream version. */
const correctedAgain = { ...corrected, id: randomUUID(), position: nextPosition() };
events.push(frozen, corrected, correctedAgain);

describe('satisfaction scores (real Kafka, real Postgres)', () => {
  let app: INestApplication;
  let config: ServiceConfig;
  let database: TestDatabase;
  let pool: Pool;
  let producer: Producer;
  let kafka: Kafka;
  let topic: string;
  let token: string;

  beforeAll(async () => {
    ({ config, database } = await testServiceConfig('projections'));
    topic = namespacedTopic(Topics.surveys, config.topicNamespace);
    kafka = createKafka(config.kafkaBrokers, 'satisfaction-test', silent);
    await ensureTopics(kafka, [{ topic }]);
    producer = kafka.producer({ createPartitioner: Partitioners.DefaultPartitioner });
    await producer.connect();
    app = await createProjectionsApp(config);
    await app.init();
    pool = new Pool({ connectionString: config.databaseUrl });
    token = signToken({ sub: 'ceo-1', name: 'CEO office', roles: ['ceo_office'] }, config.jwtSecret);
    await producer.send({
      topic,
      acks: -1,
      messages: events.map((e) => ({ key: e.streamId, value: JSON.stringify(e) })),
    });
    await eventually(async () => {
      const { rows } = await pool.query('SELECT count(*)::int AS n FROM processed_events WHERE event_id = ANY($1)', [
        events.map((e) => e.id),
      ]);
      expect(rows[0].n).toBe(events.length);
    });
  });

  afterAll(async () => {
    await producer?.disconnect();
    await pool?.end();
    await app?.close();
    await database?.drop();
  });

  const cells = async (where: string) =>
    (
      await pool.query(
        `SELECT project, region, stage, dimension, responses::int, answers::int, round(index, 2)::float AS index,
                round(ci_low, 2)::float AS ci_low, round(ci_high, 2)::float AS ci_high,
                round(csat, 2)::float AS csat, round(nps, 2)::float AS nps,
                sampled::int, round(response_rate, 4)::float AS response_rate
           FROM reporting.satisfaction_monthly WHERE period = '2026-05' AND ${where}
          ORDER BY project COLLATE "C", region COLLATE "C", stage COLLATE "C", dimension COLLATE "C"`,
      )
    ).rows;

  /*
   * Scores (1-5: (r − 1) × 25; 0-10: r × 10) of the complete responses, by customer:
   *   1 (A, delivery):  q_overall 9 → 90, q_handover 5 → 100, q_complaints 2 → 25
   *   2 (A, delivery):  q_overall 6 → 60, q_handover 3 → 50
   *   5 (A, post):      q_repairs 4 → 75, q_recommend 8 → 80
   *   7 (B, delivery):  q_overall 7 → 70, q_handover 4 → 75, q_complaints 1 → 0
   *   8 (B, delivery):  q_overall 10 → 100, q_handover 5 → 100
   * 95% interval: mean ± t(0.975, n − 1) × s / √n, s the sample standard deviation.
   * RR1 = completes / (sampled − ineligible).
   */
  it('computes the month overall: index, interval, CSAT, NPS, responses and RR1, every figure by hand', async () => {
    // 12 answers summing to 825: 825 / 12 = 68.75. Squared deviations sum to 10,656.25: s = √(10656.25 / 11)
    // = 31.1247; t(11) = 2.200985; half-width 2.200985 × 31.1247 / √12 = 19.78 → [48.97, 88.53].
    // CSAT: seven 1-5 answers (5, 3, 5, 2, 4, 4, 1), four of them 4 or 5: 4 / 7 = 57.14%.
    // NPS: five 0-10 answers (9, 6, 8, 7, 10): promoters 9 and 10, detractor 6: (2 − 1) / 5 = +20.
    // RR1: 9 sampled, 5 complete, 1 ineligible: 5 / 8 = 0.625.
    expect(await cells(`project = 'all' AND region = 'all' AND stage = 'all' AND dimension = 'all'`)).toEqual([
      {
        project: 'all',
        region: 'all',
        stage: 'all',
        dimension: 'all',
        responses: 5,
        answers: 12,
        index: 68.75,
        ci_low: 48.97,
        ci_high: 88.53,
        csat: 57.14,
        nps: 20,
        sampled: 9,
        response_rate: 0.625,
      },
    ]);
  });

  it('computes each dimension of the month', async () => {
    const rows = await cells(`project = 'all' AND region = 'all' AND stage = 'all' AND dimension <> 'all'`);
    expect(rows.map((r) => [r.dimension, r.responses, r.answers, r.index, r.ci_low, r.ci_high, r.csat, r.nps])).toEqual(
      [
        // 25 and 0: mean 12.5, s = 17.6777, t(1) = 12.706205: ± 158.83. Two answers say almost nothing.
        ['complaint_handling', 2, 2, 12.5, -146.33, 171.33, 0, null],
        // 100, 50, 75, 100: mean 81.25, s = 23.9357, t(3) = 3.182446: ± 38.09. CSAT 3 of 4 = 75%.
        ['delivery_service', 4, 4, 81.25, 43.16, 119.34, 75, null],
        // 90, 60, 80, 70, 100: mean 80, s = 15.8114, t(4) = 2.776445: ± 19.63. NPS (2 − 1) / 5 = +20.
        ['overall', 5, 5, 80, 60.37, 99.63, null, 20],
        // One answer, 75: no interval. CSAT 1 of 1.
        ['qa_maintenance', 1, 1, 75, null, null, 100, null],
      ],
    );
  });

  it('computes each project, region and stage with its own response rate', async () => {
    const rows = await cells(`dimension = 'all' AND NOT (project = 'all' AND region = 'all' AND stage = 'all')`);
    expect(
      rows.map((r) => [
        r.project,
        r.region,
        r.stage,
        r.responses,
        r.index,
        r.ci_low,
        r.ci_high,
        r.sampled,
        r.response_rate,
      ]),
    ).toEqual([
      // A: 90, 100, 25, 60, 50, 75, 80 = 480 / 7 = 68.57; s = 25.6116, t(6) = 2.446912 (± 23.69).
      // RR1: 6 sampled, 3 complete, 1 ineligible: 3 / 5.
      [A, 'east-china', 'all', 3, 68.57, 44.88, 92.26, 6, 0.6],
      // A in delivery: 90, 100, 25, 60, 50 = 325 / 5 = 65; s = 30.4138, t(4) (± 37.76). RR1 2 / 4 (3 refused,
      // 4 partial).
      [A, 'east-china', 'delivery', 2, 65, 27.24, 102.76, 4, 0.5],
      // A after delivery: 75, 80 = 77.5; s = 3.5355, t(1) (± 31.77). RR1 1 / (2 − 1).
      [A, 'east-china', 'post_delivery', 1, 77.5, 45.73, 109.27, 2, 1],
      // B: 70, 75, 0, 100, 100 = 345 / 5 = 69; s = 40.9878, t(4) (± 50.89). RR1 2 / 3 (9 never reached).
      [B, 'south-china', 'all', 2, 69, 18.11, 119.89, 3, 0.6667],
      [B, 'south-china', 'delivery', 2, 69, 18.11, 119.89, 3, 0.6667],
      // delivery: the ten answers of A and B in delivery = 670 / 10 = 67; s = 34.0914, t(9) (± 24.39). RR1 4 / 7.
      ['all', 'all', 'delivery', 4, 67, 42.61, 91.39, 7, 0.5714],
      ['all', 'all', 'post_delivery', 1, 77.5, 45.73, 109.27, 2, 1],
      ['all', 'east-china', 'all', 3, 68.57, 44.88, 92.26, 6, 0.6],
      ['all', 'south-china', 'all', 2, 69, 18.11, 119.89, 3, 0.6667],
    ]);
  });

  it('computes each question, with its wording', async () => {
    const { rows } = await pool.query(
      `SELECT question_id, text, responses::int, round(index, 2)::float AS index, round(nps, 2)::float AS nps,
              round(csat, 2)::float AS csat
         FROM reporting.satisfaction_by_question WHERE period = '2026-05' AND project = 'all' ORDER BY question_id`,
    );
    expect(rows).toEqual([
      // 25, 0
      {
        question_id: 'q_complaints',
        text: expect.stringMatching(/complaint handling/),
        responses: 2,
        index: 12.5,
        nps: null,
        csat: 0,
      },
      // 100, 50, 75, 100; 5, 3, 4, 5 → 3 of 4 are 4 or 5
      { question_id: 'q_handover', text: expect.any(String), responses: 4, index: 81.25, nps: null, csat: 75 },
      // 90, 60, 70, 100; 9, 6, 7, 10 → promoters 2, detractors 1 of 4: +25
      { question_id: 'q_overall', text: expect.any(String), responses: 4, index: 80, nps: 25, csat: null },
      { question_id: 'q_recommend', text: expect.any(String), responses: 1, index: 80, nps: 0, csat: null },
      { question_id: 'q_repairs', text: expect.any(String), responses: 1, index: 75, nps: null, csat: 100 },
    ]);
  });

  it('serves GET /v1/reports/satisfaction with the same figures, rounded for display', async () => {
    const response = await request(app.getHttpServer())
      .get('/v1/reports/satisfaction')
      .query({ period: '2026-05' })
      .set('Authorization', `Bearer ${token}`)
      .expect(200);
    expect(response.body).toMatchObject({
      period: '2026-05',
      waves: [{ waveId, projectType: 'residential', status: 'closed', sampleSize: 9 }],
      overall: {
        project: null,
        region: null,
        stage: null,
        responses: 5,
        answers: 12,
        index: 68.75,
        ci: { low: 48.97, high: 88.53 },
        csat: 57.14,
        nps: 20,
        sampled: 9,
        responseRate: 0.625,
      },
    });
    expect(response.body.overall.dimensions.map((d: { dimension: string }) => d.dimension)).toEqual([
      'complaint_handling',
      'delivery_service',
      'overall',
      'qa_maintenance',
    ]);
    expect(response.body.byProject).toHaveLength(2);
    expect(response.body.byProject[1]).toMatchObject({
      project: B,
      region: 'south-china',
      stage: null,
      responses: 2,
      index: 69,
      responseRate: 0.6667,
    });
    // B's overall answers: 70, 100 = 85; NPS: 7 passive, 10 promoter = +50.
    expect(response.body.byProject[1].dimensions).toContainEqual(
      expect.objectContaining({ dimension: 'overall', responses: 2, index: 85, nps: 50, csat: null }),
    );
    expect(response.body.byRegion.map((r: { region: string }) => r.region)).toEqual(['east-china', 'south-china']);
    expect(response.body.byStage.map((s: { stage: string; index: number }) => [s.stage, s.index])).toEqual([
      ['delivery', 67],
      ['post_delivery', 77.5],
    ]);
    expect(response.body.byQuestion.map((q: { questionId: string }) => q.questionId)).toEqual([
      'q_complaints',
      'q_handover',
      'q_overall',
      'q_recommend',
      'q_repairs',
    ]);
  });

  it('shows a caller limited to a project that project only, not the figures pooled with others', async () => {
    const scoped = signToken(
      { sub: 'manager-b', name: 'Manager B', roles: ['manager'], scope: `project:${B}` },
      config.jwtSecret,
    );
    const response = await request(app.getHttpServer())
      .get('/v1/reports/satisfaction')
      .query({ period: '2026-05' })
      .set('Authorization', `Bearer ${scoped}`)
      .expect(200);
    expect(response.body).toMatchObject({ overall: null, byRegion: [], byStage: [], byQuestion: [] });
    expect(response.body.byProject.map((p: { project: string; index: number }) => [p.project, p.index])).toEqual([
      [B, 69],
    ]);
  });

  it('answers a month without waves with nothing, and 400 for a period that is not a month', async () => {
    const empty = await request(app.getHttpServer())
      .get('/v1/reports/satisfaction')
      .query({ period: '2026-04' })
      .set('Authorization', `Bearer ${token}`)
      .expect(200);
    expect(empty.body).toMatchObject({ period: '2026-04', waves: [], overall: null, byProject: [] });
    for (const period of ['2026-13', '2026-5', 'May 2026']) {
      const bad = await request(app.getHttpServer())
        .get('/v1/reports/satisfaction')
        .query({ period })
        .set('Authorization', `Bearer ${token}`)
        .expect(400);
      expect(bad.headers['content-type']).toMatch(/application\/problem\+json/);
      expect(bad.body.errors.map((e: { field: string }) => e.field)).toEqual(['period']);
    }
  });

  it('shows BI tools the scores, never the subject ids of the cases', async () => {
    const url = new URL(config.databaseUrl);
    url.username = 'bi_reader';
    const bi = new Client({ connectionString: url.toString() });
    await bi.connect();
    try {
      const { rows } = await bi.query(
        `SELECT responses::int FROM reporting.satisfaction_monthly
          WHERE period = '2026-05' AND project = 'all' AND region = 'all' AND stage = 'all' AND dimension = 'all'`,
      );
      expect(rows).toEqual([{ responses: 5 }]);
      const columns = await bi.query(
        `SELECT table_name, column_name FROM information_schema.columns
          WHERE table_schema = 'reporting' AND column_name LIKE '%subject%'`,
      );
      expect(columns.rows).toEqual([]);
      await expect(bi.query('SELECT * FROM public.survey_cases')).rejects.toThrow(/permission denied/);
    } finally {
      await bi.end();
    }
  });

  it('keeps reporting.appraisal_scorecard as the scorecard now stands, and every revision', async () => {
    const { rows } = await pool.query(
      `SELECT kind, code, team, responses, index::float, rank, insufficient, previous_index::float, change::float,
              target::float, against_target::float, revision
         FROM reporting.appraisal_scorecard WHERE period = '2026-05' ORDER BY kind, code COLLATE "C"`,
    );
    expect(rows).toEqual([
      {
        kind: 'project',
        code: A,
        team: 'east-1',
        responses: 2,
        index: 68.57,
        rank: 1,
        insufficient: false,
        previous_index: 66,
        change: 2.57,
        target: 70,
        against_target: -1.43,
        revision: 1,
      },
      expect.objectContaining({ kind: 'project', code: B, team: null, rank: 1, target: null, revision: 1 }),
      expect.objectContaining({ kind: 'team', code: 'east-1', responses: 2, revision: 1 }),
    ]);
    const revisions = await pool.query(
      `SELECT revision, reason, by_user, jsonb_array_length(changes) AS changes
         FROM reporting.appraisal_scorecard_revisions_v1 WHERE scorecard_id = $1 ORDER BY revision`,
      [scorecardId],
    );
    expect(revisions.rows).toEqual([
      { revision: 0, reason: null, by_user: 'survey-admin-1', changes: 0 },
      { revision: 1, reason: 'The vendor could not evidence one call', by_user: 'survey-admin-2', changes: 2 },
    ]);
  });

  it('rebuilds from the topic into identical tables and figures', async () => {
    const snapshot = async () => ({
      waves: (await pool.query('SELECT * FROM reporting.survey_waves_v1 ORDER BY wave_id')).rows,
      sample: (await pool.query('SELECT * FROM reporting.survey_sample_v1 ORDER BY project, region, stage')).rows,
      answers: (await pool.query('SELECT * FROM reporting.survey_answers_v1 ORDER BY response_id, question_id')).rows,
      cases: (await pool.query('SELECT * FROM public.survey_cases ORDER BY subject_id')).rows,
      figures: await cells('true'),
    });
    const before = await snapshot();
    const result = await rebuildProjection({ pool, kafka, projection: surveySatisfaction, topics: [topic] });
    expect(result).toMatchObject({ applied: events.length, skipped: 0 });
    expect(await snapshot()).toEqual(before);
    const scorecards = async () => ({
      lines: (await pool.query('SELECT * FROM reporting.appraisal_scorecard ORDER BY kind, code')).rows,
      revisions: (await pool.query('SELECT * FROM reporting.appraisal_scorecard_revisions_v1 ORDER BY revision')).rows,
    });
    const scorecardsBefore = await scorecards();
    await rebuildProjection({ pool, kafka, projection: appraisalScorecards, topics: [topic] });
    expect(await scorecards()).toEqual(scorecardsBefore);
  });
});
