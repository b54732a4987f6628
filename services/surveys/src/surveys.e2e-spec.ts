import type { INestApplication } from '@nestjs/common';
import { Role, signToken } from '@cx/auth';
import { namespacedTopic, Topics } from '@cx/contracts';
import { ManualClock, ServiceConfig } from '@cx/platform';
import { eventually, testServiceConfig, TestDatabase, TopicReader } from '@cx/testing';
import { Pool } from 'pg';
import request from 'supertest';
import { createSurveysApp } from './surveys.app';

// Midday on 20 November 2026 in Beijing.
const now = new Date('2026-11-20T04:00:00.000Z');
const rating = (questionId: string, stage: string, dimension: string, type = 'rating_1_5') => ({
  questionId,
  text: `How satisfied are you with ${dimension.replace(/_/g, ' ')}?`,
  type,
  stage,
  dimension,
  required: true,
});
const residentialQuestions = [
  rating('q_overall', 'delivery', 'overall', 'rating_0_10'),
  rating('q_handover', 'delivery', 'delivery_service'),
  rating('q_repairs', 'post_delivery', 'qa_maintenance'),
  rating('q_complaints', 'post_delivery', 'complaint_handling'),
  { ...rating('q_comment', 'post_delivery', 'overall'), type: 'free_text', required: false },
];
const residential = {
  title: 'Residential satisfaction 2026',
  projectType: 'residential',
  questions: residentialQuestions,
};
const customer = (n: number, project: string, stage: string) => ({
  subjectId: `subj_${project.replace(/-/g, '')}${stage.slice(0, 4)}${String(n).padStart(4, '0')}`,
  project,
  region: 'east-china',
  stage,
});
const strata = (project: string, stage: string, size: number) =>
  Array.from({ length: size }, (_, n) => customer(n, project, stage));
/** 300 customers of two projects in two stages. */
const frame = [
  ...strata('SH-PUDONG-07', 'delivery', 120),
  ...strata('SH-PUDONG-07', 'post_delivery', 80),
  ...strata('SH-MINHANG-02', 'delivery', 60),
  ...strata('SH-MINHANG-02', 'post_delivery', 40),
];
const quotas = [
  { project: 'SH-PUDONG-07', stage: 'delivery', size: 30 },
  { project: 'SH-PUDONG-07', stage: 'post_delivery', size: 20 },
  { project: 'SH-MINHANG-02', stage: 'delivery', size: 15 },
];

describe('questionnaires and waves over HTTP (real Postgres, real Kafka)', () => {
  let app: INestApplication;
  let config: ServiceConfig;
  let database: TestDatabase;
  let pool: Pool;
  let topic: TopicReader;
  const as = (sub: string, ...roles: Role[]) => `Bearer ${signToken({ sub, name: sub, roles }, config.jwtSecret)}`;
  const admin = () => as('survey-admin-1', 'admin');
  const vendor = () => as('vendor-1', 'survey_vendor');
  const http = () => request(app.getHttpServer());
  const eventCount = async () => Number((await pool.query('SELECT count(*) FROM events')).rows[0].count);
  const onTopic = (key: string, count: number) =>
    eventually(() => {
      const found = topic.messages.filter((m) => m.key === key);
      if (found.length < count) throw new Error(`${found.length} of ${count} on the topic yet`);
      return found.map((m) => ({ ...m, envelope: JSON.parse(m.value!) }));
    }, 30_000);

  const publishedQuestionnaire = async (body: object = residential) => {
    const created = await http().post('/v1/questionnaires').set('Authorization', admin()).send(body).expect(201);
    const id = created.body.questionnaireId as string;
    await http().post(`/v1/questionnaires/${id}/versions/1/publication`).set('Authorization', admin()).expect(200);
    return id;
  };
  const planWave = (questionnaireId: string, period: string, changes: object = {}) =>
    http()
      .post('/v1/waves')
      .set('Authorization', admin())
      .send({ period, projectType: 'residential', questionnaireId, questionnaireVersion: 1, ...changes });
  const loadFrame = (waveId: string, rows: unknown[]) =>
    http().put(`/v1/waves/${waveId}/frame`).set('Authorization', admin()).send(rows);
  const drawnWave = async (questionnaireId: string, period: string, seed: string) => {
    const waveId = (await planWave(questionnaireId, period).expect(201)).body.waveId as string;
    await loadFrame(waveId, frame).expect(200);
    await http().post(`/v1/waves/${waveId}/draw`).set('Authorization', admin()).send({ seed, quotas }).expect(200);
    return waveId;
  };
  const sampleOf = async (waveId: string) =>
    (await http().get(`/v1/waves/${waveId}/sample`).set('Authorization', vendor()).expect(200)).body;

  beforeAll(async () => {
    ({ config, database } = await testServiceConfig('surveys'));
    app = await createSurveysApp(config, { clock: new ManualClock(now) });
    await app.init();
    pool = new Pool({ connectionString: config.databaseUrl });
    topic = await new TopicReader(config.kafkaBrokers, namespacedTopic(Topics.surveys, config.topicNamespace)).start();
  });

  afterAll(async () => {
    await topic?.stop();
    await pool?.end();
    await app?.close();
    await database?.drop();
  });

  describe('questionnaires', () => {
    it('creates version 1 as a draft, revises and publishes it; a published version refuses changes (409)', async () => {
      const created = await http()
        .post('/v1/questionnaires')
        .set('Authorization', admin())
        .set('Idempotency-Key', 'residential-2026')
        .set('X-Correlation-Id', 'questionnaire-2026')
        .send(residential)
        .expect(201);
      const id = created.body.questionnaireId;
      expect(created.headers.location).toBe(`/v1/questionnaires/${id}`);
      expect(created.headers.etag).toBe('"2"');
      expect(created.body).toMatchObject({
        title: residential.title,
        projectType: 'residential',
        status: 'draft',
        versions: [{ version: 1, status: 'draft', questions: expect.any(Array) }],
      });
      const again = await http()
        .post('/v1/questionnaires')
        .set('Authorization', admin())
        .set('Idempotency-Key', 'residential-2026')
        .send(residential)
        .expect(201);
      expect(again.headers['idempotent-replayed']).toBe('true');
      expect(again.body.questionnaireId).toBe(id);

      const revisedQuestions = residentialQuestions.map((q) =>
        q.questionId === 'q_handover' ? { ...q, required: false } : q,
      );
      await http()
        .put(`/v1/questionnaires/${id}/versions/1`)
        .set('Authorization', admin())
        .set('If-Match', '"2"')
        .send({ questions: revisedQuestions })
        .expect(200);
      const published = await http()
        .post(`/v1/questionnaires/${id}/versions/1/publication`)
        .set('Authorization', admin())
        .set('If-Match', '"3"')
        .expect(200);
      expect(published.headers.etag).toBe('"4"');
      expect(published.body).toMatchObject({
        status: 'published',
        versions: [{ version: 1, status: 'published', publishedAt: now.toISOString() }],
      });

      const before = await eventCount();
      const change = await http()
        .put(`/v1/questionnaires/${id}/versions/1`)
        .set('Authorization', admin())
        .send({ questions: residentialQuestions })
        .expect(409);
      expect(change.headers['content-type']).toMatch(/^application\/problem\+json/);
      expect(change.body).toMatchObject({
        type: 'urn:cx:problem:questionnaire-version-published',
        code: 'QUESTIONNAIRE.VERSION_PUBLISHED',
        version: 1,
        currentState: 'published',
      });
      await http().post(`/v1/questionnaires/${id}/versions/1/publication`).set('Authorization', admin()).expect(409);
      expect(await eventCount()).toBe(before);

      const next = await http()
        .post(`/v1/questionnaires/${id}/versions`)
        .set('Authorization', admin())
        .send({ questions: [...residentialQuestions, rating('q_parking', 'post_delivery', 'property_services')] })
        .expect(201);
      expect(next.body.versions.map((v: { version: number; status: string }) => [v.version, v.status])).toEqual([
        [1, 'published'],
        [2, 'draft'],
      ]);
      const read = await http().get(`/v1/questionnaires/${id}`).set('Authorization', vendor()).expect(200);
      expect(read.body.versions[0].questions).toEqual(revisedQuestions.map((q) => ({ ...q, choices: [] })));

      const messages = await onTopic(id, 5);
      expect(messages.map((m) => m.envelope.type)).toEqual([
        'QuestionnaireCreated',
        'QuestionnaireVersionDrafted',
        'QuestionnaireDraftRevised',
        'QuestionnaireVersionPublished',
        'QuestionnaireVersionDrafted',
      ]);
      expect(messages[3].envelope).toMatchObject({
        streamType: 'Questionnaire',
        actor: { type: 'user', id: 'survey-admin-1' },
        data: { questionnaireId: id, version: 1, projectType: 'residential', questions: expect.any(Array) },
      });
      expect(messages[0].envelope.correlationId).toBe('questionnaire-2026');
    });

    it('answers 400 listing every malformed field and 422 for a stage of the other project type', async () => {
      const invalid = await http()
        .post('/v1/questionnaires')
        .set('Authorization', admin())
        .send({
          ...residential,
          projectType: 'hotel',
          questions: [{ ...residentialQuestions[0], type: 'stars' }],
          owner: 'x',
        })
        .expect(400);
      expect(invalid.body.type).toBe('urn:cx:problem:validation');
      expect(invalid.body.errors.map((e: { field: string }) => e.field).sort()).toEqual([
        'owner',
        'projectType',
        'questions.0.type',
      ]);
      const merchant = await http()
        .post('/v1/questionnaires')
        .set('Authorization', admin())
        .send({ ...residential, questions: [rating('q_mall', 'merchant', 'commercial_operations')] })
        .expect(422);
      expect(merchant.body).toMatchObject({ code: 'QUESTIONNAIRE.RULE_VIOLATED', field: 'questions[0].stage' });
    });
  });

  describe('waves and sampling', () => {
    let questionnaireId: string;

    beforeAll(async () => {
      questionnaireId = await publishedQuestionnaire();
    });

    it('plans one wave per project type and month, with a published version only', async () => {
      const planned = await planWave(questionnaireId, '2026-08').set('Idempotency-Key', 'wave-2026-08').expect(201);
      const waveId = planned.body.waveId;
      expect(planned.headers.location).toBe(`/v1/waves/${waveId}`);
      expect(planned.body).toMatchObject({
        period: '2026-08',
        projectType: 'residential',
        questionnaireVersion: 1,
        fatigueMonths: 6,
        status: 'planned',
        linksIssued: 0,
        version: 1,
      });
      const replay = await planWave(questionnaireId, '2026-08').set('Idempotency-Key', 'wave-2026-08').expect(201);
      expect(replay.body.waveId).toBe(waveId);

      const before = await eventCount();
      const twice = await planWave(questionnaireId, '2026-08').expect(409);
      expect(twice.body).toMatchObject({ code: 'SURVEY_WAVE.ALREADY_PLANNED', existingWaveId: waveId });
      const draft = await planWave(questionnaireId, '2026-09', { questionnaireVersion: 2 }).expect(422);
      expect(draft.body).toMatchObject({ code: 'SURVEY_WAVE.RULE_VIOLATED', field: 'questionnaireVersion' });
      const commercial = await planWave(questionnaireId, '2026-09', { projectType: 'commercial' }).expect(422);
      expect(commercial.body).toMatchObject({ field: 'projectType' });
      expect(await eventCount()).toBe(before);
    });

    it('loads a frame row by row: bad rows refused by number and reason, the good ones are the frame', async () => {
      const waveId = (await planWave(questionnaireId, '2026-09').expect(201)).body.waveId;
      const rows = [
        customer(1, 'SH-PUDONG-07', 'delivery'),
        { ...customer(2, 'SH-PUDONG-07', 'delivery'), subjectId: '+86 138 0013 8000' },
        customer(1, 'SH-PUDONG-07', 'delivery'),
        customer(3, 'SH-PUDONG-07', 'merchant'),
        { ...customer(4, 'SH-PUDONG-07', 'delivery'), name: 'Wang Fang' },
        customer(5, 'SH-PUDONG-07', 'post_delivery'),
        'not a customer',
      ];
      const loaded = await loadFrame(waveId, rows).set('If-Match', '"1"').expect(200);
      expect(loaded.headers.etag).toBe('"2"');
      expect(loaded.body).toMatchObject({
        waveId,
        rows: 7,
        accepted: 2,
        rejected: 5,
        strata: [
          { project: 'SH-PUDONG-07', stage: 'delivery', customers: 1 },
          { project: 'SH-PUDONG-07', stage: 'post_delivery', customers: 1 },
        ],
        version: 2,
      });
      expect(loaded.body.rejections).toEqual([
        expect.objectContaining({ row: 2, reason: 'invalid_subject_id', field: 'subjectId' }),
        expect.objectContaining({ row: 3, reason: 'duplicated_subject_id', detail: expect.stringContaining('row 1') }),
        expect.objectContaining({ row: 4, reason: 'stage_not_in_project_type', field: 'stage' }),
        expect.objectContaining({ row: 5, reason: 'unknown_field', field: 'name' }),
        expect.objectContaining({ row: 7, reason: 'not_an_object' }),
      ]);
      const stored = await pool.query('SELECT subject_id FROM sampling_frames WHERE wave_id = $1 ORDER BY 1', [waveId]);
      expect(stored.rows.map((r) => r.subject_id)).toEqual(
        [rows[0], rows[5]].map((r) => (r as { subjectId: string }).subjectId),
      );
      await loadFrame(waveId, rows).set('If-Match', '"1"').expect(412);
    });

    it('draws a stratified sample with quotas and a recorded seed; the same frame and seed draw it again', async () => {
      const november = await drawnWave(questionnaireId, '2026-11', 'audit-seed-2026');
      const december = await drawnWave(questionnaireId, '2026-12', 'audit-seed-2026');
      const wave = await http().get(`/v1/waves/${november}`).set('Authorization', as('m-1', 'manager')).expect(200);
      expect(wave.body).toMatchObject({
        status: 'in_field',
        frame: { customers: 300 },
        draw: {
          algorithm: 'xoshiro128ss-sha256-strata-v1',
          seed: 'audit-seed-2026',
          sampleSize: 65,
          skippedForFatigue: 0,
          fatigueFrom: '2026-05',
          strata: [
            { project: 'SH-MINHANG-02', stage: 'delivery', quota: 15, frame: 60, skippedForFatigue: 0, drawn: 15 },
            { project: 'SH-PUDONG-07', stage: 'delivery', quota: 30, frame: 120, skippedForFatigue: 0, drawn: 30 },
            { project: 'SH-PUDONG-07', stage: 'post_delivery', quota: 20, frame: 80, skippedForFatigue: 0, drawn: 20 },
          ],
        },
      });

      const first = await sampleOf(november);
      const second = await sampleOf(december);
      expect(first.members).toHaveLength(65);
      expect(second.members).toEqual(first.members);
      expect(second.sampleDigest).toBe(first.sampleDigest);
      for (const { project, stage, size } of quotas) {
        const drawn = first.members.filter(
          (m: { project: string; stage: string }) => m.project === project && m.stage === stage,
        );
        expect(drawn).toHaveLength(size);
      }
      expect(
        first.members.filter(
          (m: { project: string; stage: string }) => m.project === 'SH-MINHANG-02' && m.stage === 'post_delivery',
        ),
      ).toEqual([]);

      const reproduction = await http()
        .get(`/v1/waves/${november}/sample/reproduction`)
        .set('Authorization', as('a-1', 'auditor'))
        .expect(200);
      expect(reproduction.body).toMatchObject({ seed: 'audit-seed-2026', sampleSize: 65, matches: true });
      expect(reproduction.body.sampleDigest.recomputed).toBe(first.sampleDigest);

      const messages = await onTopic(november, 4);
      expect(messages.map((m) => m.envelope.type)).toEqual([
        'SurveyWavePlanned',
        'SamplingFrameLoaded',
        'SurveySampleDrawn',
        'SurveySampleMembersListed',
      ]);
      expect(messages[3].envelope.data.members).toEqual(first.members);

      const redraw = await http()
        .post(`/v1/waves/${november}/draw`)
        .set('Authorization', admin())
        .send({ quotas })
        .expect(409);
      expect(redraw.body).toMatchObject({ code: 'SURVEY_WAVE.TRANSITION_NOT_ALLOWED', currentState: 'in_field' });
    });

    it('reports a tampered frame: the stored frame no longer draws the recorded sample', async () => {
      const waveId = await drawnWave(questionnaireId, '2027-02', 'tamper-check');
      await pool.query(`UPDATE sampling_frames SET stage = 'delivery' WHERE wave_id = $1 AND stage = 'post_delivery'`, [
        waveId,
      ]);
      const reproduction = await http()
        .get(`/v1/waves/${waveId}/sample/reproduction`)
        .set('Authorization', admin())
        .expect(200);
      expect(reproduction.body.matches).toBe(false);
      expect(reproduction.body.frameDigest.recomputed).not.toBe(reproduction.body.frameDigest.recorded);
    });

    it('skips customers with a complete in the fatigue window, counts them, and records whom it skipped', async () => {
      const november = await drawnWave(questionnaireId, '2026-10', 'fatigue-seed');
      const sampled = (await sampleOf(november)).members as { subjectId: string; stage: string }[];
      const completed = sampled.slice(0, 12);
      const rows = completed.map((m) => ({
        subjectId: m.subjectId,
        disposition: 'complete',
        respondedAt: '2026-10-15T06:00:00.000Z',
        answers:
          m.stage === 'delivery'
            ? [
                { questionId: 'q_overall', value: 8 },
                { questionId: 'q_handover', value: 4 },
              ]
            : [
                { questionId: 'q_repairs', value: 3 },
                { questionId: 'q_complaints', value: 4 },
              ],
      }));
      const batch = await http()
        .post(`/v1/waves/${november}/responses/bulk`)
        .set('Authorization', vendor())
        .send(rows)
        .expect(200);
      expect(batch.body).toMatchObject({ accepted: 12, rejected: 0 });

      const january = await drawnWave(questionnaireId, '2027-01', 'fatigue-seed');
      const wave = await http().get(`/v1/waves/${january}`).set('Authorization', admin()).expect(200);
      expect(wave.body.draw).toMatchObject({ fatigueFrom: '2026-07', skippedForFatigue: 12 });
      const skipped = wave.body.draw.strata.reduce(
        (sum: number, s: { skippedForFatigue: number }) => sum + s.skippedForFatigue,
        0,
      );
      expect(skipped).toBe(12);
      const drawnAgain = ((await sampleOf(january)).members as { subjectId: string }[]).map((m) => m.subjectId);
      for (const m of completed) expect(drawnAgain).not.toContain(m.subjectId);
      const fatigued = await pool.query(
        'SELECT subject_id FROM sampling_frames WHERE wave_id = $1 AND fatigued ORDER BY 1',
        [january],
      );
      expect(fatigued.rows.map((r) => r.subject_id)).toEqual(completed.map((m) => m.subjectId).sort());
      const reproduction = await http()
        .get(`/v1/waves/${january}/sample/reproduction`)
        .set('Authorization', admin())
        .expect(200);
      expect(reproduction.body.matches).toBe(true);

      const outside = await planWave(questionnaireId, '2027-05', { fatigueMonths: 3 }).expect(201);
      await loadFrame(outside.body.waveId, frame).expect(200);
      const later = await http()
        .post(`/v1/waves/${outside.body.waveId}/draw`)
        .set('Authorization', admin())
        .send({ seed: 'fatigue-seed', quotas })
        .expect(200);
      expect(later.body.draw).toMatchObject({ fatigueFrom: '2027-02', skippedForFatigue: 0 });
    });
  });

  describe('refusals', () => {
    it('answers 403 for roles that may not do it, appending nothing, and 401 without a token', async () => {
      const questionnaireId = await publishedQuestionnaire();
      const waveId = await drawnWave(questionnaireId, '2027-03', 'roles');
      const before = await eventCount();
      await http().post('/v1/questionnaires').set('Authorization', as('m-1', 'manager')).send(residential).expect(403);
      await planWave(questionnaireId, '2027-04').set('Authorization', vendor()).expect(403);
      await http()
        .put(`/v1/waves/${waveId}/frame`)
        .set('Authorization', as('i-1', 'interviewer'))
        .send(frame)
        .expect(403);
      await http().post(`/v1/waves/${waveId}/closure`).set('Authorization', as('m-1', 'manager')).expect(403);
      await http().get(`/v1/waves/${waveId}/sample`).set('Authorization', as('m-1', 'manager')).expect(403);
      await http().get(`/v1/waves/${waveId}`).set('Authorization', as('b-1', 'bi_reader')).expect(403);
      await http().get(`/v1/waves/${waveId}/sample/reproduction`).set('Authorization', vendor()).expect(403);
      await http().post('/v1/waves').send({}).expect(401);
      expect(await eventCount()).toBe(before);
    });

    it('answers 404 for a wave or questionnaire that does not exist', async () => {
      const missing = '6f1c2d3e-4a5b-4c6d-8e7f-8091a2b3c4d5';
      const wave = await http().get(`/v1/waves/${missing}`).set('Authorization', admin()).expect(404);
      expect(wave.body).toMatchObject({ code: 'SURVEY_WAVE.NOT_FOUND' });
      await loadFrame(missing, frame).expect(404);
      const questionnaire = await http().get(`/v1/questionnaires/${missing}`).set('Authorization', admin()).expect(404);
      expect(questionnaire.body).toMatchObject({ code: 'QUESTIONNAIRE.NOT_FOUND' });
    });

    it('keeps the 100 kB body limit on routes that are not bulk (413 problem+json)', async () => {
      const response = await http()
        .post('/v1/questionnaires')
        .set('Authorization', admin())
        .send({ ...residential, title: 'x'.repeat(200_000) })
        .expect(413);
      expect(response.body.type).toBe('urn:cx:problem:payload-too-large');
    });
  });

  it('serves health, readiness and the OpenAPI document with its routes', async () => {
    const ready = await http().get('/health/ready').expect(200);
    expect(ready.body.checks).toEqual({ database: 'up', kafka: 'up' });
    const docs = await http().get('/docs-json').expect(200);
    expect(Object.keys(docs.body.paths)).toEqual(
      expect.arrayContaining([
        '/v1/questionnaires',
        '/v1/questionnaires/{questionnaireId}',
        '/v1/questionnaires/{questionnaireId}/versions',
        '/v1/questionnaires/{questionnaireId}/versions/{version}',
        '/v1/questionnaires/{questionnaireId}/versions/{version}/publication',
        '/v1/waves',
        '/v1/waves/{waveId}',
        '/v1/waves/{waveId}/frame',
        '/v1/waves/{waveId}/draw',
        '/v1/waves/{waveId}/sample',
        '/v1/waves/{waveId}/sample/reproduction',
        '/v1/waves/{waveId}/survey-links',
        '/v1/waves/{waveId}/closure',
        '/v1/waves/{waveId}/responses/bulk',
        '/v1/waves/{waveId}/interviews',
        '/v1/waves/{waveId}/summary',
        '/v1/survey-links/{token}',
        '/v1/survey-links/{token}/response',
      ]),
    );
  });
});
