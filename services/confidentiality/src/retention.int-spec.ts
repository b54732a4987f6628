import { randomBytes } from 'node:crypto';
import type { INestApplication } from '@nestjs/common';
import { signToken } from '@cx/auth';
import { namespacedTopic, Topics } from '@cx/contracts';
import { ManualClock, ServiceConfig } from '@cx/platform';
import { eventually, testServiceConfig, TestDatabase, TopicReader } from '@cx/testing';
import { Pool } from 'pg';
import request from 'supertest';
import { createConfidentialityApp } from './confidentiality.app';
import type { RetentionPolicy } from './domain/retention/retention-policy';
import { RetentionJob } from './infrastructure/jobs/retention-job';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
/** Contact data for a year, the ID number for two: a subject holding one is kept two years. */
const retentionPolicy: RetentionPolicy = {
  months: { name: 12, phone: 12, idNumber: 24, email: 12, address: 12 },
};
const vaultKeys = {
  masterKeys: new Map([['k1', randomBytes(32)]]),
  activeMasterKeyId: 'k1',
  indexKey: randomBytes(32),
};

describe('retention: expired subjects erased by a job on the clock, once, across restarts (real Postgres and Kafka)', () => {
  let config: ServiceConfig;
  let database: TestDatabase;
  let pool: Pool;
  let topic: TopicReader;
  const clock = new ManualClock(new Date('2026-01-10T02:00:00.000Z'));
  const open: INestApplication[] = [];
  let people = 0;
  /** Registered by the first spec, not yet due when it ends; the second follows them. */
  let withIdNumber: string;
  let registeredLater: string;

  const start = async () => {
    // The interval is an hour of real time: in this spec only explicit ticks and the start-up tick run.
    const app = await createConfidentialityApp(config, { clock, vaultKeys, retentionPolicy, jobIntervalMs: HOUR });
    await app.init();
    open.push(app);
    return app;
  };
  const stop = async (app: INestApplication) => {
    await app.close();
    open.splice(open.indexOf(app), 1);
  };
  const dpo = () => `Bearer ${signToken({ sub: 'dpo-1', name: 'DPO', roles: ['dpo'] }, config.jwtSecret)}`;
  const register = async (app: INestApplication, extra: object = {}) => {
    const n = ++people;
    const response = await request(app.getHttpServer())
      .post('/v1/subjects')
      .set('Authorization', dpo())
      .send({ name: `保留${n}`, phone: `136${String(n).padStart(8, '0')}`, ...extra })
      .expect(201);
    return response.body.subjectId as string;
  };
  const eventsOf = async (subjectId: string) =>
    (
      await pool.query('SELECT type, data, metadata FROM events WHERE stream_id = $1 ORDER BY stream_version', [
        subjectId,
      ])
    ).rows;
  const typesOf = async (subjectId: string) => (await eventsOf(subjectId)).map((e) => e.type);
  const keyRows = async (subjectId: string) =>
    (await pool.query('SELECT 1 FROM subject_keys WHERE subject_id = $1', [subjectId])).rowCount;

  beforeAll(async () => {
    ({ config, database } = await testServiceConfig('confidentiality_retention'));
    pool = new Pool({ connectionString: config.databaseUrl });
    topic = await new TopicReader(
      config.kafkaBrokers,
      namespacedTopic(Topics.confidentiality, config.topicNamespace),
    ).start();
  });

  afterAll(async () => {
    for (const app of [...open]) await stop(app);
    await topic?.stop();
    await pool?.end();
    await database?.drop();
  });

  it('erases an expired subject once across a restart, defers one under a legal hold until its release', async () => {
    const first = await start();
    const expired = await register(first);
    const held = await register(first);
    const hold = await request(first.getHttpServer())
      .post(`/v1/subjects/${held}/legal-holds`)
      .set('Authorization', dpo())
      .send({ reason: 'litigation', reference: '(2026)沪0115民初777号' })
      .expect(201);
    withIdNumber = await register(first, { idNumber: '11010519491231002X' });
    clock.advance(180 * DAY);
    registeredLater = await register(first);

    clock.set(new Date('2027-01-10T01:59:59.000Z'));
    await first.get(RetentionJob).tick();
    expect(await typesOf(expired)).toEqual(['SubjectRegistered']);
    await stop(first);

    // Down while the year runs out: the first tick at start-up does what fell due meanwhile.
    clock.set(new Date('2027-01-11T00:00:00.000Z'));
    const second = await start();
    const erasure = await eventsOf(expired);
    expect(erasure.map((e) => e.type)).toEqual(['SubjectRegistered', 'SubjectErased']);
    expect(erasure[1].data).toEqual({
      subjectId: expired,
      ground: 'retention_expired',
      erasedAt: clock.now().toISOString(),
    });
    expect(erasure[1].metadata.actor).toEqual({ type: 'system', id: 'retention-job' });
    expect(await keyRows(expired)).toBe(0);
    await request(second.getHttpServer()).get(`/v1/subjects/${expired}`).set('Authorization', dpo()).expect(410);

    const deferral = await eventsOf(held);
    expect(deferral.map((e) => e.type)).toEqual(['SubjectRegistered', 'LegalHoldPlaced', 'SubjectErasureDeferred']);
    expect(deferral[2].data).toEqual({
      subjectId: held,
      retainUntil: '2027-01-10T02:00:00.000Z',
      legalHoldIds: [hold.body.holdId],
      deferredAt: clock.now().toISOString(),
    });
    expect(await keyRows(held)).toBe(1);
    expect(await typesOf(withIdNumber)).toEqual(['SubjectRegistered']);
    expect(await typesOf(registeredLater)).toEqual(['SubjectRegistered']);

    await Promise.all([second.get(RetentionJob).tick(), second.get(RetentionJob).tick()]);
    await stop(second);
    const third = await start();
    await third.get(RetentionJob).tick();
    expect(await typesOf(expired)).toHaveLength(2);
    expect(await typesOf(held)).toHaveLength(3);

    await request(third.getHttpServer())
      .post(`/v1/subjects/${held}/legal-holds/${hold.body.holdId}/release`)
      .set('Authorization', dpo())
      .expect(200);
    await third.get(RetentionJob).tick();
    expect(await typesOf(held)).toEqual([
      'SubjectRegistered',
      'LegalHoldPlaced',
      'SubjectErasureDeferred',
      'LegalHoldReleased',
      'SubjectErased',
    ]);
    expect(await keyRows(held)).toBe(0);

    await eventually(() => {
      const erasures = topic.messages.filter((m) => m.headers['event-type'] === 'SubjectErased');
      expect(erasures.map((m) => m.key).sort()).toEqual([expired, held].sort());
      expect(erasures.map((m) => JSON.parse(m.value!).data.ground)).toEqual(['retention_expired', 'retention_expired']);
    });
    await stop(third);
  });

  it('keeps a subject for the longest period of the categories it holds, and counts from its last correction', async () => {
    // A week before the year of the subject registered later runs out, it is corrected: a new year starts.
    clock.set(new Date('2027-07-02T02:00:00.000Z'));
    const app = await start();
    await request(app.getHttpServer())
      .post(`/v1/subjects/${registeredLater}/correction`)
      .set('Authorization', dpo())
      .send({ email: 'corrected@example.com' })
      .expect(200);

    clock.set(new Date('2028-01-10T01:59:59.000Z'));
    await app.get(RetentionJob).tick();
    expect(await typesOf(withIdNumber)).toEqual(['SubjectRegistered']);
    clock.set(new Date('2028-01-10T02:00:00.000Z'));
    await app.get(RetentionJob).tick();
    expect(await typesOf(withIdNumber)).toEqual(['SubjectRegistered', 'SubjectErased']);
    expect(await typesOf(registeredLater)).toEqual(['SubjectRegistered', 'SubjectCorrected']);
    const due = await pool.query('SELECT due_at FROM retention_checks WHERE subject_id = $1', [registeredLater]);
    expect(due.rows[0].due_at.toISOString()).toBe('2028-07-02T02:00:00.000Z');
    await stop(app);
  });
});
