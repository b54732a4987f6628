import type { INestApplication } from '@nestjs/common';
import { signToken } from '@cx/auth';
import { namespacedTopic, Topics } from '@cx/contracts';
import { ManualClock, ServiceConfig } from '@cx/platform';
import { eventually, testServiceConfig, TestDatabase, TopicReader } from '@cx/testing';
import { Pool } from 'pg';
import request from 'supertest';
import { createCommunityApp } from './community.app';
import { WaitlistOfferScheduler } from './infrastructure/waitlist-offer-scheduler';

const HOUR = 3_600_000;
const beijing = (local: string) => new Date(`${local}+08:00`);
const opening = beijing('2026-06-01T09:00:00');
const community = 'SZ-NANSHAN-03';
const resident = (n: number) => `subj_Neighbour${String(n).padStart(4, '0')}`;
const dragonBoats = (capacity: number) => ({
  community,
  title: 'Dragon boat zongzi workshop',
  category: 'culture',
  ageGroups: ['children', 'adults', 'elderly'],
  venue: 'Clubhouse kitchen',
  startsAt: '2026-06-19T15:00:00+08:00',
  endsAt: '2026-06-19T17:00:00+08:00',
  capacity,
  maxPartySize: Math.min(2, capacity),
  registrationOpensAt: '2026-06-01T08:00:00+08:00',
  registrationClosesAt: '2026-06-18T20:00:00+08:00',
});

interface StoredEvent {
  type: string;
  stream_version: number;
  data: { registrationId: string; residentId: string; waitlistNumber?: number; expiresAt?: string };
  metadata: { actor: { type: string; id: string } };
}

describe('registrations, the waitlist and its offers (real Postgres, real Kafka, time moved by hand)', () => {
  let config: ServiceConfig;
  let database: TestDatabase;
  let pool: Pool;
  let topic: TopicReader;
  const clock = new ManualClock(opening);
  const open: INestApplication[] = [];

  /** An instance of the service; several share the database and the topic, as replicas would. */
  const start = async () => {
    // Offer checks run every hour of real time: in this spec only explicit ticks and the start-up tick run.
    const app = await createCommunityApp(config, {
      clock,
      waitlistPolicy: { offerHoldMs: 24 * HOUR },
      offerCheckIntervalMs: HOUR,
    });
    await app.listen(0, '127.0.0.1');
    open.push(app);
    return app;
  };
  const stop = async (app: INestApplication) => {
    await app.close();
    open.splice(open.indexOf(app), 1);
  };
  const auth = (sub: string, role: 'agent' | 'community_staff') =>
    `Bearer ${signToken({ sub, name: sub, roles: [role] }, config.jwtSecret)}`;
  const post = (app: INestApplication, path: string, body: object, sub = 'cs-nanshan-1') =>
    request(app.getHttpServer())
      .post(path)
      .set('Authorization', auth(sub, sub.startsWith('cs-') ? 'community_staff' : 'agent'))
      .send(body);
  const eventsOf = async (id: string) =>
    (
      await pool.query<StoredEvent>(
        'SELECT type, stream_version, data, metadata FROM events WHERE stream_id = $1 ORDER BY stream_version',
        [id],
      )
    ).rows;
  const publishedActivity = async (app: INestApplication, capacity: number) => {
    const id = (await post(app, '/v1/activities', dragonBoats(capacity)).expect(201)).body.activityId as string;
    await post(app, `/v1/activities/${id}/publication`, {}).expect(200);
    return id;
  };
  const register = (app: INestApplication, id: string, n: number, agent = 'app-gateway-1') =>
    post(app, `/v1/activities/${id}/registrations`, { residentId: resident(n), partySize: 1 }, agent);

  beforeAll(async () => {
    ({ config, database } = await testServiceConfig('community_waitlist'));
    pool = new Pool({ connectionString: config.databaseUrl });
    topic = await new TopicReader(
      config.kafkaBrokers,
      namespacedTopic(Topics.community, config.topicNamespace),
    ).start();
    const app = await start();
    const everyone = Array.from({ length: 200 }, (_, i) => ({ residentId: resident(i + 1) }));
    await post(app, `/v1/communities/${community}/residents`, { residents: everyone }).expect(200);
  });

  afterAll(async () => {
    for (const app of [...open]) await stop(app);
    await topic?.stop();
    await pool?.end();
    await database?.drop();
  });

  beforeEach(() => clock.set(opening));

  it('takes 200 concurrent registrations for 50 places through two instances: exactly 50 confirmed, 150 in line in order', async () => {
    const [first] = open;
    const second = await start();
    const id = await publishedActivity(first, 50);

    const responses = await Promise.all(
      Array.from({ length: 200 }, (_, i) => register(i % 2 === 0 ? first : second, id, i + 1, `app-gateway-${i % 2}`)),
    );
    expect(responses.filter((r) => r.status !== 201).map((r) => r.body)).toEqual([]);
    const confirmed = responses.filter((r) => r.body.status === 'confirmed');
    const waiting = responses.filter((r) => r.body.status === 'waitlisted');
    expect([confirmed.length, waiting.length]).toEqual([50, 150]);
    expect(new Set(confirmed.map((r) => r.body.checkInCode)).size).toBe(50);
    expect(waiting.map((r) => r.body.waitlistNumber).sort((a, b) => a - b)).toEqual(
      Array.from({ length: 150 }, (_, i) => i + 1),
    );

    // The order is the order in which the decisions were appended: the first 50 took the places, the rest
    // were numbered 1, 2, 3, … in stream order, and each answer says what its event says.
    const registrations = (await eventsOf(id)).slice(2);
    expect(registrations.slice(0, 50).every((e) => e.type === 'ActivityRegistrationConfirmed')).toBe(true);
    expect(registrations.slice(50).map((e) => [e.type, e.data.waitlistNumber])).toEqual(
      Array.from({ length: 150 }, (_, i) => ['ActivityRegistrationWaitlisted', i + 1]),
    );
    const byRegistration = new Map(registrations.map((e) => [e.data.registrationId, e]));
    for (const response of responses) {
      const event = byRegistration.get(response.body.registrationId)!;
      expect(event.data.residentId).toBe(response.body.residentId);
      expect(response.body.waitlistNumber).toBe(event.data.waitlistNumber ?? null);
    }
    const activity = await request(first.getHttpServer())
      .get(`/v1/activities/${id}`)
      .set('Authorization', auth('cs-nanshan-1', 'community_staff'))
      .expect(200);
    expect(activity.body.places).toEqual({ confirmed: 50, offered: 0, free: 0, waiting: 150 });
    await stop(second);
  });

  it('offers a cancelled place to the first in line once: cancelling again is refused and promotes nobody', async () => {
    const [app] = open;
    const id = await publishedActivity(app, 2);
    const registered = [];
    for (const n of [1, 2, 3, 4]) registered.push((await register(app, id, n).expect(201)).body);
    expect(registered.map((r) => r.status)).toEqual(['confirmed', 'confirmed', 'waitlisted', 'waitlisted']);

    const cancelled = await post(
      app,
      `/v1/activities/${id}/registrations/${registered[0].registrationId}/cancellation`,
      {},
      'app-gateway-1',
    ).expect(200);
    expect(cancelled.body).toMatchObject({ status: 'cancelled', checkInCode: null });
    const before = await eventsOf(id);
    const again = await post(
      app,
      `/v1/activities/${id}/registrations/${registered[0].registrationId}/cancellation`,
      {},
      'app-gateway-1',
    ).expect(409);
    expect(again.body).toMatchObject({ code: 'COMMUNITY_ACTIVITY.REGISTRATION_CONFLICT', currentState: 'cancelled' });
    expect(await eventsOf(id)).toEqual(before);

    const tail = before.slice(-2);
    expect(tail.map((e) => [e.type, e.data.residentId])).toEqual([
      ['ActivityRegistrationCancelled', resident(1)],
      ['WaitlistPlaceOffered', resident(3)],
    ]);
    expect(tail[1].data.expiresAt).toBe(new Date(opening.getTime() + 24 * HOUR).toISOString());
    const offers = await eventually(() => {
      const onTopic = topic.messages.filter((m) => m.key === id).map((m) => JSON.parse(m.value!));
      if (onTopic.length < before.length) throw new Error('not all on the topic yet');
      return onTopic.filter((e) => e.type === 'WaitlistPlaceOffered');
    }, 30_000);
    expect(offers.map((e) => e.data.residentId)).toEqual([resident(3)]);

    const offered = await request(app.getHttpServer())
      .get(`/v1/activities/${id}/registrations/${registered[2].registrationId}`)
      .set('Authorization', auth('app-gateway-1', 'agent'))
      .expect(200);
    expect(offered.body).toMatchObject({
      status: 'offered',
      offerExpiresAt: tail[1].data.expiresAt,
      checkInCode: null,
    });
    clock.advance(2 * HOUR);
    const accepted = await post(
      app,
      `/v1/activities/${id}/registrations/${registered[2].registrationId}/offer-acceptance`,
      {},
      'app-gateway-1',
    ).expect(200);
    expect(accepted.body).toMatchObject({ status: 'confirmed', waitlistNumber: 1 });
    expect(accepted.body.checkInCode).toMatch(/^[0-9A-HJKMNP-TV-Z]{16}$/);
  });

  it('lets an offer lapse when the clock passes its hold, passing the place to the next in line, once', async () => {
    const [app] = open;
    const scheduler = app.get(WaitlistOfferScheduler);
    const id = await publishedActivity(app, 1);
    const ids = [];
    for (const n of [11, 12, 13]) ids.push((await register(app, id, n).expect(201)).body.registrationId);
    await post(app, `/v1/activities/${id}/registrations/${ids[0]}/cancellation`, {}, 'app-gateway-1').expect(200);

    clock.advance(24 * HOUR - 1_000);
    await scheduler.tick();
    expect((await eventsOf(id)).at(-1)!.type).toBe('WaitlistPlaceOffered');

    clock.advance(1_000);
    await scheduler.tick();
    const events = await eventsOf(id);
    expect(events.slice(-2).map((e) => [e.type, e.data.residentId])).toEqual([
      ['WaitlistOfferExpired', resident(12)],
      ['WaitlistPlaceOffered', resident(13)],
    ]);
    expect(events.at(-2)!.metadata.actor).toEqual({ type: 'system', id: 'waitlist-offer-scheduler' });
    expect(events.at(-1)!.data.expiresAt).toBe(new Date(clock.now().getTime() + 24 * HOUR).toISOString());

    await Promise.all([scheduler.tick(), scheduler.tick()]);
    expect(await eventsOf(id)).toHaveLength(events.length);
    const late = await post(
      app,
      `/v1/activities/${id}/registrations/${ids[1]}/offer-acceptance`,
      {},
      'app-gateway-1',
    ).expect(409);
    expect(late.body).toMatchObject({ code: 'COMMUNITY_ACTIVITY.WAITLIST_OFFER_EXPIRED', registrationId: ids[1] });
  });

  it('lets an offer that lapsed while no instance ran lapse once at start-up, never again on later starts', async () => {
    const [running] = open;
    const id = await publishedActivity(running, 1);
    const ids = [];
    for (const n of [21, 22]) ids.push((await register(running, id, n).expect(201)).body.registrationId);
    await post(running, `/v1/activities/${id}/registrations/${ids[0]}/cancellation`, {}, 'app-gateway-1').expect(200);
    await stop(running);

    clock.advance(30 * HOUR);
    const restarted = await start();
    const lapses = async () =>
      (await eventsOf(id)).filter((e) => e.type === 'WaitlistOfferExpired').map((e) => e.data.residentId);
    expect(await lapses()).toEqual([resident(22)]);
    await stop(restarted);
    await start();
    await start();
    expect(await lapses()).toEqual([resident(22)]);
    expect((await eventsOf(id)).at(-1)!.type).toBe('WaitlistOfferExpired');
  });
});
