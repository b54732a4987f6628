import type { INestApplication } from '@nestjs/common';
import { Role, signToken } from '@cx/auth';
import { EventEnvelope, namespacedTopic, Topics } from '@cx/contracts';
import { createKafka, ensureTopics } from '@cx/messaging';
import { ManualClock, ServiceConfig } from '@cx/platform';
import { eventually, testServiceConfig, TestDatabase, TopicReader } from '@cx/testing';
import { Partitioners, Producer } from 'kafkajs';
import { randomUUID } from 'node:crypto';
import request from 'supertest';
import { createSurveysApp } from './surveys.app';

const silent = { debug: () => undefined, info: () => undefined, warn: () => undefined, error: () => undefined };
const calledAt = '2026-11-19T07:30:00.000Z';
const question = (questionId: string, dimension: string, type: string) => ({
  questionId,
  text: `Question about ${dimension.replace(/_/g, ' ')}`,
  type,
  stage: 'post_delivery',
  dimension,
  required: false,
});
const customer = (code: string) => ({
  subjectId: `subj_${code}00000000`,
  project: 'SH-PUDONG-07',
  region: 'east-china',
  stage: 'post_delivery',
});

const complete = (code: string, answers: object[]) => ({
  subjectId: customer(code).subjectId,
  disposition: 'complete',
  respondedAt: calledAt,
  answers,
});

describe('survey follow-ups, the surveys side (real Postgres, real Kafka)', () => {
  let app: INestApplication;
  let config: ServiceConfig;
  let database: TestDatabase;
  let producer: Producer;
  let surveysTopic: TopicReader;
  const responseOf = new Map<string, string>();
  const as = (sub: string, ...roles: Role[]) => `Bearer ${signToken({ sub, name: sub, roles }, config.jwtSecret)}`;
  const admin = () => as('survey-admin-1', 'admin');
  const http = () => request(app.getHttpServer());
  const response = (code: string) =>
    http()
      .get(`/v1/survey-responses/${responseOf.get(code)}`)
      .set('Authorization', as('manager-1', 'manager'));

  beforeAll(async () => {
    ({ config, database } = await testServiceConfig('surveys'));
    const kafka = createKafka(config.kafkaBrokers, 'follow-up-links-test', silent);
    await ensureTopics(kafka, [{ topic: namespacedTopic(Topics.complaints, config.topicNamespace) }]);
    producer = kafka.producer({ createPartitioner: Partitioners.DefaultPartitioner });
    await producer.connect();
    surveysTopic = await new TopicReader(
      config.kafkaBrokers,
      namespacedTopic(Topics.surveys, config.topicNamespace),
    ).start();
    app = await createSurveysApp(config, { clock: new ManualClock(new Date('2026-11-20T04:00:00.000Z')) });
    await app.init();
    const created = await http()
      .post('/v1/questionnaires')
      .set('Authorization', admin())
      .send({
        title: 'Residential satisfaction',
        projectType: 'residential',
        questions: [
          question('q_complaints', 'complaint_handling', 'rating_1_5'),
          question('q_complaints_note', 'complaint_handling', 'free_text'),
        ],
      })
      .expect(201);
    const questionnaireId = created.body.questionnaireId;
    await http().post(`/v1/questionnaires/${questionnaireId}/versions/1/publication`).set('Authorization', admin());
    const planned = await http()
      .post('/v1/waves')
      .set('Authorization', admin())
      .send({ period: '2026-11', projectType: 'residential', questionnaireId, questionnaireVersion: 1 })
      .expect(201);
    const waveId = planned.body.waveId;
    await http()
      .put(`/v1/waves/${waveId}/frame`)
      .set('Authorization', admin())
      .send([customer('a1'), customer('a2')]);
    await http()
      .post(`/v1/waves/${waveId}/draw`)
      .set('Authorization', admin())
      .send({ quotas: [{ project: 'SH-PUDONG-07', stage: 'post_delivery', size: 2 }] })
      .expect(200);
    const batch = await http()
      .post(`/v1/waves/${waveId}/responses/bulk`)
      .set('Authorization', as('vendor-1', 'survey_vendor'))
      .send([
        complete('a1', [{ questionId: 'q_complaints', value: 1 }]),
        complete('a2', [
          { questionId: 'q_complaints', value: 4 },
          { questionId: 'q_complaints_note', value: 'Mrs Wang on 138 0013 8000 waited three weeks for a reply' },
        ]),
      ])
      .expect(200);
    responseOf.set('a1', batch.body.responses[0].responseId);
    responseOf.set('a2', batch.body.responses[1].responseId);
  });

  afterAll(async () => {
    await producer?.disconnect();
    await surveysTopic?.stop();
    await app?.close();
    await database?.drop();
  });

  it('tells the complaints service what a free text was about, never what it says', async () => {
    const recorded = await eventually(() => {
      const found = surveysTopic.messages
        .map((m) => JSON.parse(m.value!))
        .filter((e) => e.type === 'SurveyResponseRecorded' && e.data.responseId === responseOf.get('a2'));
      if (found.length === 0) throw new Error('not on the topic yet');
      return found[0];
    }, 60_000);
    expect(recorded.data).toMatchObject({ hasFreeText: true, freeTextDimensions: ['complaint_handling'] });
    expect(JSON.stringify(recorded)).not.toMatch(/Wang|138 0013/);
  });

  it('shows a response without a follow-up until the complaints service files one, then links to it', async () => {
    const before = await response('a1').expect(200);
    expect(before.body).toMatchObject({ responseId: responseOf.get('a1'), disposition: 'complete', followUp: null });
    const complaintId = randomUUID();
    const filed: EventEnvelope = {
      id: randomUUID(),
      type: 'ComplaintFiled',
      schemaVersion: 1,
      streamId: complaintId,
      streamType: 'Complaint',
      streamVersion: 1,
      position: '1',
      occurredAt: '2026-11-20T04:01:00.000Z',
      correlationId: randomUUID(),
      causationId: randomUUID(),
      actor: { type: 'system', id: 'survey-follow-up' },
      data: {
        complaintId,
        customerId: 'subj_a100000000',
        project: 'SH-PUDONG-07',
        region: 'east-china',
        category: 'maintenance',
        severity: 'medium',
        channel: 'survey_follow_up',
        escalationLevel: 'frontline',
        filedAt: '2026-11-20T04:01:00.000Z',
        surveyResponseId: responseOf.get('a1'),
      },
    };
    await producer.send({
      topic: namespacedTopic(Topics.complaints, config.topicNamespace),
      acks: -1,
      messages: [filed, filed].map((e) => ({ key: e.streamId, value: JSON.stringify(e) })),
    });
    await eventually(async () => {
      const after = await response('a1').expect(200);
      expect(after.body.followUp).toEqual({ complaintId, filedAt: '2026-11-20T04:01:00.000Z' });
    }, 30_000);
    expect((await response('a2').expect(200)).body.followUp).toBeNull();
    await http()
      .get(`/v1/survey-responses/${responseOf.get('a1')}`)
      .set(
        'Authorization',
        `Bearer ${signToken({ sub: 'm', name: 'm', roles: ['manager'], scope: 'region:south-china' }, config.jwtSecret)}`,
      )
      .expect(404);
    await http().get(`/v1/survey-responses/${randomUUID()}`).set('Authorization', admin()).expect(404);
  });
});
