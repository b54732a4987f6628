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
import { DomainEventsConsumer } from './infrastructure/domain-events.consumer';
import { rebuildProjection } from './infrastructure/rebuild/projection-rebuild';
import { careServiceStats } from './projections/community-stats/care-service-stats';
import { communityActivityStats } from './projections/community-stats/community-activity-stats';
import { createProjectionsApp } from './projections.app';
import { eventHistory } from './event-history.support';

const silent = { debug: () => undefined, info: () => undefined, warn: () => undefined, error: () => undefined };
const pudong = 'SH-PUDONG-07';
const chaoyang = 'BJ-CHAOYANG-02';

const { envelope } = eventHistory({
  occurredAt: '2026-05-01T02:00:00.000Z',
  correlationId: 'community-stats-test',
  actorId: 'cs-1',
});

const at = '2026-05-01T02:00:00.000Z';
const activityEvent = (activityId: string, community: string, type: string, data: object) =>
  envelope('CommunityActivity', activityId, type, { activityId, community, ...data });
const plan = (activityId: string, community: string, category: string, capacity: number, startsAt: string) =>
  activityEvent(activityId, community, 'CommunityActivityPlanned', {
    title: 'Neighbourhood gathering',
    category,
    ageGroups: ['adults'],
    venue: 'Clubhouse',
    startsAt,
    endsAt: new Date(Date.parse(startsAt) + 2 * 3_600_000).toISOString(),
    capacity,
    maxPartySize: 4,
    registrationOpensAt: '2026-04-20T00:00:00.000Z',
    registrationClosesAt: '2026-05-01T00:00:00.000Z',
    plannedBy: 'cs-1',
    plannedAt: at,
  });
const publish = (activityId: string, community: string) =>
  activityEvent(activityId, community, 'CommunityActivityPublished', { publishedAt: at });

/** The registrations of one activity, named R1… in the comments; resident subject ids as the events carry them. */
function registrationsOf(activityId: string, community: string) {
  const ids = new Map<string, string>();
  const id = (name: string) => ids.get(name) ?? ids.set(name, randomUUID()).get(name)!;
  const of = (name: string, partySize: number) => ({
    registrationId: id(name),
    residentId: `subj_Resident${name}${activityId.slice(0, 4)}`,
    partySize,
  });
  const event = (type: string, name: string, partySize: number, data: object) =>
    activityEvent(activityId, community, type, { ...of(name, partySize), ...data });
  return {
    id,
    confirmed: (name: string, partySize: number) =>
      event('ActivityRegistrationConfirmed', name, partySize, { confirmedAt: at }),
    waitlisted: (name: string, partySize: number, waitlistNumber: number) =>
      event('ActivityRegistrationWaitlisted', name, partySize, { waitlistNumber, waitlistedAt: at }),
    cancelled: (name: string, partySize: number, previousStatus: string) =>
      event('ActivityRegistrationCancelled', name, partySize, { previousStatus, cancelledAt: at }),
    offered: (name: string, partySize: number) =>
      event('WaitlistPlaceOffered', name, partySize, { offeredAt: at, expiresAt: '2026-05-02T02:00:00.000Z' }),
    accepted: (name: string, partySize: number) => event('WaitlistOfferAccepted', name, partySize, { acceptedAt: at }),
    checkedIn: (name: string, partySize: number) =>
      event('ActivityAttendeeCheckedIn', name, partySize, { method: 'code', checkedInBy: 'cs-2', checkedInAt: at }),
    rated: (name: string, rating: number) =>
      activityEvent(activityId, community, 'ActivityFeedbackGiven', {
        registrationId: id(name),
        rating,
        commented: false,
        givenAt: at,
      }),
  };
}

// Pudong, May 2026 (Beijing time).
const [A1, A2, A3, A4, A5, A6, A7] = Array.from({ length: 7 }, () => randomUUID());
const a1 = registrationsOf(A1, pudong);
const a2 = registrationsOf(A2, pudong);
const a3 = registrationsOf(A3, pudong);
const a5 = registrationsOf(A5, pudong);
const a7 = registrationsOf(A7, chaoyang);

/**
 * A1 festival, 8 places, held: R1 (3, came, rated 5), R2 (2, no-show), R3 (1, came, rated 4), R4 (2, cancels),
 *    W1 (2, waitlisted first, offered R4's places, accepts, came, rated 4), W2 (1, still waiting).
 * A2 festival, 20 places: R5 (4) confirmed, R6 (1) cancels. A3 health, 15 places, cancelled after R7 (2)
 * registered. A4 health, a draft. A5 planned as culture with 10 places, changed to sports with 12: R8 (1).
 * A6 culture, starts 1 June 01:00 in Beijing (31 May in UTC): June's. A7 festival in Chaoyang: not Pudong's.
 */
const activityEvents: EventEnvelope[] = [
  plan(A1, pudong, 'festival', 8, '2026-05-09T11:00:00.000Z'),
  publish(A1, pudong),
  a1.confirmed('R1', 3),
  a1.confirmed('R2', 2),
  a1.confirmed('R3', 1),
  a1.confirmed('R4', 2),
  a1.waitlisted('W1', 2, 1),
  a1.waitlisted('W2', 1, 2),
];
/** R4 cancels; its two places are offered to W1, the first in line: the decision the test delivers twice. */
const promotion = [a1.cancelled('R4', 2, 'confirmed'), a1.offered('W1', 2)];
activityEvents.push(
  ...promotion,
  a1.accepted('W1', 2),
  a1.checkedIn('R1', 3),
  a1.checkedIn('R3', 1),
  a1.checkedIn('W1', 2),
  activityEvent(A1, pudong, 'CommunityActivityAttendanceClosed', {
    registeredPeople: 8,
    attendedPeople: 6,
    noShows: [a1.id('R2')],
    closedAt: '2026-05-09T14:00:00.000Z',
  }),
  a1.rated('R1', 5),
  a1.rated('R3', 4),
  a1.rated('W1', 4),
  plan(A2, pudong, 'festival', 20, '2026-05-23T02:00:00.000Z'),
  publish(A2, pudong),
  a2.confirmed('R5', 4),
  a2.confirmed('R6', 1),
  a2.cancelled('R6', 1, 'confirmed'),
  plan(A3, pudong, 'health', 15, '2026-05-16T01:00:00.000Z'),
  publish(A3, pudong),
  a3.confirmed('R7', 2),
  activityEvent(A3, pudong, 'CommunityActivityCancelled', {
    reason: 'venue_unavailable',
    attendeesToNotify: ['subj_ResidentR7' + A3.slice(0, 4)],
    cancelledAt: at,
  }),
  plan(A4, pudong, 'health', 30, '2026-05-30T01:00:00.000Z'),
  plan(A5, pudong, 'culture', 10, '2026-05-20T11:00:00.000Z'),
  publish(A5, pudong),
  activityEvent(A5, pudong, 'CommunityActivityChanged', {
    changes: { category: 'sports', capacity: 12 },
    attendeesToNotify: [],
    changedAt: at,
  }),
  a5.confirmed('R8', 1),
  plan(A6, pudong, 'culture', 5, '2026-05-31T17:00:00.000Z'),
  publish(A6, pudong),
  plan(A7, chaoyang, 'festival', 50, '2026-05-09T11:00:00.000Z'),
  publish(A7, chaoyang),
  a7.confirmed('R9', 2),
);

const [S1, S2, S3, S4, S5] = Array.from({ length: 5 }, () => randomUUID());
const careEvent = (careServiceId: string, type: string, data: object, community = pudong) =>
  envelope('CareService', careServiceId, type, { careServiceId, community, ...data });
const requested = (
  id: string,
  serviceKind: string,
  recurrence: string | null,
  requestedAt: string,
  community = pudong,
) =>
  careEvent(
    id,
    'CareServiceRequested',
    { residentId: 'subj_CareResident01', serviceKind, recurrence, requestedBy: 'agent-1', requestedAt },
    community,
  );
const assigned = (id: string) => careEvent(id, 'CareServiceAssigned', { assigneeId: 'cs-7', assignedAt: at });
const visit = (id: string, visitNumber: number, scheduledFor: string) =>
  careEvent(id, 'CareVisitScheduled', { visitNumber, scheduledFor, scheduledAt: at });
const done = (id: string, visitNumber: number, completedAt: string) =>
  careEvent(id, 'CareVisitCompleted', { visitNumber, completedBy: 'cs-7', completedAt });
const rating = (id: string, visitNumber: number, value: number) =>
  careEvent(id, 'CareVisitRated', { visitNumber, rating: value, ratedAt: '2026-06-02T02:00:00.000Z' });
const ended = (id: string, endedAt: string) =>
  careEvent(id, 'CareServiceEnded', { reason: 'no_longer_needed', endedAt });

/**
 * S1 newborn visit, May: one visit completed and rated 5. S2 weekly elderly check-in from May: visits 1 and 2
 * completed in May (rated 4 and 3), visit 3 completed on 1 June Beijing time (rated 5), ended in June. S3
 * accessibility help requested in April, ended in May. S4 moving-in help requested in May, not assigned yet.
 * S5 newborn visit in Chaoyang.
 */
const careEvents: EventEnvelope[] = [
  requested(S1, 'newborn_visit', null, '2026-05-03T02:00:00.000Z'),
  assigned(S1),
  visit(S1, 1, '2026-05-06T07:00:00.000Z'),
  done(S1, 1, '2026-05-06T08:00:00.000Z'),
  rating(S1, 1, 5),
  requested(S2, 'elderly_check_in', 'weekly', '2026-05-04T02:00:00.000Z'),
  assigned(S2),
  visit(S2, 1, '2026-05-05T02:00:00.000Z'),
  done(S2, 1, '2026-05-05T03:00:00.000Z'),
  visit(S2, 2, '2026-05-12T02:00:00.000Z'),
  rating(S2, 1, 4),
  done(S2, 2, '2026-05-12T03:00:00.000Z'),
  visit(S2, 3, '2026-05-19T02:00:00.000Z'),
  rating(S2, 2, 3),
  done(S2, 3, '2026-05-31T17:00:00.000Z'),
  visit(S2, 4, '2026-06-02T02:00:00.000Z'),
  rating(S2, 3, 5),
  ended(S2, '2026-06-03T02:00:00.000Z'),
  requested(S3, 'accessibility_help', null, '2026-04-28T02:00:00.000Z'),
  assigned(S3),
  ended(S3, '2026-05-02T02:00:00.000Z'),
  requested(S4, 'moving_in_assistance', null, '2026-05-20T02:00:00.000Z'),
  requested(S5, 'newborn_visit', null, '2026-05-10T02:00:00.000Z', chaoyang),
];
const events = [...activityEvents, ...careEvents];

/** A row of reporting.community_activity_stats as the spec reads it. */
interface ActivityRow {
  category: string;
  activities: number;
  cancelled: number;
  capacity: number;
  registrations: number;
  registered_people: number;
  waitlist_offers: number;
  activities_held: number;
  registered_people_held: number;
  attended_people: number;
  no_shows: number;
  attendance_rate: number | null;
  feedback: number;
  rating_total: number;
  average_rating: number | null;
}

describe('community activity and care service stats (real Kafka, real Postgres)', () => {
  let app: INestApplication;
  let config: ServiceConfig;
  let database: TestDatabase;
  let pool: Pool;
  let producer: Producer;
  let kafka: Kafka;
  let topic: string;
  let token: string;

  const report = (query: object, auth = `Bearer ${token}`) =>
    request(app.getHttpServer()).get('/v1/reports/community').query(query).set('Authorization', auth);
  const send = (batch: EventEnvelope[]) =>
    producer.send({ topic, acks: -1, messages: batch.map((e) => ({ key: e.streamId, value: JSON.stringify(e) })) });
  const activityStats = async (month = '2026-05-01', community = pudong) =>
    (
      await pool.query(
        `SELECT category, activities::int, cancelled::int, capacity::int, registrations::int, registered_people::int,
                waitlist_offers::int, activities_held::int, registered_people_held::int, attended_people::int,
                no_shows::int, attendance_rate::float, feedback::int, rating_total::int, average_rating::float
           FROM reporting.community_activity_stats WHERE community = $1 AND month = $2 ORDER BY category`,
        [community, month],
      )
    ).rows;

  beforeAll(async () => {
    ({ config, database } = await testServiceConfig('projections_community'));
    topic = namespacedTopic(Topics.community, config.topicNamespace);
    kafka = createKafka(config.kafkaBrokers, 'community-stats-test', silent);
    await ensureTopics(kafka, [{ topic }]);
    producer = kafka.producer({ createPartitioner: Partitioners.DefaultPartitioner });
    await producer.connect();
    app = await createProjectionsApp(config);
    await app.init();
    pool = new Pool({ connectionString: config.databaseUrl });
    token = signToken({ sub: 'ceo-1', name: 'CEO office', roles: ['ceo_office'] }, config.jwtSecret);
    await send(events);
    const lastOfEach = [...new Set(events.map((e) => e.streamId))].map(
      (id) => events.filter((e) => e.streamId === id).at(-1)!.id,
    );
    await eventually(async () => {
      const { rows } = await pool.query('SELECT count(*)::int AS n FROM processed_events WHERE event_id = ANY($1)', [
        lastOfEach,
      ]);
      expect(rows[0].n).toBe(lastOfEach.length);
    });
  });

  afterAll(async () => {
    await producer?.disconnect();
    await pool?.end();
    await app?.close();
    await database?.drop();
  });

  const festival: ActivityRow = {
    category: 'festival',
    activities: 2,
    cancelled: 0,
    capacity: 28,
    registrations: 5,
    registered_people: 12,
    waitlist_offers: 1,
    activities_held: 1,
    registered_people_held: 8,
    attended_people: 6,
    no_shows: 1,
    attendance_rate: 0.75,
    feedback: 3,
    rating_total: 13,
    average_rating: 13 / 3,
  };
  const nothingHeld: Omit<
    ActivityRow,
    'category' | 'activities' | 'cancelled' | 'capacity' | 'registrations' | 'registered_people'
  > = {
    waitlist_offers: 0,
    activities_held: 0,
    registered_people_held: 0,
    attended_people: 0,
    no_shows: 0,
    attendance_rate: null,
    feedback: 0,
    rating_total: 0,
    average_rating: null,
  };

  it('counts activities per community, month (Beijing) and category: places, registrations, attendance, ratings', async () => {
    expect(await activityStats()).toEqual([
      festival,
      {
        category: 'health',
        activities: 0,
        cancelled: 1,
        capacity: 0,
        registrations: 0,
        registered_people: 0,
        ...nothingHeld,
      },
      {
        category: 'sports',
        activities: 1,
        cancelled: 0,
        capacity: 12,
        registrations: 1,
        registered_people: 1,
        ...nothingHeld,
      },
    ]);
    expect(await activityStats('2026-06-01')).toEqual([
      {
        category: 'culture',
        activities: 1,
        cancelled: 0,
        capacity: 5,
        registrations: 0,
        registered_people: 0,
        ...nothingHeld,
      },
    ]);
    expect(await activityStats('2026-05-01', chaoyang)).toEqual([
      { ...festival, capacity: 50, activities: 1, registrations: 1, registered_people: 2, ...nothingHeld },
    ]);
  });

  it('counts care services in the month each thing happened: requests, completed visits with their ratings, endings', async () => {
    const { rows } = await pool.query(
      `SELECT to_char(month, 'YYYY-MM') AS month, service_kind, requests::int, recurring_requests::int,
              visits_completed::int, ratings::int, rating_total::int, average_rating::float, ended::int
         FROM reporting.care_service_stats WHERE community = $1 ORDER BY month, service_kind`,
      [pudong],
    );
    const care = (month: string, kind: string, n: number[], average: number | null) => ({
      month,
      service_kind: kind,
      requests: n[0],
      recurring_requests: n[1],
      visits_completed: n[2],
      ratings: n[3],
      rating_total: n[4],
      average_rating: average,
      ended: n[5],
    });
    expect(rows).toEqual([
      care('2026-04', 'accessibility_help', [1, 0, 0, 0, 0, 0], null),
      care('2026-05', 'accessibility_help', [0, 0, 0, 0, 0, 1], null),
      care('2026-05', 'elderly_check_in', [1, 1, 2, 2, 7, 0], 3.5),
      care('2026-05', 'moving_in_assistance', [1, 0, 0, 0, 0, 0], null),
      care('2026-05', 'newborn_visit', [1, 0, 1, 1, 5, 0], 5),
      care('2026-06', 'elderly_check_in', [0, 0, 1, 1, 5, 1], 5),
    ]);
  });

  it('serves GET /v1/reports/community with "all" first, exact rates and averages, and display percentages', async () => {
    const response = await report({ community: pudong, month: '2026-05' }).expect(200);
    const activities = (row: ActivityRow) => ({
      category: row.category,
      activities: row.activities,
      cancelled: row.cancelled,
      capacity: row.capacity,
      registrations: row.registrations,
      registeredPeople: row.registered_people,
      waitlistOffers: row.waitlist_offers,
      activitiesHeld: row.activities_held,
      registeredPeopleHeld: row.registered_people_held,
      attendedPeople: row.attended_people,
      noShows: row.no_shows,
      attendanceRate: row.attendance_rate,
      attendanceRatePercent: row.attendance_rate === null ? null : (row.attendance_rate * 100).toFixed(1),
      feedback: row.feedback,
      averageRating: row.average_rating,
    });
    expect(response.body).toEqual({
      community: pudong,
      month: '2026-05',
      activities: [
        activities({
          ...festival,
          category: 'all',
          activities: 3,
          cancelled: 1,
          capacity: 40,
          registrations: 6,
          registered_people: 13,
        }),
        activities(festival),
        activities({
          category: 'health',
          activities: 0,
          cancelled: 1,
          capacity: 0,
          registrations: 0,
          registered_people: 0,
          ...nothingHeld,
        }),
        activities({
          category: 'sports',
          activities: 1,
          cancelled: 0,
          capacity: 12,
          registrations: 1,
          registered_people: 1,
          ...nothingHeld,
        }),
      ],
      careServices: [
        {
          serviceKind: 'all',
          requests: 3,
          recurringRequests: 1,
          visitsCompleted: 3,
          ratings: 3,
          averageRating: 4,
          ended: 1,
        },
        {
          serviceKind: 'accessibility_help',
          requests: 0,
          recurringRequests: 0,
          visitsCompleted: 0,
          ratings: 0,
          averageRating: null,
          ended: 1,
        },
        {
          serviceKind: 'elderly_check_in',
          requests: 1,
          recurringRequests: 1,
          visitsCompleted: 2,
          ratings: 2,
          averageRating: 3.5,
          ended: 0,
        },
        {
          serviceKind: 'moving_in_assistance',
          requests: 1,
          recurringRequests: 0,
          visitsCompleted: 0,
          ratings: 0,
          averageRating: null,
          ended: 0,
        },
        {
          serviceKind: 'newborn_visit',
          requests: 1,
          recurringRequests: 0,
          visitsCompleted: 1,
          ratings: 1,
          averageRating: 5,
          ended: 0,
        },
      ],
    });
    expect(response.body.activities[0]).toMatchObject({ attendanceRate: 0.75, attendanceRatePercent: '75.0' });
  });

  it('answers a month with nothing as zeros, an unknown community 404, bad parameters 400, other roles 403', async () => {
    const quiet = await report({ community: pudong, month: '2026-03' }).expect(200);
    expect(quiet.body.activities).toEqual([
      expect.objectContaining({
        category: 'all',
        activities: 0,
        capacity: 0,
        attendanceRate: null,
        averageRating: null,
      }),
    ]);
    expect(quiet.body.careServices).toEqual([expect.objectContaining({ serviceKind: 'all', requests: 0 })]);
    const unknown = await report({ community: 'GZ-TIANHE-01', month: '2026-05' }).expect(404);
    expect(unknown.headers['content-type']).toMatch(/application\/problem\+json/);
    expect(unknown.body.code).toBe('REPORT.COMMUNITY_NOT_FOUND');
    const malformed = await report({ community: 'Pudong No. 7', month: '2026-13' }).expect(400);
    expect(malformed.body.errors.map((e: { field: string }) => e.field)).toEqual(['community', 'month']);
    const hr = `Bearer ${signToken({ sub: 'hr-1', name: 'HR', roles: ['hr'] }, config.jwtSecret)}`;
    await report({ community: pudong, month: '2026-05' }, hr).expect(403);
  });

  it('counts a promotion once when the cancellation and its offer are delivered again', async () => {
    const consumer = app.get(DomainEventsConsumer).consumer;
    const duplicatesBefore = consumer.stats.duplicates;
    await send(promotion);
    await eventually(() => expect(consumer.stats.duplicates).toBe(duplicatesBefore + promotion.length));
    expect((await activityStats())[0]).toEqual(festival);

    // Past the consumer's dedupe too (as a rebuild passing the topic again would): the version held stops them.
    const tx = await pool.connect();
    try {
      await tx.query('BEGIN');
      for (const event of promotion) await communityActivityStats.apply(event, tx, communityActivityStats.tables);
      const { rows } = await tx.query(
        `SELECT waitlist_offers::int, registrations::int FROM reporting.community_activity_stats
          WHERE community = $1 AND month = '2026-05-01' AND category = 'festival'`,
        [pudong],
      );
      expect(rows).toEqual([{ waitlist_offers: 1, registrations: 5 }]);
    } finally {
      await tx.query('ROLLBACK');
      tx.release();
    }
  });

  it('shows BI tools the figures, never the registrations or care services behind them', async () => {
    const url = new URL(config.databaseUrl);
    url.username = 'bi_reader';
    const bi = new Client({ connectionString: url.toString() });
    await bi.connect();
    try {
      const { rows } = await bi.query(
        `SELECT sum(capacity)::int AS capacity FROM reporting.community_activity_stats WHERE community = $1`,
        [pudong],
      );
      expect(rows).toEqual([{ capacity: 45 }]);
      await bi.query('SELECT * FROM reporting.care_service_stats');
      await expect(bi.query('SELECT * FROM public.community_activity_registrations')).rejects.toThrow(
        /permission denied/,
      );
      await expect(bi.query('SELECT * FROM public.community_care_services')).rejects.toThrow(/permission denied/);
      const columns = await pool.query(
        `SELECT table_name, column_name FROM information_schema.columns
          WHERE table_schema = 'reporting' AND (table_name LIKE 'community%' OR table_name LIKE 'care%')`,
      );
      expect(columns.rows.filter((c) => /resident|subject/.test(c.column_name))).toEqual([]);
    } finally {
      await bi.end();
    }
  });

  it('rebuilds both projections from the topic into identical tables and figures', async () => {
    const snapshot = async () => ({
      activities: (await pool.query('SELECT * FROM reporting.community_activities_v1 ORDER BY activity_id')).rows,
      registrations: (
        await pool.query('SELECT * FROM public.community_activity_registrations ORDER BY registration_id')
      ).rows,
      services: (await pool.query('SELECT * FROM public.community_care_services ORDER BY care_service_id')).rows,
      visits: (await pool.query('SELECT * FROM public.community_care_visits ORDER BY care_service_id, visit_number'))
        .rows,
      activityStats: (
        await pool.query('SELECT * FROM reporting.community_activity_stats ORDER BY community, month, category')
      ).rows,
      careStats: (
        await pool.query('SELECT * FROM reporting.care_service_stats ORDER BY community, month, service_kind')
      ).rows,
    });
    const before = await snapshot();
    const activities = await rebuildProjection({ pool, kafka, projection: communityActivityStats, topics: [topic] });
    expect(activities).toMatchObject({ applied: events.length + promotion.length, skipped: 0 });
    await rebuildProjection({ pool, kafka, projection: careServiceStats, topics: [topic] });
    expect(await snapshot()).toEqual(before);
  });
});
