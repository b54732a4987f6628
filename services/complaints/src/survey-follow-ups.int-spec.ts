import type { INestApplication } from '@nestjs/common';
import { signToken } from '@cx/auth';
import { EventEnvelope, namespacedTopic, Topics } from '@cx/contracts';
import { createKafka, ensureTopics } from '@cx/messaging';
import type { ServiceConfig } from '@cx/platform';
import { eventually, testServiceConfig, TestDatabase, TopicReader } from '@cx/testing';
import { Partitioners, Producer } from 'kafkajs';
import { randomUUID } from 'node:crypto';
import { Pool } from 'pg';
import request from 'supertest';
import { SURVEY_FOLLOW_UPS_CONSUMER_GROUP } from './commands/file-survey-follow-up/survey-follow-up.saga';
import { createComplaintsApp } from './complaints.app';
import { followUpComplaintId } from './domain/survey-follow-up/survey-follow-up';

const silent = { debug: () => undefined, info: () => undefined, warn: () => undefined, error: () => undefined };

const recorded = (subjectId: string | null, answers: object[], changes: object = {}): EventEnvelope => {
  const submissionId = randomUUID();
  return {
    id: randomUUID(),
    type: 'SurveyResponseRecorded',
    schemaVersion: 1,
    streamId: submissionId,
    streamType: 'SurveyResponseSubmission',
    streamVersion: 1,
    position: '1',
    occurredAt: '2026-11-19T08:00:00.000Z',
    correlationId: randomUUID(),
    causationId: null,
    actor: { type: 'user', id: 'vendor-1' },
    data: {
      submissionId,
      responseId: randomUUID(),
      waveId: randomUUID(),
      period: '2026-11',
      projectType: 'residential',
      questionnaireId: randomUUID(),
      questionnaireVersion: 1,
      subjectId,
      project: 'SH-PUDONG-07',
      region: 'east-china',
      stage: 'post_delivery',
      channel: 'phone',
      disposition: 'complete',
      attempts: 1,
      outcomeSequence: 1,
      answers,
      hasFreeText: false,
      freeTextDimensions: [],
      interviewerId: null,
      linkId: null,
      respondedAt: '2026-11-19T07:30:00.000Z',
      recordedAt: '2026-11-19T07:35:00.000Z',
      ...changes,
    },
  };
};
const handling = (value: number, type = 'rating_1_5') => ({
  questionId: 'q_complaints',
  dimension: 'complaint_handling',
  stage: 'post_delivery',
  type,
  value,
});
const responseIdOf = (e: EventEnvelope) => (e.data as { responseId: string }).responseId;

/** Rated 1 of 5; 3 of 10; 4 of 5 (fine); a free text on complaint handling; an intercept rating 1 (nobody to call). */
const low = recorded('subj_case0001', [handling(1)]);
const lowOfTen = recorded('subj_case0002', [handling(3, 'rating_0_10')]);
const fine = recorded('subj_case0003', [handling(4)]);
const freeText = recorded('subj_case0004', [], { hasFreeText: true, freeTextDimensions: ['complaint_handling'] });
const intercept = recorded(null, [handling(1)], { stage: 'consumer', projectType: 'commercial', channel: 'intercept' });
/** The same response again under another event id, as a replay would bring it past the consumer's own memory. */
const replayed = { ...low, id: randomUUID() };

describe('survey follow-ups: closing the loop (real Kafka, real Postgres)', () => {
  let app: INestApplication;
  let config: ServiceConfig;
  let database: TestDatabase;
  let pool: Pool;
  let producer: Producer;
  let complaintsTopic: TopicReader;
  let surveysTopic: string;
  const agent = () => `Bearer ${signToken({ sub: 'agent-1', name: 'Agent', roles: ['agent'] }, config.jwtSecret)}`;
  const filed = async (responseId: string) =>
    (
      await pool.query(`SELECT count(*)::int AS n FROM events WHERE type = 'ComplaintFiled' AND stream_id = $1`, [
        followUpComplaintId(responseId),
      ])
    ).rows[0].n;
  const produce = (events: EventEnvelope[]) =>
    producer.send({
      topic: surveysTopic,
      acks: -1,
      messages: events.map((e) => ({ key: e.streamId, value: JSON.stringify(e) })),
    });
  const handled = (events: EventEnvelope[]) =>
    eventually(async () => {
      const { rows } = await pool.query(
        'SELECT count(*)::int AS n FROM processed_events WHERE consumer_group = $1 AND event_id = ANY($2)',
        [`${config.topicNamespace}.${SURVEY_FOLLOW_UPS_CONSUMER_GROUP}`, events.map((e) => e.id)],
      );
      expect(rows[0].n).toBe(new Set(events.map((e) => e.id)).size);
    }, 30_000);

  beforeAll(async () => {
    ({ config, database } = await testServiceConfig('complaints'));
    surveysTopic = namespacedTopic(Topics.surveys, config.topicNamespace);
    const kafka = createKafka(config.kafkaBrokers, 'follow-up-test', silent);
    await ensureTopics(kafka, [{ topic: surveysTopic }]);
    producer = kafka.producer({ createPartitioner: Partitioners.DefaultPartitioner });
    await producer.connect();
    complaintsTopic = await new TopicReader(
      config.kafkaBrokers,
      namespacedTopic(Topics.complaints, config.topicNamespace),
    ).start();
    app = await createComplaintsApp(config, { slaCheckIntervalMs: 3_600_000 });
    await app.init();
    pool = new Pool({ connectionString: config.databaseUrl });
  });

  afterAll(async () => {
    await producer?.disconnect();
    await complaintsTopic?.stop();
    await pool?.end();
    await app?.close();
    await database?.drop();
  });

  it('files the follow-up complaint exactly once when the survey event is delivered twice', async () => {
    await produce([low, low]);
    await handled([low]);
    await produce([replayed]);
    await handled([replayed]);
    expect(await filed(responseIdOf(low))).toBe(1);
    const complaintId = followUpComplaintId(responseIdOf(low));
    const onTopic = await eventually(() => {
      const found = complaintsTopic.messages.filter((m) => m.key === complaintId);
      if (found.length === 0) throw new Error('not on the topic yet');
      return found.map((m) => JSON.parse(m.value!));
    }, 30_000);
    expect(onTopic).toHaveLength(1);
    expect(onTopic[0]).toMatchObject({
      type: 'ComplaintFiled',
      causationId: low.id,
      correlationId: low.correlationId,
      actor: { type: 'system', id: 'survey-follow-up' },
      data: {
        complaintId,
        customerId: 'subj_case0001',
        project: 'SH-PUDONG-07',
        region: 'east-china',
        category: 'maintenance',
        severity: 'medium',
        channel: 'survey_follow_up',
        escalationLevel: 'frontline',
        surveyResponseId: responseIdOf(low),
      },
    });
  });

  it('shows the survey response on the complaint, and says why in words that are not the customer’s', async () => {
    const complaint = await request(app.getHttpServer())
      .get(`/v1/complaints/${followUpComplaintId(responseIdOf(low))}`)
      .set('Authorization', agent())
      .expect(200);
    expect(complaint.body).toMatchObject({
      status: 'registered',
      channel: 'survey_follow_up',
      surveyResponseId: responseIdOf(low),
    });
    expect(complaint.body.description).toBe(
      `Follow-up of survey response ${responseIdOf(low)} (residential wave 2026-11, post_delivery, phone): ` +
        'the customer rated complaint handling 1 of 5 (question q_complaints).',
    );
  });

  it('follows up a low 0-10 rating and a free-text complaint; not a fine rating, not an intercept', async () => {
    await produce([lowOfTen, fine, freeText, intercept]);
    await handled([lowOfTen, fine, freeText, intercept]);
    expect(await filed(responseIdOf(lowOfTen))).toBe(1);
    expect(await filed(responseIdOf(freeText))).toBe(1);
    expect(await filed(responseIdOf(fine))).toBe(0);
    expect(await filed(responseIdOf(intercept))).toBe(0);
  });
});
