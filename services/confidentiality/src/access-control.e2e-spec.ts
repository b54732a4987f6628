import { randomBytes } from 'node:crypto';
import type { INestApplication } from '@nestjs/common';
import { Role, signToken } from '@cx/auth';
import { namespacedTopic, Topics } from '@cx/contracts';
import { ManualClock, ServiceConfig } from '@cx/platform';
import { eventually, testServiceConfig, TestDatabase, TopicReader } from '@cx/testing';
import { Pool } from 'pg';
import request from 'supertest';
import { createConfidentialityApp } from './confidentiality.app';
import { GrantExpiryJob } from './infrastructure/jobs/grant-expiry-job';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const vaultKeys = {
  masterKeys: new Map([['k1', randomBytes(32)]]),
  activeMasterKeyId: 'k1',
  indexKey: randomBytes(32),
};
/** Every value seeded into the vault: none may show up on the topic. */
const seeded: string[] = [];
let people = 0;

describe('classification and access authorities over HTTP (real Postgres, real Kafka, time moved by hand)', () => {
  let app: INestApplication;
  let config: ServiceConfig;
  let database: TestDatabase;
  let pool: Pool;
  let topic: TopicReader;
  const clock = new ManualClock(new Date('2026-11-25T01:00:00.000Z'));
  const as = (sub: string, ...roles: Role[]) => `Bearer ${signToken({ sub, name: sub, roles }, config.jwtSecret)}`;
  const dpo1 = () => as('dpo-1', 'dpo');
  const dpo2 = () => as('dpo-2', 'dpo');
  const http = () => request(app.getHttpServer());
  const count = async (table: string) => Number((await pool.query(`SELECT count(*) FROM ${table}`)).rows[0].count);
  const stored = async () => ({
    events: await count('events'),
    assets: await count('information_assets'),
    grants: await count('access_grants'),
    audit: await count('access_audit'),
  });
  const typesOf = async (streamId: string) =>
    (await pool.query('SELECT type FROM events WHERE stream_id = $1 ORDER BY stream_version', [streamId])).rows.map(
      (r) => r.type,
    );
  const onTopic = (key: string, type: string) =>
    eventually(() => {
      const found = topic.messages.find((m) => m.key === key && m.headers['event-type'] === type);
      if (!found) throw new Error(`${type} of ${key} is not on the topic yet`);
      return JSON.parse(found.value!);
    });
  const inDays = (days: number) => new Date(clock.now().getTime() + days * DAY).toISOString();

  const register = async () => {
    const n = ++people;
    const name = `测试${n}`;
    const phone = `137${String(n).padStart(8, '0')}`;
    seeded.push(name, phone);
    const response = await http()
      .post('/v1/subjects')
      .set('Authorization', as('agent-7', 'agent'))
      .send({ name, phone })
      .expect(201);
    return response.body.subjectId as string;
  };
  const requestAccess = (auth: string, body: object) =>
    http().post('/v1/access-grants').set('Authorization', auth).send(body);
  const personalData = (level = 'confidential', subjectId?: string) => ({
    category: 'customer_personal_information',
    level,
    ...(subjectId ? { subjectId } : {}),
  });
  const grantPost = (grantId: string, path: string, auth = dpo2(), body: object = {}) =>
    http().post(`/v1/access-grants/${grantId}/${path}`).set('Authorization', auth).send(body);
  /** Requested by `holder` for themselves, approved by dpo-2. */
  const approvedGrant = async (holder: string, role: Role, purpose: string, days = 30, level = 'confidential') => {
    const requested = await requestAccess(as(holder, role), {
      scope: personalData(level),
      purpose,
      expiresAt: inDays(days),
    }).expect(201);
    await grantPost(requested.body.grantId, 'approval').expect(200);
    return requested.body.grantId as string;
  };
  const reveal = (subjectId: string, auth: string, body: object = { purpose: 'service_callback', fields: ['phone'] }) =>
    http().post(`/v1/subjects/${subjectId}/reveal`).set('Authorization', auth).send(body);
  const audit = (query: string, auth = as('auditor-1', 'auditor')) =>
    http().get(`/v1/access-audit?${query}`).set('Authorization', auth);

  beforeAll(async () => {
    ({ config, database } = await testServiceConfig('confidentiality_access'));
    app = await createConfidentialityApp(config, { vaultKeys, clock, jobIntervalMs: HOUR });
    await app.init();
    pool = new Pool({ connectionString: config.databaseUrl });
    topic = await new TopicReader(
      config.kafkaBrokers,
      namespacedTopic(Topics.confidentiality, config.topicNamespace),
    ).start();
  });

  afterAll(async () => {
    await topic?.stop();
    await pool?.end();
    await app?.close();
    await database?.drop();
  });

  describe('the information asset register', () => {
    const crm = {
      name: 'CRM customer contact records',
      category: 'customer_personal_information',
      level: 'confidential',
      ownerId: 'dpo-1',
      handlingRules: 'Masked by default; in clear only under an access grant.',
    };

    it('registers an asset, reclassifies it under If-Match and retires it, each an event on the topic', async () => {
      const created = await http()
        .post('/v1/information-assets')
        .set('Authorization', dpo1())
        .set('Idempotency-Key', 'register-crm')
        .send(crm)
        .expect(201);
      const { assetId } = created.body;
      expect(created.headers.location).toBe(`/v1/information-assets/${assetId}`);
      expect(created.headers.etag).toBe('"1"');
      expect(created.body).toEqual({
        assetId,
        status: 'active',
        ...crm,
        registeredAt: clock.now().toISOString(),
        reclassifications: [],
        retiredAt: null,
        retirementReason: null,
        version: 1,
      });
      const replay = await http()
        .post('/v1/information-assets')
        .set('Authorization', dpo1())
        .set('Idempotency-Key', 'register-crm')
        .send(crm)
        .expect(201);
      expect(replay.body.assetId).toBe(assetId);
      expect(replay.headers['idempotent-replayed']).toBe('true');

      const reclassification = { level: 'secret', reason: 'ID numbers are now held' };
      const stale = await http()
        .post(`/v1/information-assets/${assetId}/reclassification`)
        .set('Authorization', as('admin-1', 'admin'))
        .set('If-Match', '"7"')
        .send(reclassification)
        .expect(412);
      expect(stale.body).toMatchObject({ code: 'EVENT_STORE.STALE_VERSION', currentVersion: 1 });
      const reclassified = await http()
        .post(`/v1/information-assets/${assetId}/reclassification`)
        .set('Authorization', as('admin-1', 'admin'))
        .set('If-Match', '"1"')
        .send(reclassification)
        .expect(200);
      expect(reclassified.headers.etag).toBe('"2"');
      expect(reclassified.body).toMatchObject({
        level: 'secret',
        reclassifications: [{ fromLevel: 'confidential', toLevel: 'secret', reason: 'ID numbers are now held' }],
      });

      const retired = await http()
        .post(`/v1/information-assets/${assetId}/retirement`)
        .set('Authorization', dpo1())
        .send({ reason: 'CRM replaced' })
        .expect(200);
      expect(retired.body).toMatchObject({ status: 'retired', retirementReason: 'CRM replaced', level: 'secret' });
      const again = await http()
        .post(`/v1/information-assets/${assetId}/reclassification`)
        .set('Authorization', dpo1())
        .send({ level: 'confidential', reason: 'too late' })
        .expect(409);
      expect(again.body).toMatchObject({ code: 'INFORMATION_ASSET.TRANSITION_NOT_ALLOWED', currentState: 'retired' });

      expect(await typesOf(assetId)).toEqual([
        'InformationAssetRegistered',
        'InformationAssetReclassified',
        'InformationAssetRetired',
      ]);
      const event = await onTopic(assetId, 'InformationAssetReclassified');
      expect(event).toMatchObject({
        streamType: 'InformationAsset',
        actor: { type: 'user', id: 'admin-1' },
        data: { assetId, fromLevel: 'confidential', toLevel: 'secret', reason: 'ID numbers are now held' },
      });
    });

    it('lists the register most sensitive first, filtered by category, level and status; auditors read it', async () => {
      const register = (body: object) =>
        http()
          .post('/v1/information-assets')
          .set('Authorization', dpo1())
          .send({ ...crm, ...body })
          .expect(201);
      await register({ name: 'Supplier price list', category: 'commercial_information', level: 'internal' });
      await register({ name: 'Land bid strategy', category: 'commercial_information', level: 'secret' });
      await register({ name: 'Press releases', category: 'commercial_information', level: 'public' });

      const list = await http()
        .get('/v1/information-assets?category=commercial_information')
        .set('Authorization', as('auditor-1', 'auditor'))
        .expect(200);
      expect(list.body.items.map((a: { name: string }) => a.name)).toEqual([
        'Land bid strategy',
        'Supplier price list',
        'Press releases',
      ]);
      expect(list.body).toMatchObject({ total: 3, limit: 100, offset: 0 });
      const secret = await http()
        .get('/v1/information-assets?level=secret&status=active&limit=1')
        .set('Authorization', dpo1())
        .expect(200);
      expect(secret.body).toMatchObject({ total: 1, items: [{ name: 'Land bid strategy', status: 'active' }] });
      const retired = await http().get('/v1/information-assets?status=retired').set('Authorization', dpo1());
      expect(retired.body.items).toEqual([expect.objectContaining({ name: crm.name, level: 'secret' })]);

      const one = list.body.items[0].assetId;
      await http().get(`/v1/information-assets/${one}`).set('Authorization', as('auditor-1', 'auditor')).expect(200);
      await http().get('/v1/information-assets').set('Authorization', as('agent-7', 'agent')).expect(403);
      await http()
        .post('/v1/information-assets')
        .set('Authorization', as('auditor-1', 'auditor'))
        .send(crm)
        .expect(403);
    });

    it.each([
      ['without a category', { category: undefined }, 400, ['category']],
      ['with an unknown level', { level: 'top_secret' }, 400, ['level']],
      ['with a blank name and an unknown field', { name: '  ', tags: ['x'] }, 400, ['name', 'tags']],
      ['with an owner that is not a user id', { ownerId: 'Wang Fang' }, 400, ['ownerId']],
    ])('refuses an asset %s (400 listing the fields), storing nothing', async (_label, change, status, fields) => {
      const before = await stored();
      const response = await http()
        .post('/v1/information-assets')
        .set('Authorization', dpo1())
        .send({ ...crm, ...change })
        .expect(status);
      expect(response.body.errors.map((e: { field: string }) => e.field).sort()).toEqual(fields);
      expect(await stored()).toEqual(before);
    });

    it('refuses customer personal information below confidential (422 naming the rule), storing nothing', async () => {
      const before = await stored();
      const response = await http()
        .post('/v1/information-assets')
        .set('Authorization', dpo1())
        .send({ ...crm, level: 'internal' })
        .expect(422);
      expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);
      expect(response.body).toMatchObject({
        type: 'urn:cx:problem:information-asset-rule-violated',
        field: 'level',
        rule: 'customer_personal_information is classified confidential or higher',
      });
      expect(await stored()).toEqual(before);
      await http()
        .get('/v1/information-assets/8b5a1f6e-9d2c-4e7b-a1f3-5c6d7e8f9a0b')
        .set('Authorization', dpo1())
        .expect(404);
    });
  });

  describe('access grants and unmasked reads', () => {
    it('request → self-approval refused → approved by another dpo → read allowed and audited → revoked → read denied and audited', async () => {
      const subjectId = await register();
      const requested = await requestAccess(dpo1(), {
        scope: personalData(),
        purpose: 'service_callback',
        expiresAt: inDays(30),
      }).expect(201);
      const { grantId } = requested.body;
      expect(requested.headers.location).toBe(`/v1/access-grants/${grantId}`);
      expect(requested.headers.etag).toBe('"1"');
      expect(requested.body).toMatchObject({
        grantId,
        status: 'requested',
        grantee: { type: 'user', id: 'dpo-1' },
        scope: { category: 'customer_personal_information', level: 'confidential', subjectId: null },
        purpose: 'service_callback',
        expiresAt: inDays(30),
        requestedBy: 'dpo-1',
        approvedBy: null,
      });

      const pending = await reveal(subjectId, dpo1()).expect(403);
      expect(pending.body).toMatchObject({ code: 'ACCESS.DENIED', reason: 'grant_pending', grantId });

      const before = await stored();
      const selfApproval = await grantPost(grantId, 'approval', dpo1()).expect(403);
      expect(selfApproval.headers['content-type']).toMatch(/^application\/problem\+json/);
      expect(selfApproval.body).toMatchObject({
        type: 'urn:cx:problem:access-grant-self-approval',
        code: 'ACCESS_GRANT.SELF_APPROVAL',
        grantId,
        rule: 'the requester cannot approve their own request',
      });
      await grantPost(grantId, 'approval', as('agent-7', 'agent')).expect(403);
      expect(await stored()).toEqual(before);

      const approved = await grantPost(grantId, 'approval').set('If-Match', '"1"').expect(200);
      expect(approved.headers.etag).toBe('"2"');
      expect(approved.body).toMatchObject({ status: 'approved', approvedBy: 'dpo-2', approvedAt: expect.any(String) });

      const allowed = await reveal(subjectId, dpo1()).expect(200);
      expect(allowed.body).toMatchObject({
        subjectId,
        fields: ['phone'],
        grantId,
        personalData: { phone: seeded.at(-1) },
      });
      const revealedEvent = await onTopic(subjectId, 'PersonalDataRevealed');
      expect(revealedEvent).toMatchObject({
        schemaVersion: 2,
        data: { subjectId, fields: ['phone'], revealedTo: 'dpo-1', purpose: 'service_callback', grantId },
      });

      await grantPost(grantId, 'revocation', dpo2(), {}).expect(400);
      const revoked = await grantPost(grantId, 'revocation', dpo2(), { reason: 'callback done' }).expect(200);
      expect(revoked.body).toMatchObject({
        status: 'revoked',
        revocation: { by: 'dpo-2', reason: 'callback done', at: clock.now().toISOString() },
      });
      await onTopic(grantId, 'AccessGrantRevoked');

      const denied = await reveal(subjectId, dpo1()).expect(403);
      expect(denied.headers['content-type']).toMatch(/^application\/problem\+json/);
      expect(denied.body).toMatchObject({
        type: 'urn:cx:problem:access-denied',
        code: 'ACCESS.DENIED',
        subjectId,
        reason: 'grant_revoked',
        grantId,
      });
      expect(JSON.stringify(denied.body)).not.toContain(seeded.at(-1));
      const deniedEvent = await onTopic(denied.body.denialId, 'AccessDenied');
      expect(deniedEvent).toMatchObject({
        streamType: 'AccessDenial',
        actor: { type: 'user', id: 'dpo-1' },
        data: {
          denialId: denied.body.denialId,
          subjectId,
          requestedBy: 'dpo-1',
          purpose: 'service_callback',
          fields: ['phone'],
          reason: 'grant_revoked',
          grantId,
        },
      });
      expect(await typesOf(subjectId)).toEqual(['SubjectRegistered', 'PersonalDataRevealed']);

      const trail = await audit(`subjectId=${subjectId}`).expect(200);
      expect(trail.body.items.map((e: { decision: string; reason: string | null }) => [e.decision, e.reason])).toEqual([
        ['denied', 'grant_pending'],
        ['allowed', null],
        ['denied', 'grant_revoked'],
      ]);
    });

    it('denies a read once the grant has expired by time, before and after the expiry job records it', async () => {
      const subjectId = await register();
      const grantId = await approvedGrant('agent-11', 'agent', 'complaint_handling', 2);
      const body = { purpose: 'complaint_handling', fields: ['name', 'phone'] };
      await reveal(subjectId, as('agent-11', 'agent'), body).expect(200);

      clock.advance(2 * DAY);
      const expired = await reveal(subjectId, as('agent-11', 'agent'), body).expect(403);
      expect(expired.body).toMatchObject({ reason: 'grant_expired', grantId });
      const lapsed = await http().get(`/v1/access-grants/${grantId}`).set('Authorization', dpo1()).expect(200);
      expect(lapsed.body).toMatchObject({ status: 'expired', expiredAt: null });

      await app.get(GrantExpiryJob).tick();
      const recorded = await pool.query(
        'SELECT type, metadata FROM events WHERE stream_id = $1 ORDER BY stream_version',
        [grantId],
      );
      expect(recorded.rows.map((r) => r.type)).toEqual([
        'AccessRequested',
        'AccessGrantApproved',
        'AccessGrantExpired',
      ]);
      expect(recorded.rows[2].metadata.actor).toEqual({ type: 'system', id: 'grant-expiry-job' });
      await app.get(GrantExpiryJob).tick();
      expect(await typesOf(grantId)).toHaveLength(3);
      const after = await http().get(`/v1/access-grants/${grantId}`).set('Authorization', dpo1()).expect(200);
      expect(after.body).toMatchObject({ status: 'expired', expiredAt: clock.now().toISOString() });

      await reveal(subjectId, as('agent-11', 'agent'), body).expect(403);
      await onTopic(grantId, 'AccessGrantExpired');
    });

    it('grants to a role for one subject: any holder reads it, no other subject, and not the secret ID number', async () => {
      const subjectId = await register();
      const other = await register();
      const requested = await requestAccess(dpo1(), {
        grantee: { type: 'role', id: 'agent' },
        scope: personalData('confidential', subjectId),
        purpose: 'service_callback',
        expiresAt: inDays(7),
      }).expect(201);
      await grantPost(requested.body.grantId, 'approval').expect(200);

      await reveal(subjectId, as('agent-31', 'agent')).expect(200);
      await reveal(subjectId, as('agent-32', 'agent'), { purpose: 'service_callback' }).expect(200);
      const otherSubject = await reveal(other, as('agent-31', 'agent')).expect(403);
      expect(otherSubject.body.reason).toBe('no_grant');
      seeded.push('11010519491231002X');
      const idNumber = await http()
        .post(`/v1/subjects/${subjectId}/correction`)
        .set('Authorization', dpo1())
        .send({ idNumber: '11010519491231002X' })
        .expect(200);
      expect(idNumber.body.categories).toContain('idNumber');
      const secret = await reveal(subjectId, as('agent-31', 'agent'), {
        purpose: 'service_callback',
        fields: ['idNumber'],
      }).expect(403);
      expect(secret.body).toMatchObject({ reason: 'level_not_granted', grantId: requested.body.grantId });
      const wrongPurpose = await reveal(subjectId, as('agent-31', 'agent'), { purpose: 'legal_obligation' }).expect(
        403,
      );
      expect(wrongPurpose.body.reason).toBe('purpose_not_granted');
    });

    it('lets a revocation committing during a read win: the read is decided again and denied', async () => {
      const subjectId = await register();
      const grantId = await approvedGrant('agent-21', 'agent', 'service_callback');
      // A revocation's transaction as it commits: the grant's row changed and locked, not committed yet.
      const revocation = await pool.connect();
      try {
        await revocation.query('BEGIN');
        await revocation.query("UPDATE access_grants SET status = 'revoked' WHERE grant_id = $1", [grantId]);
        const read = reveal(subjectId, as('agent-21', 'agent')).then((response) => response);
        await eventually(async () => {
          const waiting = await pool.query(
            "SELECT count(*) FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock'",
          );
          expect(Number(waiting.rows[0].count)).toBe(1);
        });
        await revocation.query('COMMIT');
        const response = await read;
        expect(response.status).toBe(403);
        expect(response.body).toMatchObject({ reason: 'grant_revoked', grantId });
      } finally {
        revocation.release();
      }
      expect(await typesOf(subjectId)).toEqual(['SubjectRegistered']);
      const trail = await audit(`subjectId=${subjectId}`).expect(200);
      expect(trail.body.items).toEqual([expect.objectContaining({ decision: 'denied', reason: 'grant_revoked' })]);
    });

    describe('bad input', () => {
      const valid = () => ({ scope: personalData(), purpose: 'service_callback', expiresAt: inDays(10) });

      it.each([
        ['without a purpose', { purpose: undefined }, ['purpose']],
        ['without an expiry', { expiresAt: undefined }, ['expiresAt']],
        ['without purpose or expiry', { purpose: undefined, expiresAt: undefined }, ['expiresAt', 'purpose']],
        ['with a purpose outside the vocabulary', { purpose: 'curiosity' }, ['purpose']],
        ['with an expiry that is no date', { expiresAt: 'next month' }, ['expiresAt']],
        ['for a role that does not exist', { grantee: { type: 'role', id: 'superuser' } }, ['grantee.id']],
        [
          'for a phone number instead of a subject',
          { scope: personalData('secret', '13812345678') },
          ['scope.subjectId'],
        ],
        ['with an unknown field', { approvedBy: 'dpo-2' }, ['approvedBy']],
      ])('refuses a grant %s (400 listing the fields), storing nothing', async (_label, change, fields) => {
        const before = await stored();
        const response = await requestAccess(dpo1(), { ...valid(), ...change }).expect(400);
        expect(response.body.type).toBe('urn:cx:problem:validation');
        expect(response.body.errors.map((e: { field: string }) => e.field).sort()).toEqual(fields);
        expect(await stored()).toEqual(before);
      });

      it.each([
        ['in the past', () => inDays(-1), 'must be in the future'],
        ['more than 90 days ahead', () => inDays(91), 'must be at most 90 days ahead'],
      ])('refuses an expiry %s (422 naming expiresAt), storing nothing', async (_label, expiresAt, rule) => {
        const before = await stored();
        const response = await requestAccess(dpo1(), { ...valid(), expiresAt: expiresAt() }).expect(422);
        expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);
        expect(response.body).toMatchObject({
          type: 'urn:cx:problem:access-grant-rule-violated',
          code: 'ACCESS_GRANT.RULE_VIOLATED',
          field: 'expiresAt',
          rule,
        });
        expect(await stored()).toEqual(before);
      });

      it('refuses a grant for a subject that does not exist (422), and answers 404 for an unknown grant', async () => {
        const before = await stored();
        const response = await requestAccess(dpo1(), {
          ...valid(),
          scope: personalData('confidential', 'subj_doesnotexist01'),
        }).expect(422);
        expect(response.body).toMatchObject({ field: 'scope.subjectId', rule: 'the subject is not_registered' });
        expect(await stored()).toEqual(before);
        const unknown = await grantPost('5d6e7f80-1a2b-4c3d-8e9f-a0b1c2d3e4f5', 'approval').expect(404);
        expect(unknown.body).toMatchObject({ code: 'ACCESS_GRANT.NOT_FOUND' });
        await grantPost('not-a-uuid', 'approval').expect(400);
      });

      it('refuses a request from a role that never holds grants', async () => {
        await requestAccess(as('bi-1', 'bi_reader'), valid()).expect(403);
      });
    });
  });

  describe('the periodic access review', () => {
    it('lists every active grant: who, what, why, approver, expiry and days left; nothing pending, revoked or expired', async () => {
      const active = await approvedGrant('manager-41', 'manager', 'complaint_handling', 30 + 1 / 24, 'secret');
      const revoked = await approvedGrant('manager-42', 'manager', 'complaint_handling');
      await grantPost(revoked, 'revocation', dpo2(), { reason: 'moved to another team' }).expect(200);
      const pending = (
        await requestAccess(as('manager-43', 'manager'), {
          scope: personalData(),
          purpose: 'complaint_handling',
          expiresAt: inDays(5),
        }).expect(201)
      ).body.grantId;
      const shortLived = await approvedGrant('manager-44', 'manager', 'complaint_handling', 1);
      clock.advance(DAY);

      const review = await http()
        .get('/v1/access-review?limit=500')
        .set('Authorization', as('auditor-1', 'auditor'))
        .expect(200);
      expect(review.body.asOf).toBe(clock.now().toISOString());
      const ids = review.body.items.map((g: { grantId: string }) => g.grantId);
      expect(ids).toContain(active);
      expect(ids).not.toEqual(expect.arrayContaining([revoked]));
      expect(ids).not.toEqual(expect.arrayContaining([pending]));
      expect(ids).not.toEqual(expect.arrayContaining([shortLived]));
      expect(review.body.items.find((g: { grantId: string }) => g.grantId === active)).toEqual({
        grantId: active,
        grantee: { type: 'user', id: 'manager-41' },
        scope: { category: 'customer_personal_information', level: 'secret', subjectId: null },
        purpose: 'complaint_handling',
        requestedBy: 'manager-41',
        approvedBy: 'dpo-2',
        approvedAt: expect.any(String),
        expiresAt: expect.any(String),
        daysLeft: 29,
      });
      const expiries = review.body.items.map((g: { expiresAt: string }) => g.expiresAt);
      expect(expiries).toEqual([...expiries].sort());
      expect(review.body.total).toBe(review.body.items.length);

      const page = await http().get('/v1/access-review?limit=1&offset=1').set('Authorization', dpo1()).expect(200);
      expect(page.body).toMatchObject({ total: review.body.total, limit: 1, offset: 1, items: [review.body.items[1]] });
      await http().get('/v1/access-review').set('Authorization', as('manager-41', 'manager')).expect(403);
    });
  });

  describe('the access audit trail', () => {
    it('answers who saw or was refused what, filtered by subject, actor, decision and time, paged', async () => {
      const subjectId = await register();
      const grantId = await approvedGrant('agent-51', 'agent', 'service_callback');
      const t1 = clock.now().toISOString();
      await reveal(subjectId, as('agent-51', 'agent')).expect(200);
      clock.advance(HOUR);
      const t2 = clock.now().toISOString();
      await grantPost(grantId, 'revocation', dpo2(), { reason: 'done' }).expect(200);
      await reveal(subjectId, as('agent-51', 'agent')).expect(403);
      await reveal(subjectId, as('agent-52', 'agent'), { purpose: 'complaint_handling' }).expect(403);

      const all = await audit(`subjectId=${subjectId}`).expect(200);
      expect(all.body).toMatchObject({ total: 3, limit: 100, offset: 0 });
      expect(all.body.items).toEqual([
        {
          eventId: expect.any(String),
          position: expect.stringMatching(/^\d+$/),
          decidedAt: t1,
          decision: 'allowed',
          action: 'reveal',
          reason: null,
          subjectId,
          actor: 'agent-51',
          purpose: 'service_callback',
          fields: ['phone'],
          grantId,
        },
        expect.objectContaining({
          decidedAt: t2,
          decision: 'denied',
          reason: 'grant_revoked',
          actor: 'agent-51',
          grantId,
        }),
        expect.objectContaining({
          decidedAt: t2,
          decision: 'denied',
          reason: 'no_grant',
          actor: 'agent-52',
          purpose: 'complaint_handling',
          fields: ['name', 'phone'],
          grantId: null,
        }),
      ]);
      const eventTypes = await pool.query('SELECT type FROM events WHERE event_id = ANY($1) ORDER BY position', [
        all.body.items.map((e: { eventId: string }) => e.eventId),
      ]);
      expect(eventTypes.rows.map((r) => r.type)).toEqual(['PersonalDataRevealed', 'AccessDenied', 'AccessDenied']);

      const ofActor = await audit(`subjectId=${subjectId}&actor=agent-52`).expect(200);
      expect(ofActor.body.items.map((e: { actor: string }) => e.actor)).toEqual(['agent-52']);
      const allowedOnly = await audit(`subjectId=${subjectId}&decision=allowed`, dpo1()).expect(200);
      expect(allowedOnly.body.items.map((e: { decision: string }) => e.decision)).toEqual(['allowed']);
      const fromT2 = await audit(`subjectId=${subjectId}&from=${t2}`).expect(200);
      expect(fromT2.body.total).toBe(2);
      const beforeT2 = await audit(`subjectId=${subjectId}&to=${t2}`, as('admin-1', 'admin')).expect(200);
      expect(beforeT2.body.items.map((e: { decidedAt: string }) => e.decidedAt)).toEqual([t1]);
      const byActor = await audit('actor=agent-51&decision=denied').expect(200);
      expect(byActor.body.items).toEqual([expect.objectContaining({ subjectId, reason: 'grant_revoked' })]);
      const page = await audit(`subjectId=${subjectId}&limit=1&offset=1`).expect(200);
      expect(page.body).toMatchObject({ total: 3, items: [all.body.items[1]] });

      const backwards = await audit(`from=${t2}&to=${t1}`).expect(400);
      expect(backwards.body.errors).toEqual([{ field: 'to', messages: ['to must be later than from'] }]);
      const badFilters = await audit('subjectId=13812345678&decision=maybe&limit=0').expect(400);
      expect(badFilters.body.errors.map((e: { field: string }) => e.field).sort()).toEqual([
        'decision',
        'limit',
        'subjectId',
      ]);
      await audit(`subjectId=${subjectId}`, as('agent-51', 'agent')).expect(403);
    });

    it('is append-only: the database refuses to change or remove a row', async () => {
      expect(await count('access_audit')).toBeGreaterThan(0);
      const before = await count('access_audit');
      await expect(pool.query("UPDATE access_audit SET actor = 'someone-else'")).rejects.toThrow(
        'the access audit trail is append-only',
      );
      await expect(pool.query('DELETE FROM access_audit')).rejects.toThrow('the access audit trail is append-only');
      await expect(pool.query('TRUNCATE access_audit')).rejects.toThrow('the access audit trail is append-only');
      expect(await count('access_audit')).toBe(before);
    });
  });

  it('puts no seeded name or phone number on the topic', async () => {
    const events = await count('events');
    await eventually(() => expect(topic.messages.length).toBeGreaterThanOrEqual(events));
    const messages = JSON.stringify(topic.messages);
    expect(seeded.filter((value) => messages.includes(value))).toEqual([]);
  });
});
