import { randomUUID } from 'node:crypto';
import type { INestApplication } from '@nestjs/common';
import { signToken, Role } from '@cx/auth';
import { namespacedTopic, Topics } from '@cx/contracts';
import { createKafka } from '@cx/messaging';
import type { ServiceConfig } from '@cx/platform';
import { eventually, TcpProxy, testServiceConfig, TestDatabase } from '@cx/testing';
import { Partitioners } from 'kafkajs';
import request from 'supertest';
import { createComplaintsApp } from './complaints.app';

const complaint = {
  customerId: 'subj_7Hq2kLm9Xa',
  project: 'SH-PUDONG-07',
  region: 'east-china',
  category: 'housing_quality',
  severity: 'high',
  channel: 'hotline',
  description: 'Water leaks through the bathroom ceiling since delivery.',
};

interface Sample {
  name: string;
  labels: Record<string, string>;
  value: number;
}

/** The Prometheus text format, as a scraper reads it. */
function parseMetrics(text: string): Sample[] {
  return text
    .split('\n')
    .filter((line) => line && !line.startsWith('#'))
    .map((line) => {
      const match = /^([a-zA-Z_:][\w:]*)(?:\{(.*)\})? (\S+)$/.exec(line);
      if (!match) throw new Error(`not a sample: ${line}`);
      const labels = Object.fromEntries(
        [...(match[2] ?? '').matchAll(/(\w+)="((?:[^"\\]|\\.)*)"/g)].map(([, k, v]) => [k, v]),
      );
      return { name: match[1], labels, value: Number(match[3]) };
    });
}

/**
 * The operations surface of a running service: /metrics after real traffic, and /health/ready as the database
 * and the broker go away and come back (through TCP proxies the spec cuts).
 */
describe('complaints operations: metrics and readiness (real Postgres, real Kafka)', () => {
  let app: INestApplication;
  let config: ServiceConfig;
  let database: TestDatabase;
  let postgres: TcpProxy;
  let broker: TcpProxy;
  const token = (...roles: Role[]) =>
    `Bearer ${signToken({ sub: 'agent-7', name: 'Agent Seven', roles }, config.jwtSecret)}`;
  const http = () => request(app.getHttpServer());
  const scrape = async () => parseMetrics((await http().get('/metrics').expect(200)).text);
  const value = (samples: Sample[], name: string, labels: Record<string, string> = {}) =>
    samples
      .filter((s) => s.name === name && Object.entries(labels).every(([k, v]) => s.labels[k] === v))
      .reduce((sum, s) => sum + s.value, 0);

  beforeAll(async () => {
    ({ config, database } = await testServiceConfig('complaints'));
    const databaseUrl = new URL(config.databaseUrl);
    const [kafkaHost, kafkaPort] = config.kafkaBrokers[0].split(':');
    postgres = await new TcpProxy(databaseUrl.hostname, Number(databaseUrl.port || 5432)).start();
    broker = await new TcpProxy(kafkaHost, Number(kafkaPort)).start();
    databaseUrl.host = `127.0.0.1:${postgres.port}`;
    config = { ...config, databaseUrl: databaseUrl.toString(), kafkaBrokers: [`127.0.0.1:${broker.port}`] };
    app = await createComplaintsApp(config);
    await app.init();
  });

  afterAll(async () => {
    await app?.close();
    await postgres?.stop();
    await broker?.stop();
    await database?.drop();
  });

  it('exports commands by type, appends, relay and consumer lag, dead letters and HTTP latency', async () => {
    const filed = [];
    for (let i = 0; i < 2; i++) {
      const { body } = await http().post('/v1/complaints').set('Authorization', token('agent')).send(complaint);
      filed.push(body.complaintId as string);
    }
    await http().post(`/v1/complaints/${filed[0]}/acknowledgement`).set('Authorization', token('agent')).expect(200);
    const refused = await http()
      .post(`/v1/complaints/${filed[0]}/acknowledgement`)
      .set('Authorization', token('agent'));
    expect(refused.status).toBeGreaterThanOrEqual(400);
    await http().post('/v1/complaints').set('Authorization', token('agent')).send({}).expect(400);

    // A message the erasure consumer cannot read: it goes to the dead-letter topic.
    const kafka = createKafka(config.kafkaBrokers, 'operations-spec', {
      debug: () => undefined,
      info: () => undefined,
      warn: () => undefined,
      error: () => undefined,
    });
    const producer = kafka.producer({ createPartitioner: Partitioners.DefaultPartitioner });
    await producer.connect();
    await producer.send({
      topic: namespacedTopic(Topics.confidentiality, config.topicNamespace),
      messages: [{ key: 'subj_garbled', value: '{ not json' }],
    });
    // And one it applies: the delay from its publication to the applying commit is observed.
    const erasedAt = new Date().toISOString();
    await producer.send({
      topic: namespacedTopic(Topics.confidentiality, config.topicNamespace),
      messages: [
        {
          key: 'subj_opserased01',
          value: JSON.stringify({
            id: randomUUID(),
            type: 'SubjectErased',
            schemaVersion: 1,
            streamId: 'subj_opserased01',
            streamType: 'Subject',
            streamVersion: 2,
            position: '7',
            occurredAt: erasedAt,
            correlationId: 'operations-erasure',
            causationId: null,
            actor: { type: 'user', id: 'dpo-1' },
            data: { subjectId: 'subj_opserased01', ground: 'subject_request', erasedAt },
          }),
        },
      ],
    });
    await producer.disconnect();

    const group = `${config.topicNamespace}.complaints`;
    const samples = await eventually(async () => {
      const current = await scrape();
      expect(value(current, 'relay_events_published_total')).toBe(3);
      expect(value(current, 'relay_lag_events')).toBe(0);
      expect(value(current, 'consumer_events_total', { group, outcome: 'dead_lettered' })).toBe(1);
      expect(value(current, 'consumer_events_total', { group, outcome: 'applied' })).toBe(1);
      return current;
    });

    expect(value(samples, 'commands_handled_total', { stream_type: 'Complaint', command: 'FileComplaint' })).toBe(2);
    expect(value(samples, 'commands_handled_total', { command: 'AcknowledgeComplaint' })).toBe(1);
    const failed = samples.filter((s) => s.name === 'commands_failed_total');
    expect(failed).toEqual([
      {
        name: 'commands_failed_total',
        labels: {
          stream_type: 'Complaint',
          command: 'AcknowledgeComplaint',
          reason: expect.stringMatching(/^COMPLAINT\./),
        },
        value: 1,
      },
    ]);
    expect(value(samples, 'events_appended_total', { stream_type: 'Complaint', type: 'ComplaintFiled' })).toBe(2);
    expect(value(samples, 'events_appended_total', { type: 'ComplaintAcknowledged' })).toBe(1);
    expect(value(samples, 'relay_lag_seconds')).toBe(0);

    const confidentiality = namespacedTopic(Topics.confidentiality, config.topicNamespace);
    const lag = samples.filter((s) => s.name === 'consumer_lag' && s.labels.group === group);
    expect(lag.map((s) => [s.labels.group, s.labels.topic, s.labels.partition]).sort()).toEqual([
      [group, confidentiality, '0'],
      [group, confidentiality, '1'],
      [group, confidentiality, '2'],
    ]);
    await eventually(async () => expect(value(await scrape(), 'consumer_lag', { group })).toBe(0));
    expect(value(samples, 'dlq_messages', { group, topic: `cx.dlq.${group}` })).toBe(1);
    expect(value(samples, 'consumer_apply_delay_seconds_count', { group })).toBe(1);
    expect(value(samples, 'consumer_apply_delay_seconds_bucket', { group, le: '+Inf' })).toBe(1);

    const created = { method: 'POST', route: '/v1/complaints', status: '201' };
    expect(value(samples, 'http_request_duration_seconds_count', created)).toBe(2);
    expect(value(samples, 'http_request_duration_seconds_count', { ...created, status: '400' })).toBe(1);
    const seconds = value(samples, 'http_request_duration_seconds_sum', created);
    expect(seconds).toBeGreaterThan(0);
    expect(seconds).toBeLessThan(10);
    expect(value(samples, 'http_request_duration_seconds_bucket', { ...created, le: '+Inf' })).toBe(2);
  });

  it('is not ready while the database is gone, nor while the broker is, and ready again when they return', async () => {
    await http().get('/health/ready').expect(200);

    await postgres.cut();
    const withoutDatabase = await http().get('/health/ready').expect(503);
    expect(withoutDatabase.body.detail).toMatch(/"database":"down/);
    expect(withoutDatabase.body.detail).toMatch(/"kafka":"up"/);
    await http().get('/health/live').expect(200);
    await http().get('/metrics').expect(200);
    await postgres.start();
    await eventually(() => http().get('/health/ready').expect(200));

    await broker.cut();
    const withoutBroker = await http().get('/health/ready').expect(503);
    expect(withoutBroker.body.detail).toMatch(/"kafka":"down/);
    expect(withoutBroker.body.detail).toMatch(/"database":"up"/);
    await broker.start();
    await eventually(() => http().get('/health/ready').expect(200));
  });
});
