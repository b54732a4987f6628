import type { INestApplication } from '@nestjs/common';
import { signToken } from '@cx/auth';
import { namespacedTopic, Topics } from '@cx/contracts';
import { ManualClock, ServiceConfig } from '@cx/platform';
import { eventually, testServiceConfig, TestDatabase, TopicReader } from '@cx/testing';
import { Pool } from 'pg';
import request from 'supertest';
import { createComplaintsApp } from './complaints.app';
import { SlaScheduler } from './infrastructure/sla-scheduler';

const HOUR = 3_600_000;
const beijing = (local: string) => new Date(`${local}+08:00`);
// High severity, housing quality: 2 business hours to acknowledge (at risk after 1.5 h).
const complaint = {
  customerId: 'subj_7Hq2kLm9Xa',
  project: 'SH-PUDONG-07',
  region: 'east-china',
  category: 'housing_quality',
  severity: 'high',
  channel: 'hotline',
  description: 'Cracks in the living-room wall.',
};

describe('SLA clocks driven by the scheduler (real Postgres and Kafka, time moved by hand)', () => {
  let config: ServiceConfig;
  let database: TestDatabase;
  let pool: Pool;
  let topic: TopicReader;
  const clock = new ManualClock(beijing('2026-11-25T10:00:00'));
  const open: INestApplication[] = [];

  const start = async () => {
    // The interval is an hour of real time: in this spec only explicit ticks and the start-up tick run.
    const app = await createComplaintsApp(config, { clock, slaCheckIntervalMs: HOUR });
    await app.init();
    open.push(app);
    return app;
  };
  const stop = async (app: INestApplication) => {
    await app.close();
    open.splice(open.indexOf(app), 1);
  };
  const token = () => `Bearer ${signToken({ sub: 'agent-1', name: 'Agent', roles: ['agent'] }, config.jwtSecret)}`;
  const file = async (app: INestApplication) =>
    (
      await request(app.getHttpServer())
        .post('/v1/complaints')
        .set('Authorization', token())
        .send(complaint)
        .expect(201)
    ).body.complaintId as string;
  const eventsOf = async (id: string) =>
    (await pool.query('SELECT type, data, metadata FROM events WHERE stream_id = $1 ORDER BY stream_version', [id]))
      .rows;

  beforeAll(async () => {
    ({ config, database } = await testServiceConfig('complaints_sla'));
    pool = new Pool({ connectionString: config.databaseUrl });
    topic = await new TopicReader(
      config.kafkaBrokers,
      namespacedTopic(Topics.complaints, config.topicNamespace),
    ).start();
  });

  afterAll(async () => {
    for (const app of [...open]) await stop(app);
    await topic?.stop();
    await pool?.end();
    await database?.drop();
  });

  it('flags at risk at 75%, then breaches and escalates automatically, visible on Kafka and in the API', async () => {
    clock.set(beijing('2026-11-25T10:00:00'));
    const app = await start();
    const scheduler = app.get(SlaScheduler);
    const id = await file(app);

    clock.advance(1.5 * HOUR);
    await scheduler.tick();
    expect((await eventsOf(id)).map((e) => e.type)).toEqual(['ComplaintFiled', 'ComplaintSlaAtRisk']);

    clock.advance(0.5 * HOUR);
    await scheduler.tick();
    const events = await eventsOf(id);
    expect(events.map((e) => e.type)).toEqual([
      'ComplaintFiled',
      'ComplaintSlaAtRisk',
      'ComplaintSlaBreached',
      'ComplaintEscalated',
    ]);
    expect(events[2].data).toMatchObject({ target: 'acknowledgement', escalationLevel: 'frontline' });
    expect(events[3].data).toMatchObject({ fromLevel: 'frontline', toLevel: 'project' });
    expect(events[3].metadata.actor).toEqual({ type: 'system', id: 'sla-scheduler' });

    const view = await request(app.getHttpServer())
      .get(`/v1/complaints/${id}`)
      .set('Authorization', token())
      .expect(200);
    expect(view.body).toMatchObject({ escalationLevel: 'project', slaState: 'breached' });
    await eventually(() =>
      expect(topic.messages.filter((m) => m.key === id).map((m) => m.headers['event-type'])).toContain(
        'ComplaintSlaBreached',
      ),
    );

    await scheduler.tick();
    expect(await eventsOf(id)).toHaveLength(4);
    await stop(app);
  });

  it('fires every overdue deadline once at start-up, never twice across restarts or concurrent ticks', async () => {
    clock.set(beijing('2026-11-26T10:00:00'));
    const first = await start();
    const ids = [await file(first), await file(first), await file(first)];
    await stop(first);

    clock.advance(3 * HOUR);
    const second = await start();
    for (const id of ids) {
      expect((await eventsOf(id)).map((e) => e.type)).toEqual([
        'ComplaintFiled',
        'ComplaintSlaBreached',
        'ComplaintEscalated',
      ]);
    }
    await Promise.all([second.get(SlaScheduler).tick(), second.get(SlaScheduler).tick()]);
    await stop(second);

    const third = await start();
    await third.get(SlaScheduler).tick();
    for (const id of ids) expect(await eventsOf(id)).toHaveLength(3);
    await stop(third);
  });

  it('stops counting while paused and honours the paused time after resuming', async () => {
    clock.set(beijing('2026-11-27T10:00:00'));
    const app = await start();
    const id = await file(app);
    const post = (path: string, body: object = {}) =>
      request(app.getHttpServer()).post(`/v1/complaints/${id}/${path}`).set('Authorization', token()).send(body);

    clock.advance(0.5 * HOUR);
    await post('clock/pause', { reason: 'awaiting_customer' }).expect(200);
    clock.advance(5 * HOUR);
    await app.get(SlaScheduler).tick();
    expect((await eventsOf(id)).map((e) => e.type)).toEqual(['ComplaintFiled', 'ComplaintClockPaused']);

    await post('clock/resume').expect(200);
    const view = await request(app.getHttpServer())
      .get(`/v1/complaints/${id}`)
      .set('Authorization', token())
      .expect(200);
    const acknowledgement = view.body.slaClocks.find((c: { target: string }) => c.target === 'acknowledgement');
    expect(acknowledgement.deadline).toBe(beijing('2026-11-27T17:00:00').toISOString());
    await post('clock/resume').expect(409);
    await stop(app);
  });
});
