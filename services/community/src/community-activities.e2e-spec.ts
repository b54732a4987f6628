import { randomUUID } from 'node:crypto';
import type { INestApplication } from '@nestjs/common';
import { Role, signToken } from '@cx/auth';
import { namespacedTopic, SUBJECT_ID_REGEX, Topics } from '@cx/contracts';
import { ManualClock, ServiceConfig } from '@cx/platform';
import { eventually, testServiceConfig, TestDatabase, TopicReader } from '@cx/testing';
import { Pool } from 'pg';
import request from 'supertest';
import { createCommunityApp } from './community.app';

const beijing = (local: string) => new Date(`${local}+08:00`);
const opening = beijing('2026-05-01T10:00:00');
const community = 'SH-PUDONG-07';
const resident = (n: number) => `subj_Resident${String(n).padStart(4, '0')}`;
const lantern = (changes: object = {}) => ({
  community,
  title: 'Lantern riddles in the courtyard',
  category: 'festival',
  ageGroups: ['children', 'adults', 'elderly'],
  venue: 'Block 3 courtyard',
  startsAt: '2026-05-10T19:00:00+08:00',
  endsAt: '2026-05-10T21:00:00+08:00',
  capacity: 10,
  maxPartySize: 3,
  registrationOpensAt: '2026-05-01T08:00:00+08:00',
  registrationClosesAt: '2026-05-10T12:00:00+08:00',
  ...changes,
});
const comment = 'Lovely evening; Ms Li from flat 302 (138 0013 8000) told the best riddles';

describe('community activities over HTTP (real Postgres, real Kafka)', () => {
  let app: INestApplication;
  let config: ServiceConfig;
  let database: TestDatabase;
  let pool: Pool;
  let topic: TopicReader;
  const clock = new ManualClock(opening);
  const as = (sub: string, ...roles: Role[]) => `Bearer ${signToken({ sub, name: sub, roles }, config.jwtSecret)}`;
  const staff = () => as('cs-pudong-1', 'community_staff');
  const agent = () => as('callcentre-1', 'agent');
  const http = () => request(app.getHttpServer());
  const eventCount = async () => Number((await pool.query('SELECT count(*) FROM events')).rows[0].count);
  const typesOf = async (streamId: string) =>
    (await pool.query('SELECT type FROM events WHERE stream_id = $1 ORDER BY stream_version', [streamId])).rows.map(
      (r) => r.type,
    );
  const onTopic = (key: string, count: number) =>
    eventually(() => {
      const found = topic.messages.filter((m) => m.key === key);
      if (found.length < count) throw new Error(`${found.length} of ${count} on the topic yet`);
      return found.map((m) => ({ ...m, envelope: JSON.parse(m.value!) }));
    }, 30_000);
  const fieldsOf = (body: { errors?: { field: string }[]; field?: string }) =>
    body.errors?.map((e) => e.field) ?? [body.field];

  const registerResidents = (residents: object[], auth = staff()) =>
    http().post(`/v1/communities/${community}/residents`).set('Authorization', auth).send({ residents });
  const plan = (body: object = lantern(), auth = staff()) =>
    http().post('/v1/activities').set('Authorization', auth).send(body);
  const post = (activityId: string, path: string, body: object = {}, auth = staff()) =>
    http().post(`/v1/activities/${activityId}/${path}`).set('Authorization', auth).send(body);
  const publishedActivity = async (changes: object = {}) => {
    const id = (await plan(lantern(changes)).expect(201)).body.activityId as string;
    await post(id, 'publication').expect(200);
    return id;
  };
  const register = (activityId: string, residentId: string, partySize = 1, auth = agent()) =>
    post(activityId, 'registrations', { residentId, partySize }, auth);

  beforeAll(async () => {
    ({ config, database } = await testServiceConfig('community_activities'));
    app = await createCommunityApp(config, { clock, offerCheckIntervalMs: 3_600_000 });
    await app.init();
    pool = new Pool({ connectionString: config.databaseUrl });
    topic = await new TopicReader(
      config.kafkaBrokers,
      namespacedTopic(Topics.community, config.topicNamespace),
    ).start();
    await registerResidents([1, 2, 3, 4, 5, 6].map((n) => ({ residentId: resident(n) }))).expect(200);
  });

  afterAll(async () => {
    await topic?.stop();
    await pool?.end();
    await app?.close();
    await database?.drop();
  });

  beforeEach(() => clock.set(opening));

  it('plans, publishes, registers, changes, checks in, closes attendance, takes feedback and photos: all on the topic', async () => {
    const planned = await plan().set('X-Correlation-Id', 'lantern-2026').expect(201);
    const id = planned.body.activityId;
    expect(planned.headers.location).toBe(`/v1/activities/${id}`);
    expect(planned.headers.etag).toBe('"1"');
    expect(planned.body).toMatchObject({
      community,
      status: 'draft',
      startsAt: '2026-05-10T11:00:00.000Z',
      registrationClosesAt: '2026-05-10T04:00:00.000Z',
      places: { confirmed: 0, offered: 0, free: 10, waiting: 0 },
      version: 1,
    });
    await post(id, 'publication').set('If-Match', '"1"').expect(200);

    const first = await register(id, resident(1), 3).expect(201);
    expect(first.headers.location).toBe(`/v1/activities/${id}/registrations/${first.body.registrationId}`);
    expect(first.body).toMatchObject({
      residentId: resident(1),
      partySize: 3,
      status: 'confirmed',
      waitlistNumber: null,
    });
    expect(first.body.checkInCode).toMatch(/^[0-9A-HJKMNP-TV-Z]{16}$/);
    const second = await register(id, resident(2), 2).expect(201);

    const changed = await post(id, 'changes', { venue: 'Clubhouse hall', capacity: 8 })
      .set('If-Match', '"4"')
      .expect(200);
    expect(changed.body).toMatchObject({ venue: 'Clubhouse hall', capacity: 8, places: { confirmed: 5, free: 3 } });

    clock.set(beijing('2026-05-10T18:30:00'));
    const scanned = await post(id, 'check-ins', { code: first.body.checkInCode }).expect(200);
    expect(scanned.body).toMatchObject({
      registrationId: first.body.registrationId,
      checkedInAt: clock.now().toISOString(),
    });
    const before = await eventCount();
    const again = await post(id, 'check-ins', { code: first.body.checkInCode }).expect(409);
    expect(again.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(again.body).toMatchObject({
      type: 'urn:cx:problem:community-activity-already-checked-in',
      registrationId: first.body.registrationId,
    });
    await post(id, `registrations/${first.body.registrationId}/check-in`).expect(409);
    expect(await eventCount()).toBe(before);

    clock.set(beijing('2026-05-10T21:30:00'));
    const held = await post(id, 'attendance-closure').expect(200);
    expect(held.body).toMatchObject({ status: 'held', closedAt: clock.now().toISOString() });
    const rated = await post(
      id,
      `registrations/${first.body.registrationId}/feedback`,
      { rating: 5, comment },
      agent(),
    );
    expect(rated.status).toBe(200);
    expect(rated.body).toMatchObject({ feedbackGiven: true });
    const noShow = await post(id, `registrations/${second.body.registrationId}/feedback`, { rating: 1 }, agent());
    expect(noShow.status).toBe(409);
    expect(noShow.body).toMatchObject({
      code: 'COMMUNITY_ACTIVITY.FEEDBACK_NOT_ALLOWED',
      rule: 'only attendees give feedback',
    });
    const photo = await post(id, 'photos', { reference: 'oss://cx-community/2026/05/lantern-01.jpg' }).expect(201);
    expect(photo.body.photos).toEqual([
      { photoId: expect.any(String), reference: 'oss://cx-community/2026/05/lantern-01.jpg' },
    ]);
    const stored = await pool.query('SELECT comment FROM activity_feedback_comments WHERE registration_id = $1', [
      first.body.registrationId,
    ]);
    expect(stored.rows).toEqual([{ comment }]);

    const types = [
      'CommunityActivityPlanned',
      'CommunityActivityPublished',
      'ActivityRegistrationConfirmed',
      'ActivityRegistrationConfirmed',
      'CommunityActivityChanged',
      'ActivityAttendeeCheckedIn',
      'CommunityActivityAttendanceClosed',
      'ActivityFeedbackGiven',
      'ActivityPhotoAdded',
    ];
    expect(await typesOf(id)).toEqual(types);
    const messages = await onTopic(id, types.length);
    expect(messages.map((m) => m.envelope.type)).toEqual(types);
    expect(messages[0].envelope).toMatchObject({
      streamType: 'CommunityActivity',
      correlationId: 'lantern-2026',
      actor: { type: 'user', id: 'cs-pudong-1' },
      data: { activityId: id, community, capacity: 10, plannedBy: 'cs-pudong-1' },
    });
    expect(messages[4].envelope.data).toEqual({
      activityId: id,
      community,
      changes: { venue: 'Clubhouse hall', capacity: 8 },
      attendeesToNotify: [resident(1), resident(2)],
      changedAt: opening.toISOString(),
    });
    expect(messages[6].envelope.data).toMatchObject({
      registeredPeople: 5,
      attendedPeople: 3,
      noShows: [second.body.registrationId],
    });
    expect(messages[7].envelope.data).toMatchObject({ rating: 5, commented: true });
    for (const message of messages) {
      expect(message.value).not.toContain('Ms Li');
      expect(message.value).not.toContain('138 0013');
      expect(message.value).not.toContain(first.body.checkInCode);
      expect(message.value).not.toContain(second.body.checkInCode);
      for (const subject of residentIdsIn(message.envelope.data)) expect(subject).toMatch(SUBJECT_ID_REGEX);
    }

    const read = await http().get(`/v1/activities/${id}`).set('Authorization', as('a-1', 'auditor')).expect(200);
    expect(read.headers.etag).toBe(`"${types.length}"`);
    expect(read.body.registrations.map((r: { checkedInAt: string | null }) => r.checkedInAt !== null)).toEqual([
      true,
      false,
    ]);
  });

  it('checks a registration in by staff from the list when there is no code at hand', async () => {
    const id = await publishedActivity();
    const registered = (await register(id, resident(3)).expect(201)).body.registrationId;
    clock.set(beijing('2026-05-10T18:00:00'));
    await post(id, 'check-ins', { code: 'ZZZZZZZZZZZZZZZZ' }).expect(404);
    const checked = await post(id, `registrations/${registered}/check-in`).expect(200);
    expect(checked.body.checkedInAt).toBe(clock.now().toISOString());
    const [event] = (
      await pool.query(`SELECT data FROM events WHERE stream_id = $1 AND type = 'ActivityAttendeeCheckedIn'`, [id])
    ).rows;
    expect(event.data).toMatchObject({ method: 'staff', checkedInBy: 'cs-pudong-1', partySize: 1 });
  });

  it('cancels an activity, naming everyone to notify; it takes no registration afterwards', async () => {
    const id = await publishedActivity();
    await register(id, resident(4), 2).expect(201);
    const cancelled = await post(id, 'cancellation', { reason: 'weather' }).expect(200);
    expect(cancelled.body).toMatchObject({ status: 'cancelled', cancellationReason: 'weather' });
    const [event] = (
      await pool.query(`SELECT data FROM events WHERE stream_id = $1 AND type = 'CommunityActivityCancelled'`, [id])
    ).rows;
    expect(event.data.attendeesToNotify).toEqual([resident(4)]);
  });

  describe('Idempotency-Key', () => {
    it('answers the first activity and the first registration (with its code) again, appending nothing', async () => {
      const first = await plan().set('Idempotency-Key', 'plan-lantern-0501').expect(201);
      const before = await eventCount();
      const again = await plan().set('Idempotency-Key', 'plan-lantern-0501').expect(201);
      expect(again.body.activityId).toBe(first.body.activityId);
      expect(again.headers['idempotent-replayed']).toBe('true');
      const other = await plan(lantern({ capacity: 12 }))
        .set('Idempotency-Key', 'plan-lantern-0501')
        .expect(422);
      expect(other.body.code).toBe('IDEMPOTENCY.KEY_REUSED');
      expect(await eventCount()).toBe(before);

      const id = first.body.activityId;
      await post(id, 'publication').expect(200);
      const registered = await register(id, resident(5), 2).set('Idempotency-Key', 'app-req-77').expect(201);
      const stable = await eventCount();
      const replayed = await register(id, resident(5), 2).set('Idempotency-Key', 'app-req-77').expect(201);
      expect(replayed.headers['idempotent-replayed']).toBe('true');
      expect(replayed.body).toMatchObject({
        registrationId: registered.body.registrationId,
        checkInCode: registered.body.checkInCode,
        status: 'confirmed',
      });
      expect(await eventCount()).toBe(stable);
    });
  });

  describe('If-Match', () => {
    it('answers 412 for a stale version and appends nothing', async () => {
      const id = await publishedActivity();
      const stale = await post(id, 'changes', { venue: 'Clubhouse hall' }).set('If-Match', '"1"').expect(412);
      expect(stale.body).toMatchObject({ code: 'EVENT_STORE.STALE_VERSION', currentVersion: 2 });
      expect(await typesOf(id)).toEqual(['CommunityActivityPlanned', 'CommunityActivityPublished']);
    });
  });

  describe('bad input: a clear 4xx, and nothing changed', () => {
    it.each([
      [
        'before the window opens',
        { registrationOpensAt: '2026-05-02T08:00:00+08:00' },
        1,
        'registration_not_open',
        'registrationOpensAt',
      ],
      [
        'after the window closed',
        { registrationOpensAt: '2026-04-20T08:00:00+08:00', registrationClosesAt: '2026-04-30T20:00:00+08:00' },
        1,
        'registration_closed',
        'registrationClosesAt',
      ],
      ['a party above the activity’s limit', { maxPartySize: 2 }, 3, 'party_size_above_limit', 'partySize'],
    ])('refuses a registration %s (422 with the reason)', async (_label, changes, partySize, reason, field) => {
      const id = await publishedActivity(changes);
      const before = await eventCount();
      const response = await register(id, resident(1), partySize).expect(422);
      expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);
      expect(response.body).toMatchObject({
        type: 'urn:cx:problem:community-activity-registration-refused',
        reason,
        field,
      });
      expect(await eventCount()).toBe(before);
    });

    it('refuses a resident who is not on the community register (422 naming the rule)', async () => {
      const id = await publishedActivity();
      const before = await eventCount();
      const response = await register(id, 'subj_NotFromHere0001').expect(422);
      expect(response.body).toMatchObject({
        code: 'COMMUNITY_ACTIVITY.REGISTRATION_REFUSED',
        reason: 'not_a_resident',
        field: 'residentId',
        rule: `must be on the register of community ${community}`,
      });
      expect(await eventCount()).toBe(before);
    });

    it('refuses to register for a cancelled activity (409 naming its state) and a second time (409)', async () => {
      const id = await publishedActivity();
      const existing = (await register(id, resident(6)).expect(201)).body.registrationId;
      const twice = await register(id, resident(6), 2).expect(409);
      expect(twice.body).toMatchObject({
        code: 'COMMUNITY_ACTIVITY.ALREADY_REGISTERED',
        existingRegistrationId: existing,
      });
      await post(id, 'cancellation', { reason: 'venue_unavailable' }).expect(200);
      const before = await eventCount();
      const response = await register(id, resident(1)).expect(409);
      expect(response.body).toMatchObject({
        code: 'COMMUNITY_ACTIVITY.TRANSITION_NOT_ALLOWED',
        currentState: 'cancelled',
        allowedStates: ['published'],
      });
      expect(await eventCount()).toBe(before);
    });

    it('refuses to lower the capacity below the confirmed places, with the count', async () => {
      const id = await publishedActivity();
      await register(id, resident(1), 3).expect(201);
      await register(id, resident(2), 2).expect(201);
      const before = await eventCount();
      const response = await post(id, 'changes', { capacity: 4 }).expect(422);
      expect(response.body).toMatchObject({
        type: 'urn:cx:problem:community-activity-capacity-below-taken-places',
        field: 'capacity',
        capacity: 4,
        confirmedPlaces: 5,
        offeredPlaces: 0,
      });
      expect(await eventCount()).toBe(before);
    });

    it.each([
      ['an unknown field', { residentName: 'Wang Fang' }, 'residentName'],
      ['a name in place of the subject id', { residentId: 'Wang Fang' }, 'residentId'],
      ['a phone number in place of the subject id', { residentId: '13800138000' }, 'residentId'],
      ['no party', { partySize: 0 }, 'partySize'],
      ['a party above any activity’s', { partySize: 11 }, 'partySize'],
      ['a party that is not a whole number', { partySize: 1.5 }, 'partySize'],
    ])('refuses a registration with %s (400 naming the field)', async (_label, changes, field) => {
      const id = await publishedActivity();
      const before = await eventCount();
      const response = await post(id, 'registrations', { residentId: resident(1), partySize: 1, ...changes }, agent());
      expect(response.status).toBe(400);
      expect(fieldsOf(response.body)).toContain(field);
      expect(await eventCount()).toBe(before);
    });

    it.each([
      ['an end before the start', { endsAt: '2026-05-10T18:00:00+08:00' }, 422, 'endsAt'],
      [
        'a window closing after the start',
        { registrationClosesAt: '2026-05-10T20:00:00+08:00' },
        422,
        'registrationClosesAt',
      ],
      [
        'a start in the past',
        { startsAt: '2026-04-30T19:00:00+08:00', endsAt: '2026-04-30T21:00:00+08:00' },
        422,
        'startsAt',
      ],
      ['parties larger than the capacity', { capacity: 2 }, 422, 'maxPartySize'],
      ['an unknown category', { category: 'karaoke' }, 400, 'category'],
      ['an age group that is not one', { ageGroups: ['toddlers'] }, 400, 'ageGroups'],
      ['a time without its offset', { startsAt: '2026-05-10T19:00:00' }, 400, 'startsAt'],
      ['a community that is not a project code', { community: 'Pudong No. 7' }, 400, 'community'],
      ['no places', { capacity: 0 }, 400, 'capacity'],
    ])('refuses to plan with %s, naming the field', async (_label, changes, status, field) => {
      const before = await eventCount();
      const response = await plan(lantern(changes)).expect(status);
      expect(fieldsOf(response.body)).toContain(field);
      expect(await eventCount()).toBe(before);
    });

    it('refuses check-in before it opens (409) and a code that is no code (400), counting nothing', async () => {
      const id = await publishedActivity();
      const code = (await register(id, resident(1)).expect(201)).body.checkInCode;
      const before = await eventCount();
      const early = await post(id, 'check-ins', { code }).expect(409);
      expect(early.body).toMatchObject({
        code: 'COMMUNITY_ACTIVITY.NOT_AT_THIS_TIME',
        rule: 'check-in opens at 2026-05-10T09:00:00.000Z',
      });
      await post(id, 'check-ins', { code: 'not-a-code' }).expect(400);
      expect(await eventCount()).toBe(before);
    });

    it('refuses residents that are not subject ids on the register route, importing none of the request', async () => {
      const before = await eventCount();
      const response = await registerResidents([
        { residentId: resident(9) },
        { residentId: 'Li Wei', elderlyCare: 'yes' },
      ]);
      expect(response.status).toBe(400);
      expect(fieldsOf(response.body)).toEqual(['residents.1.residentId', 'residents.1.elderlyCare']);
      const twice = await registerResidents([{ residentId: resident(9) }, { residentId: resident(9) }]).expect(422);
      expect(twice.body).toMatchObject({ code: 'COMMUNITY_REGISTER.RULE_VIOLATED', field: 'residents' });
      expect(await eventCount()).toBe(before);
    });
  });

  describe('the community register', () => {
    it('adds residents once: the same again appends nothing, a changed enrolment is one event', async () => {
      const read = async () =>
        (
          await http()
            .get(`/v1/communities/${community}/residents`)
            .set('Authorization', as('m-1', 'manager'))
            .expect(200)
        ).body;
      const before = await read();
      await registerResidents([{ residentId: resident(1) }, { residentId: resident(2) }]).expect(200);
      expect(await read()).toEqual(before);
      const changed = await registerResidents([{ residentId: resident(1), elderlyCare: true }])
        .set('If-Match', `"${before.version}"`)
        .expect(200);
      expect(changed.body).toEqual({ ...before, elderlyCare: before.elderlyCare + 1, version: before.version + 1 });
      expect(changed.headers.etag).toBe(`"${before.version + 1}"`);
    });
  });

  describe('roles', () => {
    it('answers 403 to roles that may not act, appending nothing', async () => {
      const id = await publishedActivity();
      const registration = (await register(id, resident(2)).expect(201)).body.registrationId;
      const before = await eventCount();
      const refused: [() => request.Test, string][] = [
        [() => plan(lantern(), agent()), 'agent plans'],
        [() => registerResidents([{ residentId: resident(8) }], agent()), 'agent keeps the register'],
        [() => register(id, resident(3), 1, as('m-1', 'manager')), 'manager registers'],
        [() => post(id, 'publication', {}, as('a-1', 'auditor')), 'auditor publishes'],
        [() => post(id, 'check-ins', { code: 'ZZZZZZZZZZZZZZZZ' }, agent()), 'agent checks in'],
        [() => post(id, 'attendance-closure', {}, as('c-1', 'ceo_office')), 'CEO office closes attendance'],
        [() => post(id, `registrations/${registration}/cancellation`, {}, as('a-1', 'auditor')), 'auditor cancels'],
      ];
      for (const [call, label] of refused) {
        const response = await call();
        expect({ label, status: response.status }).toEqual({ label, status: 403 });
      }
      expect(await eventCount()).toBe(before);
    });

    it('lets managers, the CEO office and auditors read an activity, and agents a registration', async () => {
      const id = await publishedActivity();
      const registration = (await register(id, resident(3)).expect(201)).body.registrationId;
      for (const role of ['manager', 'ceo_office', 'auditor', 'community_staff'] as Role[]) {
        await http().get(`/v1/activities/${id}`).set('Authorization', as('u-1', role)).expect(200);
      }
      await http().get(`/v1/activities/${id}`).set('Authorization', agent()).expect(403);
      await http().get(`/v1/activities/${id}/registrations/${registration}`).set('Authorization', agent()).expect(200);
      await http().get(`/v1/activities/${randomUUID()}`).set('Authorization', staff()).expect(404);
    });
  });

  describe('region and project scopes', () => {
    const scoped = (scope: string, ...roles: Role[]) =>
      `Bearer ${signToken({ sub: 'cs-scoped', name: 'cs-scoped', roles, scope }, config.jwtSecret)}`;
    const pudong = () => scoped('project:SH-PUDONG-07', 'community_staff', 'agent');
    const tianhe = () => scoped('project:GZ-TIANHE-02', 'community_staff', 'agent');

    it('lets a scoped caller plan and keep the register in its communities only: elsewhere 403 naming the scope', async () => {
      await plan(lantern(), pudong()).expect(201);
      const before = await eventCount();
      const refused = await plan(lantern({ community: 'GZ-TIANHE-02' }), pudong()).expect(403);
      expect(refused.body).toMatchObject({
        code: 'COMMUNITY.OUTSIDE_CALLER_SCOPE',
        community: 'GZ-TIANHE-02',
        scope: 'project:SH-PUDONG-07',
      });
      const byRegion = await plan(lantern(), scoped('region:east-china', 'community_staff')).expect(403);
      expect(byRegion.body).toMatchObject({ code: 'COMMUNITY.OUTSIDE_CALLER_SCOPE', community });
      await registerResidents([{ residentId: resident(7) }], tianhe()).expect(403);
      await http().get(`/v1/communities/${community}/residents`).set('Authorization', tianhe()).expect(403);
      expect(await eventCount()).toBe(before);
    });

    it('answers 404, as for no activity, when a scoped caller reads or acts on another community’s, before If-Match', async () => {
      const id = await publishedActivity();
      const { registrationId, checkInCode } = (await register(id, resident(1), 2).expect(201)).body;
      const unknown = randomUUID();
      const before = await eventCount();
      const reg = `registrations/${registrationId}`;
      const notFound = 'COMMUNITY_ACTIVITY.NOT_FOUND';
      const refused: [string, request.Test, string][] = [
        ['read', http().get(`/v1/activities/${id}`).set('Authorization', tianhe()), notFound],
        ['read a registration', http().get(`/v1/activities/${id}/${reg}`).set('Authorization', tianhe()), notFound],
        ['change', post(id, 'changes', { venue: 'Probing' }, tianhe()).set('If-Match', '"99"'), notFound],
        ['cancel', post(id, 'cancellation', { reason: 'other' }, tianhe()), notFound],
        ['register', register(id, resident(2), 1, tianhe()).set('Idempotency-Key', 'probe-1'), notFound],
        ['cancel a registration', post(id, `${reg}/cancellation`, {}, tianhe()).set('If-Match', '"99"'), notFound],
        ['accept an offer', post(id, `${reg}/offer-acceptance`, {}, tianhe()), notFound],
        ['give feedback', post(id, `${reg}/feedback`, { rating: 1 }, tianhe()), notFound],
        ['check in from the list', post(id, `${reg}/check-in`, {}, tianhe()), notFound],
        [
          'scan a code',
          post(id, 'check-ins', { code: checkInCode }, tianhe()),
          'COMMUNITY_ACTIVITY.CHECK_IN_CODE_NOT_RECOGNISED',
        ],
        ['add a photo', post(id, 'photos', { reference: 'oss://cx-community/probe.jpg' }, tianhe()), notFound],
        ['close attendance', post(id, 'attendance-closure', {}, tianhe()), notFound],
      ];
      for (const [label, call, code] of refused) {
        const response = await call;
        expect({ label, status: response.status, code: response.body.code }).toEqual({ label, status: 404, code });
      }
      const outOfScope = await http().get(`/v1/activities/${id}`).set('Authorization', tianhe());
      const missing = await http().get(`/v1/activities/${unknown}`).set('Authorization', tianhe());
      expect(outOfScope.body.detail.replace(id, unknown)).toBe(missing.body.detail);
      const scan = await post(unknown, 'check-ins', { code: checkInCode }, tianhe()).expect(404);
      expect(scan.body.code).toBe('COMMUNITY_ACTIVITY.CHECK_IN_CODE_NOT_RECOGNISED');
      expect(await eventCount()).toBe(before);

      await http().get(`/v1/activities/${id}/${reg}`).set('Authorization', pudong()).expect(200);
      await post(id, 'changes', { venue: 'Clubhouse hall' }, pudong()).set('If-Match', '"3"').expect(200);
    });
  });

  it('documents the routes in the OpenAPI document', async () => {
    const docs = await http().get('/docs-json').expect(200);
    expect(Object.keys(docs.body.paths)).toEqual(
      expect.arrayContaining([
        '/v1/communities/{community}/residents',
        '/v1/activities',
        '/v1/activities/{activityId}',
        '/v1/activities/{activityId}/publication',
        '/v1/activities/{activityId}/changes',
        '/v1/activities/{activityId}/cancellation',
        '/v1/activities/{activityId}/registrations',
        '/v1/activities/{activityId}/registrations/{registrationId}',
        '/v1/activities/{activityId}/registrations/{registrationId}/cancellation',
        '/v1/activities/{activityId}/registrations/{registrationId}/offer-acceptance',
        '/v1/activities/{activityId}/registrations/{registrationId}/check-in',
        '/v1/activities/{activityId}/registrations/{registrationId}/feedback',
        '/v1/activities/{activityId}/check-ins',
        '/v1/activities/{activityId}/attendance-closure',
        '/v1/activities/{activityId}/photos',
        '/v1/care-services',
        '/v1/care-services/{careServiceId}',
      ]),
    );
  });
});

/** Every value of a field that names a resident, anywhere in an event's data. */
function residentIdsIn(data: unknown): string[] {
  if (Array.isArray(data)) return data.flatMap(residentIdsIn);
  if (data === null || typeof data !== 'object') return [];
  return Object.entries(data).flatMap(([key, value]) => {
    if (key === 'residentId') return [value as string];
    if (key === 'attendeesToNotify') return value as string[];
    return residentIdsIn(value);
  });
}
