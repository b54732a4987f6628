import type { INestApplication } from '@nestjs/common';
import { Role, signToken } from '@cx/auth';
import { namespacedTopic, Topics } from '@cx/contracts';
import { createKafka } from '@cx/messaging';
import { ManualClock, ServiceConfig } from '@cx/platform';
import { eventually, testServiceConfig, TestDatabase, TopicReader } from '@cx/testing';
import { Partitioners } from 'kafkajs';
import { randomUUID } from 'node:crypto';
import { Pool } from 'pg';
import request from 'supertest';
import { createSurveysApp } from './surveys.app';

// Midday on 20 November 2026 in Beijing; calls were made the day before.
const now = new Date('2026-11-20T04:00:00.000Z');
const calledAt = '2026-11-19T07:30:00.000Z';
const question = (questionId: string, stage: string, dimension: string, changes: object = {}) => ({
  questionId,
  text: `Question about ${dimension.replace(/_/g, ' ')}`,
  type: 'rating_1_5',
  stage,
  dimension,
  required: true,
  ...changes,
});
const residentialV1 = [
  question('q_overall', 'delivery', 'overall', { type: 'rating_0_10' }),
  question('q_handover', 'delivery', 'delivery_service'),
  question('q_channel', 'delivery', 'complaint_handling', {
    type: 'single_choice',
    required: false,
    choices: [
      { code: 'hotline', label: 'Hotline' },
      { code: 'app', label: 'App' },
    ],
  }),
  question('q_note', 'delivery', 'overall', { type: 'free_text', required: false }),
  question('q_repairs', 'post_delivery', 'qa_maintenance'),
  question('q_recommend', 'post_delivery', 'property_services', { type: 'yes_no' }),
  question('q_comment', 'post_delivery', 'overall', { type: 'free_text', required: false }),
];
const residentialV2 = [...residentialV1, question('q_parking', 'post_delivery', 'property_services')];
const commercialV1 = [
  question('q_operations', 'merchant', 'commercial_operations'),
  question('q_mall', 'consumer', 'shopping_environment', { type: 'rating_0_10' }),
  question('q_points', 'member', 'member_services'),
  question('q_member_note', 'member', 'member_services', { type: 'free_text', required: false }),
];
const subject = (code: string) => `subj_${code}00000000`;
const customer = (code: string, stage: string, project = 'SH-PUDONG-07') => ({
  subjectId: subject(code),
  project,
  region: project.startsWith('SZ') ? 'south-china' : 'east-china',
  stage,
});
/** Personal data a customer might say; none of it may reach the topic. */
const PERSONAL = ['Mrs Wang', '138 0013 8000', 'Li Lei', '139 0000 1111', 'Chen Jing', '137 1234 5678'];

describe('survey responses over HTTP (real Postgres, real Kafka)', () => {
  let app: INestApplication;
  let config: ServiceConfig;
  let database: TestDatabase;
  let pool: Pool;
  let topic: TopicReader;
  const clock = new ManualClock(now);
  const as = (sub: string, ...roles: Role[]) => `Bearer ${signToken({ sub, name: sub, roles }, config.jwtSecret)}`;
  const admin = () => as('survey-admin-1', 'admin');
  const vendor = () => as('vendor-1', 'survey_vendor');
  const interviewer = () => as('interviewer-7', 'interviewer');
  const http = () => request(app.getHttpServer());
  const eventCount = async () => Number((await pool.query('SELECT count(*) FROM events')).rows[0].count);
  const onTopic = (key: string, count: number) =>
    eventually(() => {
      const found = topic.messages.filter((m) => m.key === key);
      if (found.length < count) throw new Error(`${found.length} of ${count} on the topic yet`);
      return found.map((m) => ({ ...m, envelope: JSON.parse(m.value!) }));
    }, 60_000);

  const questionnaire = async (projectType: string, ...versions: object[][]) => {
    const [first, ...later] = versions;
    const created = await http()
      .post('/v1/questionnaires')
      .set('Authorization', admin())
      .send({ title: `${projectType} satisfaction`, projectType, questions: first })
      .expect(201);
    const id = created.body.questionnaireId as string;
    await http().post(`/v1/questionnaires/${id}/versions/1/publication`).set('Authorization', admin()).expect(200);
    for (const [i, questions] of later.entries()) {
      await http()
        .post(`/v1/questionnaires/${id}/versions`)
        .set('Authorization', admin())
        .send({ questions })
        .expect(201);
      await http()
        .post(`/v1/questionnaires/${id}/versions/${i + 2}/publication`)
        .set('Authorization', admin())
        .expect(200);
    }
    return id;
  };
  /** A wave whose quotas take every customer of the strata named: its sample is known. */
  const wave = async (
    questionnaireId: string,
    projectType: string,
    period: string,
    frame: { project: string; stage: string }[],
    quotas: { project: string; stage: string; size: number }[],
  ) => {
    const planned = await http()
      .post('/v1/waves')
      .set('Authorization', admin())
      .send({ period, projectType, questionnaireId, questionnaireVersion: 1 })
      .expect(201);
    const waveId = planned.body.waveId as string;
    await http().put(`/v1/waves/${waveId}/frame`).set('Authorization', admin()).send(frame).expect(200);
    await http().post(`/v1/waves/${waveId}/draw`).set('Authorization', admin()).send({ quotas }).expect(200);
    return waveId;
  };
  const bulk = (waveId: string, rows: unknown[], auth = vendor()) =>
    http().post(`/v1/waves/${waveId}/responses/bulk`).set('Authorization', auth).send(rows);
  const interview = (waveId: string, body: object, auth = interviewer()) =>
    http().post(`/v1/waves/${waveId}/interviews`).set('Authorization', auth).send(body);
  const summary = async (waveId: string) =>
    (await http().get(`/v1/waves/${waveId}/summary`).set('Authorization', as('ceo-1', 'ceo_office')).expect(200)).body;

  beforeAll(async () => {
    ({ config, database } = await testServiceConfig('surveys'));
    app = await createSurveysApp(config, { clock, settings: { fatigueMonths: 6, linkValidForHours: 72 } });
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

  describe('a residential wave called by the vendor', () => {
    const delivery = ['d0', 'd1', 'd2', 'd3', 'd4', 'd5'].map((code) => customer(code, 'delivery'));
    const afterDelivery = ['p0', 'p1', 'p2', 'p3'].map((code) => customer(code, 'post_delivery'));
    const unsampled = customer('m0', 'delivery', 'SH-MINHANG-02');
    let waveId: string;
    const call = (code: string, disposition: string, answers: unknown[] = [], changes: object = {}) => ({
      subjectId: subject(code),
      disposition,
      respondedAt: calledAt,
      ...(answers.length > 0 ? { answers } : {}),
      ...changes,
    });
    const completeDelivery = (note?: string) => [
      { questionId: 'q_overall', value: 9 },
      { questionId: 'q_handover', value: 5 },
      { questionId: 'q_channel', value: 'app' },
      ...(note ? [{ questionId: 'q_note', value: note }] : []),
    ];

    beforeAll(async () => {
      const questionnaireId = await questionnaire('residential', residentialV1, residentialV2);
      waveId = await wave(
        questionnaireId,
        'residential',
        '2026-11',
        [...delivery, ...afterDelivery, unsampled],
        [
          { project: 'SH-PUDONG-07', stage: 'delivery', size: 6 },
          { project: 'SH-PUDONG-07', stage: 'post_delivery', size: 4 },
        ],
      );
    });

    it('keeps the good rows of a batch and refuses each bad one by number and reason, storing nothing of it', async () => {
      const rows = [
        call('d0', 'complete', completeDelivery('Please call Mrs Wang on 138 0013 8000 about the lobby door')),
        call('d1', 'complete', [
          { questionId: 'q_overall', value: 8 },
          { questionId: 'q_handover', value: 7 },
          { questionId: 'q_note', value: 'Li Lei, 139 0000 1111' },
        ]),
        call('p0', 'complete', [
          { questionId: 'q_repairs', value: 4 },
          { questionId: 'q_recommend', value: true },
          { questionId: 'q_parking', value: 3 },
        ]),
        call('m0', 'complete', completeDelivery()),
        call('d0', 'complete', completeDelivery()),
        call('d2', 'non_contact', [], { attempts: 3, interviewerId: 'vendor-agent-0042' }),
        call('d3', 'refusal'),
        call('p1', 'ineligible'),
        call('p2', 'partial', [{ questionId: 'q_repairs', value: 2 }]),
        { ...call('d4', 'complete', completeDelivery()), subjectId: '+86 137 1234 5678' },
        call('p3', 'complete', [
          { questionId: 'q_repairs', value: 5 },
          { questionId: 'q_recommend', value: false },
          { questionId: 'q_comment', value: 'Chen Jing says the lift is slow' },
        ]),
      ];
      const batch = await bulk(waveId, rows).set('Idempotency-Key', 'vendor-2026-11-19').expect(200);
      expect(batch.body).toMatchObject({ waveId, rows: 11, accepted: 6, rejected: 5 });
      expect(batch.body.responses.map((r: { row: number }) => r.row)).toEqual([1, 6, 7, 8, 9, 11]);
      expect(batch.body.rejections).toEqual([
        expect.objectContaining({
          row: 2,
          subjectId: subject('d1'),
          reason: 'rating_out_of_range',
          field: 'answers[1].value',
        }),
        expect.objectContaining({
          row: 3,
          subjectId: subject('p0'),
          reason: 'question_not_in_version',
          field: 'answers[2].questionId',
          detail: 'q_parking is not a question of version 1, which this wave uses; it is in version 2',
        }),
        expect.objectContaining({ row: 4, subjectId: subject('m0'), reason: 'not_in_sample', field: 'subjectId' }),
        expect.objectContaining({ row: 5, subjectId: subject('d0'), reason: 'already_completed' }),
        expect.objectContaining({ row: 10, subjectId: null, reason: 'invalid_subject_id', field: 'subjectId' }),
      ]);

      const before = await eventCount();
      const replay = await bulk(waveId, rows).set('Idempotency-Key', 'vendor-2026-11-19').expect(200);
      expect(replay.headers['idempotent-replayed']).toBe('true');
      expect(replay.body).toEqual(batch.body);
      expect(await eventCount()).toBe(before);

      const cases = await pool.query('SELECT subject_id, disposition FROM survey_cases WHERE wave_id = $1 ORDER BY 1', [
        waveId,
      ]);
      expect(cases.rows.map((r) => [r.subject_id, r.disposition])).toEqual([
        [subject('d0'), 'complete'],
        [subject('d2'), 'non_contact'],
        [subject('d3'), 'refusal'],
        [subject('p1'), 'ineligible'],
        [subject('p2'), 'partial'],
        [subject('p3'), 'complete'],
      ]);
      const texts = await pool.query('SELECT subject_id, question_id, text FROM response_free_texts ORDER BY 1');
      expect(texts.rows).toEqual([
        {
          subject_id: subject('d0'),
          question_id: 'q_note',
          text: 'Please call Mrs Wang on 138 0013 8000 about the lobby door',
        },
        { subject_id: subject('p3'), question_id: 'q_comment', text: 'Chen Jing says the lift is slow' },
      ]);

      // The vault erases d0: their words go, the other customer's stay, and nothing of d0 is stored again.
      const erasedAt = new Date().toISOString();
      const kafka = createKafka(config.kafkaBrokers, 'erasure-test', {
        debug: () => undefined,
        info: () => undefined,
        warn: () => undefined,
        error: () => undefined,
      });
      const producer = kafka.producer({ createPartitioner: Partitioners.DefaultPartitioner });
      await producer.connect();
      await producer.send({
        topic: namespacedTopic(Topics.confidentiality, config.topicNamespace),
        acks: -1,
        messages: [
          {
            key: subject('d0'),
            value: JSON.stringify({
              id: randomUUID(),
              type: 'SubjectErased',
              schemaVersion: 1,
              streamId: subject('d0'),
              streamType: 'Subject',
              streamVersion: 2,
              position: '7',
              occurredAt: erasedAt,
              correlationId: 'erasure-1',
              causationId: null,
              actor: { type: 'user', id: 'dpo-1' },
              data: { subjectId: subject('d0'), ground: 'subject_request', erasedAt },
            }),
          },
        ],
      });
      await producer.disconnect();
      await eventually(async () => {
        const left = await pool.query('SELECT subject_id FROM response_free_texts ORDER BY 1');
        expect(left.rows).toEqual([{ subject_id: subject('p3') }]);
      });

      const messages = await onTopic(batch.body.submissionId, 6);
      expect(messages.map((m) => [m.envelope.data.subjectId, m.envelope.data.disposition])).toEqual([
        [subject('d0'), 'complete'],
        [subject('d2'), 'non_contact'],
        [subject('d3'), 'refusal'],
        [subject('p1'), 'ineligible'],
        [subject('p2'), 'partial'],
        [subject('p3'), 'complete'],
      ]);
      expect(messages[0].envelope).toMatchObject({
        type: 'SurveyResponseRecorded',
        streamType: 'SurveyResponseSubmission',
        actor: { type: 'user', id: 'vendor-1' },
        data: {
          responseId: batch.body.responses[0].responseId,
          waveId,
          period: '2026-11',
          projectType: 'residential',
          questionnaireVersion: 1,
          project: 'SH-PUDONG-07',
          region: 'east-china',
          stage: 'delivery',
          channel: 'phone',
          attempts: 1,
          outcomeSequence: 1,
          hasFreeText: true,
          answers: [
            { questionId: 'q_overall', dimension: 'overall', stage: 'delivery', type: 'rating_0_10', value: 9 },
            {
              questionId: 'q_handover',
              dimension: 'delivery_service',
              stage: 'delivery',
              type: 'rating_1_5',
              value: 5,
            },
            {
              questionId: 'q_channel',
              dimension: 'complaint_handling',
              stage: 'delivery',
              type: 'single_choice',
              value: 'app',
            },
          ],
        },
      });
      expect(messages[1].envelope.data).toMatchObject({ attempts: 3, interviewerId: 'vendor-agent-0042', answers: [] });
      for (const message of messages) {
        for (const personal of PERSONAL) expect(message.value).not.toContain(personal);
      }
    });

    it('takes the next outcome of an open case and refuses a second complete across batches', async () => {
      const second = await bulk(waveId, [
        call('d2', 'complete', completeDelivery(), { attempts: 4 }),
        call('d0', 'complete', completeDelivery()),
        call('d1', 'complete', completeDelivery()),
        call('d4', 'non_contact', [], { attempts: 5 }),
        call('d3', 'complete', completeDelivery()),
      ]).expect(200);
      expect(second.body).toMatchObject({ accepted: 3, rejected: 2 });
      expect(second.body.rejections).toEqual([
        expect.objectContaining({ row: 2, subjectId: subject('d0'), reason: 'already_completed' }),
        expect.objectContaining({ row: 5, subjectId: subject('d3'), reason: 'case_closed' }),
      ]);
      const [callback] = await onTopic(second.body.submissionId, 3);
      expect(callback.envelope.data).toMatchObject({ subjectId: subject('d2'), attempts: 4, outcomeSequence: 2 });
    });

    it('sums up every sampled case by disposition, with the AAPOR RR1 response rate (4 / 9), not completes / calls', async () => {
      const wave = await summary(waveId);
      // Completes d0 d1 d2 p3; partial p2; refusal d3; non-contact d4; ineligible p1; not attempted d5 p0.
      // RR1 = I / ((I + P) + (R + NC + O) + (UH + UO)) = 4 / ((4 + 1) + (1 + 1) + 2) = 4 / 9.
      expect(wave).toMatchObject({
        waveId,
        period: '2026-11',
        status: 'in_field',
        dispositions: {
          sampled: 10,
          complete: 4,
          partial: 1,
          refusal: 1,
          nonContact: 1,
          ineligible: 1,
          notAttempted: 2,
          attempts: 15,
        },
        responseRate: { definition: 'AAPOR RR1', rate: 0.4444, completes: 4, eligibleOrUnknown: 9 },
        intercepts: { complete: 0, partial: 0, refusal: 0 },
      });
      expect(
        wave.strata.map((s: { stage: string; dispositions: { sampled: number }; responseRate: { rate: number } }) => [
          s.stage,
          s.dispositions.sampled,
          s.responseRate.rate,
        ]),
      ).toEqual([
        ['delivery', 6, 0.5],
        ['post_delivery', 4, 0.3333],
      ]);
    });

    it('answers 403 for roles that may not record or read responses, appending nothing', async () => {
      const before = await eventCount();
      await bulk(waveId, [call('d5', 'refusal')], interviewer()).expect(403);
      await bulk(waveId, [call('d5', 'refusal')], admin()).expect(403);
      await interview(
        waveId,
        { subjectId: subject('d5'), disposition: 'refusal', respondedAt: calledAt },
        vendor(),
      ).expect(403);
      await http().get(`/v1/waves/${waveId}/summary`).set('Authorization', vendor()).expect(403);
      expect(await eventCount()).toBe(before);
    });

    it('refuses responses once the wave is closed (409), appending nothing', async () => {
      await http().post(`/v1/waves/${waveId}/closure`).set('Authorization', admin()).expect(200);
      const before = await eventCount();
      const late = await bulk(waveId, [call('d5', 'refusal')]).expect(409);
      expect(late.body).toMatchObject({ code: 'SURVEY_WAVE.TRANSITION_NOT_ALLOWED', currentState: 'closed' });
      expect(await eventCount()).toBe(before);
      expect((await summary(waveId)).status).toBe('closed');
    });
  });

  describe('a commercial wave: merchants face to face, consumer intercepts, members by survey link', () => {
    const merchants = ['s0', 's1', 's2'].map((code) => customer(code, 'merchant', 'SZ-MIXC-01'));
    const members = ['b0', 'b1', 'b2', 'b3'].map((code) => customer(code, 'member', 'SZ-MIXC-01'));
    let waveId: string;
    const tokens: string[] = [];
    const merchantInterview = (code: string, value = 4) => ({
      subjectId: subject(code),
      disposition: 'complete',
      respondedAt: calledAt,
      answers: [{ questionId: 'q_operations', value }],
    });
    const issue = (subjectIds: string[], changes: object = {}) =>
      http()
        .post(`/v1/waves/${waveId}/survey-links`)
        .set('Authorization', admin())
        .send({ subjectIds, ...changes });
    const answer = (token: string, body: object = { answers: [{ questionId: 'q_points', value: 5 }] }) =>
      http().post(`/v1/survey-links/${token}/response`).send(body);

    beforeAll(async () => {
      const questionnaireId = await questionnaire('commercial', commercialV1);
      waveId = await wave(
        questionnaireId,
        'commercial',
        '2026-11',
        [...merchants, ...members],
        [
          { project: 'SZ-MIXC-01', stage: 'merchant', size: 3 },
          { project: 'SZ-MIXC-01', stage: 'member', size: 4 },
        ],
      );
    });

    it('records a merchant interview face to face; a repeated key answers the first, a second complete 409', async () => {
      const recorded = await interview(waveId, merchantInterview('s0')).set('Idempotency-Key', 'visit-s0').expect(201);
      expect(recorded.body).toMatchObject({
        waveId,
        subjectId: subject('s0'),
        stage: 'merchant',
        channel: 'face_to_face',
        interviewerId: 'interviewer-7',
        disposition: 'complete',
        answers: [{ questionId: 'q_operations', dimension: 'commercial_operations', value: 4 }],
      });
      const before = await eventCount();
      const replay = await interview(waveId, merchantInterview('s0')).set('Idempotency-Key', 'visit-s0').expect(201);
      expect(replay.headers['idempotent-replayed']).toBe('true');
      expect(replay.body.responseId).toBe(recorded.body.responseId);

      const twice = await interview(waveId, merchantInterview('s0')).expect(409);
      expect(twice.headers['content-type']).toMatch(/^application\/problem\+json/);
      expect(twice.body).toMatchObject({
        code: 'SURVEY_RESPONSE.CASE_CLOSED',
        reason: 'already_completed',
        currentDisposition: 'complete',
      });
      const outOfRange = await interview(waveId, merchantInterview('s1', 6)).expect(422);
      expect(outOfRange.body).toMatchObject({
        code: 'SURVEY_RESPONSE.REFUSED',
        reason: 'rating_out_of_range',
        field: 'answers[0].value',
      });
      const stranger = await interview(waveId, { ...merchantInterview('s1'), subjectId: 'subj_nobody00000' }).expect(
        422,
      );
      expect(stranger.body).toMatchObject({ reason: 'not_in_sample' });
      expect(await eventCount()).toBe(before);
    });

    it('records one complete of two interviews racing for the same merchant; the other is refused (409)', async () => {
      const raced = await Promise.all([
        interview(waveId, merchantInterview('s2')),
        interview(waveId, merchantInterview('s2', 3)),
      ]);
      expect(raced.map((r) => r.status).sort()).toEqual([201, 409]);
      const cases = await pool.query('SELECT outcomes FROM survey_cases WHERE wave_id = $1 AND subject_id = $2', [
        waveId,
        subject('s2'),
      ]);
      expect(cases.rows).toEqual([{ outcomes: 1 }]);
    });

    it('records a consumer intercept outside the sample, counted apart from the response rate', async () => {
      const intercept = await interview(waveId, {
        site: { project: 'SZ-MIXC-01', region: 'south-china' },
        disposition: 'complete',
        respondedAt: calledAt,
        answers: [{ questionId: 'q_mall', value: 8 }],
      }).expect(201);
      expect(intercept.body).toMatchObject({
        subjectId: null,
        stage: 'consumer',
        channel: 'intercept',
        project: 'SZ-MIXC-01',
      });
      const wave = await summary(waveId);
      expect(wave.intercepts).toEqual({ complete: 1, partial: 0, refusal: 0 });
      expect(wave.dispositions).toMatchObject({ sampled: 7, complete: 2 });
    });

    it('issues single-use links to sampled members; a link answers once (409 the second time)', async () => {
      const refused = await issue([subject('b0'), subject('zz')]).expect(422);
      expect(refused.body).toMatchObject({ code: 'SURVEY_WAVE.RULE_VIOLATED', subjectId: subject('zz') });

      const issued = await issue([subject('b0'), subject('b1')]).expect(200);
      expect(issued.headers['cache-control']).toBe('no-store');
      expect(issued.body).toMatchObject({ waveId, alreadyLinked: [] });
      expect(issued.body.issued).toHaveLength(2);
      const [b0, b1] = issued.body.issued as { token: string; linkId: string; path: string; expiresAt: string }[];
      expect(b0.path).toBe(`/v1/survey-links/${b0.token}`);
      expect(b0.expiresAt).toBe('2026-11-23T04:00:00.000Z');
      const stored = await pool.query('SELECT token_hash FROM survey_links WHERE link_id = $1', [b0.linkId]);
      expect(stored.rows[0].token_hash).toMatch(/^[0-9a-f]{64}$/);
      expect(stored.rows[0].token_hash).not.toContain(b0.token);

      const again = await issue([subject('b0'), subject('b2')]).expect(200);
      expect(again.body.alreadyLinked).toEqual([subject('b0')]);
      expect(again.body.issued.map((l: { subjectId: string }) => l.subjectId)).toEqual([subject('b2')]);

      const form = await http().get(`/v1/survey-links/${b0.token}`).expect(200);
      expect(form.body).toMatchObject({ period: '2026-11', stage: 'member', expiresAt: b0.expiresAt });
      expect(form.body.questions.map((q: { questionId: string }) => q.questionId)).toEqual([
        'q_points',
        'q_member_note',
      ]);

      const answered = await answer(b0.token, {
        answers: [
          { questionId: 'q_points', value: 5 },
          { questionId: 'q_member_note', value: 'Text me at 138 0013 8000 — Mrs Wang' },
        ],
      }).expect(201);
      expect(answered.body).toMatchObject({
        subjectId: subject('b0'),
        channel: 'survey_link',
        linkId: b0.linkId,
        disposition: 'complete',
        hasFreeText: true,
      });
      const before = await eventCount();
      const twice = await answer(b0.token).expect(409);
      expect(twice.body).toMatchObject({ code: 'SURVEY_LINK.ALREADY_USED', linkId: b0.linkId });
      await http().get(`/v1/survey-links/${b0.token}`).expect(409);
      const unknown = await answer('not-a-token-anyone-was-given').expect(404);
      expect(unknown.body).toMatchObject({ code: 'SURVEY_LINK.NOT_FOUND' });
      expect(await eventCount()).toBe(before);

      const partial = await answer(b1.token, {
        answers: [{ questionId: 'q_points', value: 2 }],
        disposition: 'partial',
      });
      expect(partial.status).toBe(201);
      const [b2] = again.body.issued as { token: string }[];
      const raced = await Promise.all([answer(b2.token), answer(b2.token)]);
      expect(raced.map((r) => r.status).sort()).toEqual([201, 409]);
      const used = await pool.query('SELECT count(*) FROM survey_links WHERE wave_id = $1 AND used_at IS NOT NULL', [
        waveId,
      ]);
      expect(Number(used.rows[0].count)).toBe(3);
      tokens.push(b0.token, b1.token, b2.token);
    });

    it('refuses a link past its expiry (410), used or not', async () => {
      const issued = await issue([subject('b3')], { validForHours: 1 }).expect(200);
      const [b3] = issued.body.issued as { token: string }[];
      clock.advance(2 * 3_600_000);
      try {
        const expired = await answer(b3.token).expect(410);
        expect(expired.body).toMatchObject({ type: 'urn:cx:problem:survey-link-expired', code: 'SURVEY_LINK.EXPIRED' });
        await http().get(`/v1/survey-links/${b3.token}`).expect(410);
      } finally {
        clock.set(now);
      }
      const cases = await pool.query('SELECT count(*) FROM survey_cases WHERE subject_id = $1', [subject('b3')]);
      expect(Number(cases.rows[0].count)).toBe(0);
    });

    it('puts no free text, no token and no personal data on the topic', async () => {
      const hashes = (await pool.query('SELECT token_hash FROM survey_links')).rows.map((r) => r.token_hash as string);
      await onTopic(waveId, 7);
      // Nine from the vendor's batches, two merchants, an intercept and three members through their links.
      await eventually(() => {
        const responses = topic.messages.filter((m) => JSON.parse(m.value!).type === 'SurveyResponseRecorded');
        if (responses.length < 15) throw new Error(`${responses.length} responses on the topic yet`);
      }, 30_000);
      expect(tokens).toHaveLength(3);
      for (const message of topic.messages) {
        for (const secret of [...PERSONAL, ...tokens, ...hashes]) expect(message.value).not.toContain(secret);
      }
      const texts = await pool.query(`SELECT text FROM response_free_texts WHERE question_id = 'q_member_note'`);
      expect(texts.rows).toEqual([{ text: 'Text me at 138 0013 8000 — Mrs Wang' }]);
    });
  });

  describe('region and project scopes', () => {
    const shenzhen = ['z0', 'z1'].map((code) => customer(code, 'merchant', 'SZ-MIXC-01'));
    const shanghai = ['y0', 'y1'].map((code) => customer(code, 'merchant', 'SH-XINTIANDI-02'));
    const scoped = (scope: string, ...roles: Role[]) =>
      `Bearer ${signToken({ sub: 'scoped-1', name: 'scoped-1', roles, scope }, config.jwtSecret)}`;
    const south = () => scoped('region:south-china', 'interviewer', 'survey_vendor');
    const merchant = (code: string, disposition = 'complete') => ({
      subjectId: subject(code),
      disposition,
      respondedAt: calledAt,
      ...(disposition === 'complete' ? { answers: [{ questionId: 'q_operations', value: 4 }] } : {}),
    });
    const intercept = (project: string, region: string) => ({
      site: { project, region },
      disposition: 'refusal',
      respondedAt: calledAt,
    });
    let waveId: string;

    beforeAll(async () => {
      const questionnaireId = await questionnaire('commercial', commercialV1);
      waveId = await wave(
        questionnaireId,
        'commercial',
        '2026-12',
        [...shenzhen, ...shanghai],
        [
          { project: 'SH-XINTIANDI-02', stage: 'merchant', size: 2 },
          { project: 'SZ-MIXC-01', stage: 'merchant', size: 2 },
        ],
      );
    });

    it('lets a scoped interviewer or vendor record in its strata only: others are not sampled, a site elsewhere 403', async () => {
      const before = await eventCount();
      const elsewhere = await interview(waveId, merchant('y0'), south()).expect(422);
      expect(elsewhere.body).toMatchObject({ reason: 'not_in_sample', field: 'subjectId' });
      const nobody = await interview(waveId, { ...merchant('y0'), subjectId: 'subj_nobody00000' }, south()).expect(422);
      expect(elsewhere.body.detail.replace(subject('y0'), 'subj_nobody00000')).toBe(nobody.body.detail);
      const site = await interview(waveId, intercept('SH-XINTIANDI-02', 'east-china'), south()).expect(403);
      expect(site.body).toMatchObject({
        code: 'SURVEY_RESPONSE.OUTSIDE_CALLER_SCOPE',
        project: 'SH-XINTIANDI-02',
        scope: 'region:south-china',
      });
      const batch = await bulk(waveId, [merchant('z1'), merchant('y1', 'refusal')], south()).expect(200);
      expect(batch.body).toMatchObject({ accepted: 1, rejected: 1 });
      expect(batch.body.rejections).toEqual([
        expect.objectContaining({ row: 2, subjectId: subject('y1'), reason: 'not_in_sample' }),
      ]);
      expect(await eventCount()).toBe(before + 1);

      await interview(waveId, merchant('z0'), south()).expect(201);
      await interview(waveId, intercept('SZ-MIXC-01', 'south-china'), south()).expect(201);
      await interview(waveId, intercept('SH-XINTIANDI-02', 'east-china')).expect(201);
    });

    it('shows a scoped caller the sample members and the summary of its strata only', async () => {
      const sample = await http()
        .get(`/v1/waves/${waveId}/sample`)
        .set('Authorization', scoped('project:SH-XINTIANDI-02', 'interviewer'))
        .expect(200);
      expect(sample.body.sampleSize).toBe(4);
      expect(sample.body.members.map((m: { subjectId: string }) => m.subjectId).sort()).toEqual([
        subject('y0'),
        subject('y1'),
      ]);

      const mine = await http()
        .get(`/v1/waves/${waveId}/summary`)
        .set('Authorization', scoped('project:SZ-MIXC-01', 'manager'))
        .expect(200);
      expect(mine.body).toMatchObject({
        dispositions: { sampled: 2, complete: 2, notAttempted: 0 },
        responseRate: { rate: 1 },
        intercepts: { complete: 0, partial: 0, refusal: 1 },
      });
      expect(mine.body.strata.map((s: { project: string }) => s.project)).toEqual(['SZ-MIXC-01']);
      const whole = await summary(waveId);
      expect(whole).toMatchObject({
        dispositions: { sampled: 4, complete: 2, notAttempted: 2 },
        intercepts: { complete: 0, partial: 0, refusal: 2 },
      });
      expect(whole.strata).toHaveLength(2);
    });
  });

  it('records a vendor batch of 5,000 call outcomes in one request, one event each', async () => {
    const questionnaireId = await questionnaire('residential', residentialV1);
    const frame = Array.from({ length: 5_500 }, (_, n) =>
      customer(`big${String(n).padStart(5, '0')}`, 'delivery', 'BJ-CHAOYANG-01'),
    );
    const waveId = await wave(questionnaireId, 'residential', '2026-12', frame, [
      { project: 'BJ-CHAOYANG-01', stage: 'delivery', size: 5_000 },
    ]);
    const sample = (await http().get(`/v1/waves/${waveId}/sample`).set('Authorization', vendor()).expect(200)).body
      .members as { subjectId: string }[];
    const rows = sample.map(({ subjectId }, n) => ({
      subjectId,
      disposition: n % 4 === 0 ? 'non_contact' : 'complete',
      respondedAt: calledAt,
      ...(n % 4 === 0
        ? { attempts: 3 }
        : {
            answers: [
              { questionId: 'q_overall', value: n % 11 },
              { questionId: 'q_handover', value: (n % 5) + 1 },
            ],
          }),
    }));
    const batch = await bulk(waveId, rows).expect(200);
    expect(batch.body).toMatchObject({ rows: 5_000, accepted: 5_000, rejected: 0 });
    await onTopic(batch.body.submissionId, 5_000);
    expect((await summary(waveId)).responseRate).toMatchObject({
      completes: 3_750,
      eligibleOrUnknown: 5_000,
      rate: 0.75,
    });
  });
});
