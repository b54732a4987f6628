import type { INestApplication } from '@nestjs/common';
import { signToken, Role } from '@cx/auth';
import { namespacedTopic, Topics } from '@cx/contracts';
import { EventRelay } from '@cx/event-store';
import { KafkaEventPublisher } from '@cx/messaging';
import { EVENT_RELAY, ServiceConfig } from '@cx/platform';
import { eventually, testServiceConfig, TestDatabase, TopicReader } from '@cx/testing';
import { Client, Pool } from 'pg';
import request from 'supertest';
import { createComplaintsApp } from '../../services/complaints/src/complaints.app';
import { createProjectionsApp } from '../../services/projections/src/projections.app';

const complaint = (channel = 'hotline') => ({
  customerId: 'subj_7Hq2kLm9Xa',
  project: 'SH-PUDONG-07',
  region: 'east-china',
  category: 'delivery',
  severity: 'high',
  channel,
  description: 'Handover postponed twice without notice.',
});
const silent = { info: () => undefined, warn: () => undefined, error: () => undefined };

describe('complaint -> event store -> Kafka -> CEO escalation view', () => {
  let complaints: INestApplication;
  let projections: INestApplication;
  let complaintsConfig: ServiceConfig;
  let projectionsConfig: ServiceConfig;
  const databases: TestDatabase[] = [];
  let complaintsDb: Pool;
  let reporting: Pool;
  let topic: TopicReader;

  const token = (...roles: Role[]) =>
    `Bearer ${signToken({ sub: 'u-1', name: 'Test user', roles }, complaintsConfig.jwtSecret)}`;
  const file = async (channel = 'hotline'): Promise<string> =>
    (
      await request(complaints.getHttpServer())
        .post('/v1/complaints')
        .set('Authorization', token('agent'))
        .send(complaint(channel))
        .expect(201)
    ).body.complaintId;
  const escalate = (id: string) =>
    request(complaints.getHttpServer())
      .post(`/v1/complaints/${id}/escalations`)
      .set('Authorization', token('manager'))
      .send({ reason: 'Not handled in time' })
      .expect(200);
  const ceoView = async () =>
    (
      await request(projections.getHttpServer())
        .get('/v1/ceo/escalations?limit=500')
        .set('Authorization', token('ceo_office'))
        .expect(200)
    ).body;
  const readModelRows = async (id: string) =>
    (await reporting.query('SELECT * FROM reporting.complaint_escalations_v1 WHERE complaint_id = $1', [id])).rows;

  beforeAll(async () => {
    const c = await testServiceConfig('complaints');
    const namespace = c.config.topicNamespace;
    const p = await testServiceConfig('projections', { topicNamespace: namespace });
    complaintsConfig = c.config;
    projectionsConfig = p.config;
    databases.push(c.database, p.database);
    complaints = await createComplaintsApp(complaintsConfig);
    await complaints.init();
    projections = await createProjectionsApp(projectionsConfig);
    await projections.init();
    complaintsDb = new Pool({ connectionString: complaintsConfig.databaseUrl });
    reporting = new Pool({ connectionString: projectionsConfig.databaseUrl });
    topic = await new TopicReader(complaintsConfig.kafkaBrokers, namespacedTopic(Topics.complaints, namespace)).start();
  });

  afterAll(async () => {
    await topic?.stop();
    await complaintsDb?.end();
    await reporting?.end();
    await projections?.close();
    await complaints?.close();
    for (const d of databases) await d.drop();
  });

  it('shows a ceo_direct complaint in the CEO view over REST and in reporting.ceo_escalations over SQL', async () => {
    const id = await file('ceo_direct');

    const stored = await complaintsDb.query('SELECT event_id FROM events WHERE stream_id = $1', [id]);
    expect(stored.rows).toHaveLength(1);
    await eventually(() => expect(topic.messages.some((m) => m.value?.includes(stored.rows[0].event_id))).toBe(true));

    const item = await eventually(async () => {
      const found = (await ceoView()).items.find((i: { complaintId: string }) => i.complaintId === id);
      if (!found) throw new Error('not in the CEO view yet');
      return found;
    });
    expect(item).toMatchObject({ channel: 'ceo_direct', escalationTrail: [{ level: 'ceo_office', reason: null }] });
    expect(item.ageSeconds).toBeGreaterThanOrEqual(0);

    const url = new URL(projectionsConfig.databaseUrl);
    url.username = 'bi_reader';
    const bi = new Client({ connectionString: url.toString() });
    await bi.connect();
    try {
      const { rows } = await bi.query(
        'SELECT complaint_id, escalation_level FROM reporting.ceo_escalations WHERE complaint_id = $1',
        [id],
      );
      expect(rows).toEqual([{ complaint_id: id, escalation_level: 'ceo_office' }]);
    } finally {
      await bi.end();
    }
  });

  it('brings a complaint escalated up the whole ladder into the view with its trail, oldest first, and drops it when resolved', async () => {
    const older = await file('ceo_direct');
    const id = await file();
    for (let i = 0; i < 4; i++) await escalate(id);

    await eventually(async () => {
      const ids = (await ceoView()).items.map((i: { complaintId: string }) => i.complaintId);
      expect(ids).toContain(id);
      expect(ids.indexOf(older)).toBeLessThan(ids.indexOf(id));
    });
    const item = (await ceoView()).items.find((i: { complaintId: string }) => i.complaintId === id);
    expect(item.escalationTrail.map((s: { level: string }) => s.level)).toEqual([
      'frontline',
      'project',
      'region',
      'group_service',
      'ceo_office',
    ]);

    await request(complaints.getHttpServer())
      .post(`/v1/complaints/${id}/assignment`)
      .set('Authorization', token('ceo_office'))
      .send({ handlerId: 'regional-director-east' })
      .expect(200);
    await request(complaints.getHttpServer())
      .post(`/v1/complaints/${id}/resolution`)
      .set('Authorization', token('ceo_office'))
      .send({ outcome: 'compensated' })
      .expect(200);
    await eventually(async () => {
      expect((await ceoView()).items.map((i: { complaintId: string }) => i.complaintId)).not.toContain(id);
    });
  });

  it('delivers every event in order per stream after the relay is stopped mid-stream and restarted, and projects each complaint once', async () => {
    const relay = complaints.get<EventRelay>(EVENT_RELAY);
    const ids: string[] = [];
    const work = async (n: number) => {
      for (let i = 0; i < n; i++) {
        const id = await file();
        ids.push(id);
        await escalate(id);
      }
    };
    const busy = work(10);
    await eventually(() => expect(ids.length).toBeGreaterThanOrEqual(3), 20_000, 10);
    await relay.stop();
    await busy;
    await work(5);
    relay.start();

    const eventIds = (
      await complaintsDb.query('SELECT event_id FROM events WHERE stream_id = ANY($1)', [ids])
    ).rows.map((r) => r.event_id);
    expect(eventIds).toHaveLength(ids.length * 2);
    await eventually(() => {
      const seen = new Set(topic.messages.map((m) => JSON.parse(m.value!).id));
      expect(eventIds.filter((e) => !seen.has(e))).toEqual([]);
    });
    for (const id of ids) {
      const versions = topic.messages.filter((m) => m.key === id).map((m) => JSON.parse(m.value!).streamVersion);
      expect(versions).toEqual([1, 2]);
    }
    await eventually(async () => {
      const { rows } = await reporting.query(
        'SELECT complaint_id, last_stream_version FROM reporting.complaint_escalations_v1 WHERE complaint_id = ANY($1)',
        [ids],
      );
      expect(rows).toHaveLength(ids.length);
      expect(rows.every((r) => r.last_stream_version === 2)).toBe(true);
    });
  });

  it('republishes a batch after a crash between publish and checkpoint, and the projection applies it once', async () => {
    const relay = complaints.get<EventRelay>(EVENT_RELAY);
    await relay.stop();
    const id = await file();
    const [{ event_id: eventId }] = (await complaintsDb.query('SELECT event_id FROM events WHERE stream_id = $1', [id]))
      .rows;

    const publisher = complaints.get(KafkaEventPublisher);
    let crashes = 1;
    const crashing = new EventRelay(
      complaintsDb,
      async (events) => {
        await publisher.publish(events);
        if (crashes-- > 0) throw new Error('process died before the checkpoint was written');
      },
      {
        name: 'complaints-relay',
        leaderConnection: { connectionString: complaintsConfig.databaseUrl },
        logger: silent,
      },
    );
    // Until no transaction anywhere in the cluster holds pg_snapshot_xmin below the filing, the relay sees nothing
    // to publish (0, no crash): ask again until the batch is published and the crash happens.
    await eventually(() => expect(crashing.publishPending()).rejects.toThrow(/checkpoint/), 60_000);
    await crashing.publishPending();
    relay.start();

    await eventually(() => expect(topic.messages.filter((m) => m.key === id)).toHaveLength(2));
    const marker = await file();
    await eventually(async () => expect(await readModelRows(marker)).toHaveLength(1));
    const rows = await readModelRows(id);
    expect(rows).toHaveLength(1);
    expect(rows[0].last_stream_version).toBe(1);
    const processed = await reporting.query('SELECT count(*) FROM processed_events WHERE event_id = $1', [eventId]);
    expect(Number(processed.rows[0].count)).toBe(1);
  });
});
