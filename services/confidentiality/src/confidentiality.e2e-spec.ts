import { createHash, randomBytes } from 'node:crypto';
import type { INestApplication } from '@nestjs/common';
import { signToken, Role } from '@cx/auth';
import { namespacedTopic, Topics } from '@cx/contracts';
import type { ServiceConfig } from '@cx/platform';
import { eventually, testServiceConfig, TestDatabase, TopicReader } from '@cx/testing';
import { Pool } from 'pg';
import request from 'supertest';
import { createConfidentialityApp } from './confidentiality.app';
import { residentIdCheckCharacter } from './domain/personal-data/resident-id-number';
import { dataContext, keyContext, SubjectVault } from './infrastructure/subject-vault';
import { open, Sealed } from './infrastructure/vault/vault-crypto';
import type { VaultKeys } from './infrastructure/vault/vault-keys';

const vaultKeys: VaultKeys = {
  masterKeys: new Map([
    ['k1', randomBytes(32)],
    ['k2', randomBytes(32)],
  ]),
  activeMasterKeyId: 'k2',
  indexKey: randomBytes(32),
};

const SURNAMES = ['李', '张', '刘', '陈', '杨', '赵', '黄', '周', '吴', '徐'];
const GIVEN_NAMES = ['娜', '伟', '洋', '静', '磊', '敏', '强', '杰', '芳', '丽'];
/** Every value seeded into the vault: none of them may show up on the topic, in the events or in a dump. */
const seeded: string[] = [];
let people = 0;

/** A person with a name, phone and ID number of their own, typed the way a call centre types them. */
function person() {
  const n = ++people;
  const phone = `139${String(n).padStart(8, '0')}`;
  const first17 = `31011519900307${String(n).padStart(3, '0')}`;
  const idNumber = `${first17}${residentIdCheckCharacter(first17)}`;
  const name = `${SURNAMES[n % 10]}${GIVEN_NAMES[Math.floor(n / 10) % 10]}${GIVEN_NAMES[n % 10]}`;
  const detail = `张江路 ${n} 弄 6 号 1202 室`;
  seeded.push(name, phone, idNumber, `resident${n}`, detail);
  return {
    name,
    phone: `+86 ${phone.slice(0, 3)}-${phone.slice(3, 7)}-${phone.slice(7)}`,
    idNumber: idNumber.toLowerCase(),
    email: `resident${n}@Example.com`,
    address: { province: '上海市', city: '上海市', district: '浦东新区', detail },
    normalised: { phone, idNumber },
  };
}
const body = ({ normalised: _normalised, ...fields }: ReturnType<typeof person>) => fields;

describe('confidentiality over HTTP (real Postgres, real Kafka)', () => {
  let app: INestApplication;
  let config: ServiceConfig;
  let database: TestDatabase;
  let pool: Pool;
  let topic: TopicReader;
  const as = (sub: string, ...roles: Role[]) => `Bearer ${signToken({ sub, name: sub, roles }, config.jwtSecret)}`;
  const agent = () => as('agent-7', 'agent');
  const dpo = () => as('dpo-1', 'dpo');
  const http = () => request(app.getHttpServer());
  const count = async (table: string) => Number((await pool.query(`SELECT count(*) FROM ${table}`)).rows[0].count);
  const stored = async () => ({
    events: await count('events'),
    vault: await count('subject_vault'),
    keys: await count('subject_keys'),
    lookups: await count('subject_lookups'),
  });
  const typesOf = async (subjectId: string) =>
    (await pool.query('SELECT type FROM events WHERE stream_id = $1 ORDER BY stream_version', [subjectId])).rows.map(
      (r) => r.type,
    );
  const onTopic = (subjectId: string, type: string) =>
    eventually(() => {
      const found = topic.messages.find((m) => m.key === subjectId && m.headers['event-type'] === type);
      if (!found) throw new Error(`${type} of ${subjectId} is not on the topic yet`);
      return JSON.parse(found.value!);
    });
  const register = async (someone = person()) => {
    const response = await http().post('/v1/subjects').set('Authorization', agent()).send(body(someone)).expect(201);
    return response.body.subjectId as string;
  };
  const post = (subjectId: string, path: string, payload: object = {}, auth = dpo()) =>
    http().post(`/v1/subjects/${subjectId}/${path}`).set('Authorization', auth).send(payload);
  /** An approved grant for dpo-1: unmasked reads need one, the role alone no longer does. */
  const grantDpo = async (purpose: string) => {
    const expiresAt = new Date(Date.now() + 30 * 86_400_000).toISOString();
    const requested = await http()
      .post('/v1/access-grants')
      .set('Authorization', dpo())
      .send({ scope: { category: 'customer_personal_information', level: 'secret' }, purpose, expiresAt })
      .expect(201);
    await http()
      .post(`/v1/access-grants/${requested.body.grantId}/approval`)
      .set('Authorization', as('dpo-2', 'dpo'))
      .expect(200);
    return requested.body.grantId as string;
  };
  const grants: Record<string, string> = {};

  beforeAll(async () => {
    ({ config, database } = await testServiceConfig('confidentiality'));
    app = await createConfidentialityApp(config, { vaultKeys });
    await app.init();
    pool = new Pool({ connectionString: config.databaseUrl });
    topic = await new TopicReader(
      config.kafkaBrokers,
      namespacedTopic(Topics.confidentiality, config.topicNamespace),
    ).start();
    for (const purpose of ['service_callback', 'data_subject_request', 'complaint_handling']) {
      grants[purpose] = await grantDpo(purpose);
    }
  });

  afterAll(async () => {
    await topic?.stop();
    await pool?.end();
    await app?.close();
    await database?.drop();
  });

  describe('registration', () => {
    it('registers a subject: 201 masked, SubjectRegistered on cx.confidentiality.events naming categories only', async () => {
      const someone = person();
      const response = await http()
        .post('/v1/subjects')
        .set('Authorization', agent())
        .set('X-Correlation-Id', 'crm-4711')
        .send(body(someone))
        .expect(201);

      const { subjectId } = response.body;
      expect(subjectId).toMatch(/^subj_[A-Za-z0-9]{24}$/);
      expect(response.headers.location).toBe(`/v1/subjects/${subjectId}`);
      expect(response.headers.etag).toBe('"1"');
      expect(response.body).toEqual({
        subjectId,
        status: 'registered',
        personalData: {
          name: `${someone.name[0]}*`,
          phone: `139****${someone.normalised.phone.slice(7)}`,
          idNumber: `310115********${someone.normalised.idNumber.slice(14)}`,
          email: 'r***@example.com',
          address: { province: '上海市', city: '上海市', district: '浦东新区', detail: '****' },
        },
        categories: ['name', 'phone', 'idNumber', 'email', 'address'],
        consents: [],
        legalHolds: [],
        registeredAt: expect.any(String),
        version: 1,
      });

      const envelope = await onTopic(subjectId, 'SubjectRegistered');
      expect(envelope).toMatchObject({
        streamType: 'Subject',
        streamVersion: 1,
        correlationId: 'crm-4711',
        actor: { type: 'user', id: 'agent-7' },
        data: { subjectId, categories: ['name', 'phone', 'idNumber', 'email', 'address'] },
      });
      expect(Object.keys(envelope.data).sort()).toEqual(['categories', 'registeredAt', 'subjectId']);
    });

    it('reads a subject masked for an agent, with its ETag', async () => {
      const someone = person();
      const subjectId = await register(someone);
      const read = await http().get(`/v1/subjects/${subjectId}`).set('Authorization', agent()).expect(200);
      expect(read.headers.etag).toBe('"1"');
      expect(read.body.personalData.phone).toBe(`139****${someone.normalised.phone.slice(7)}`);
      expect(JSON.stringify(read.body)).not.toContain(someone.normalised.phone);
      expect(JSON.stringify(read.body)).not.toContain(someone.name);
    });

    it.each([
      [
        'phone, however it is typed',
        (first: ReturnType<typeof person>) => ({ phone: first.normalised.phone }),
        'phone',
      ],
      ['ID number', (first: ReturnType<typeof person>) => ({ idNumber: first.normalised.idNumber }), 'idNumber'],
    ])(
      'refuses a second subject with the same %s: 409 naming the existing subject, nothing stored',
      async (_l, same, field) => {
        const first = person();
        const existing = await register(first);
        const before = await stored();
        const response = await http()
          .post('/v1/subjects')
          .set('Authorization', agent())
          .send({ ...body(person()), ...same(first) })
          .expect(409);
        expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);
        expect(response.body).toMatchObject({
          type: 'urn:cx:problem:subject-already-registered',
          code: 'SUBJECT.ALREADY_REGISTERED',
          existingSubjectId: existing,
          matchedOn: field,
        });
        expect(JSON.stringify(response.body)).not.toContain(first.normalised.phone);
        expect(JSON.stringify(response.body)).not.toContain(first.normalised.idNumber);
        expect(await stored()).toEqual(before);
      },
    );

    it('lets exactly one of two concurrent registrations of the same phone win; the other gets 409', async () => {
      const first = person();
      const second = { ...body(person()), phone: first.phone };
      const before = await stored();
      const responses = await Promise.all(
        [body(first), second].map((payload) => http().post('/v1/subjects').set('Authorization', agent()).send(payload)),
      );
      expect(responses.map((r) => r.status).sort()).toEqual([201, 409]);
      const winner = responses.find((r) => r.status === 201)!.body.subjectId;
      expect(responses.find((r) => r.status === 409)!.body.existingSubjectId).toBe(winner);
      expect((await stored()).vault).toBe(before.vault + 1);
    });

    it('returns the first result for a repeated Idempotency-Key; the stored fingerprint is keyed', async () => {
      const someone = body(person());
      const first = await http()
        .post('/v1/subjects')
        .set('Authorization', agent())
        .set('Idempotency-Key', 'crm-intake-1')
        .send(someone)
        .expect(201);
      const before = await stored();
      const second = await http()
        .post('/v1/subjects')
        .set('Authorization', agent())
        .set('Idempotency-Key', 'crm-intake-1')
        .send(someone)
        .expect(201);
      expect(second.body.subjectId).toBe(first.body.subjectId);
      expect(second.headers['idempotent-replayed']).toBe('true');
      expect(await stored()).toEqual(before);
      const plain = createHash('sha256')
        .update(`POST /v1/subjects\n${JSON.stringify(someone)}`)
        .digest('hex');
      const { rows } = await pool.query('SELECT fingerprint FROM idempotency_keys WHERE key = $1', ['crm-intake-1']);
      expect(rows).toHaveLength(1);
      expect(rows[0].fingerprint).not.toBe(plain);
    });

    describe('bad input', () => {
      const valid = () => body(person());
      it.each([
        ['an invalid phone', { phone: '138-1234-567' }, ['phone']],
        ['a landline', { phone: '021-6888-1234' }, ['phone']],
        ['a wrong ID check digit', { idNumber: '110105194912310021' }, ['idNumber']],
        ['an ID number with an impossible birth date', { idNumber: '31011519900230423X' }, ['idNumber']],
        ['an email that is not one', { email: 'wang.fang-at-example.com' }, ['email']],
        ['a blank name', { name: '   ' }, ['name']],
        ['an unknown field', { wechatId: 'wangfang88' }, ['wechatId']],
        [
          'an address without its district',
          { address: { province: '上海市', city: '上海市', detail: '1 号' } },
          ['address.district'],
        ],
        [
          'several at once',
          { phone: '12345', idNumber: '310115199003074238', email: 'not-an-email' },
          ['email', 'idNumber', 'phone'],
        ],
      ])('rejects %s with 400 listing every field, echoing no value, storing nothing', async (_l, change, fields) => {
        const before = await stored();
        const payload = { ...valid(), ...change };
        const response = await http().post('/v1/subjects').set('Authorization', agent()).send(payload).expect(400);
        expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);
        expect(response.body.type).toBe('urn:cx:problem:validation');
        expect(response.body.errors.map((e: { field: string }) => e.field).sort()).toEqual(fields);
        for (const value of Object.values(change).filter((v) => typeof v === 'string')) {
          expect(JSON.stringify(response.body)).not.toContain(value as string);
        }
        expect(await stored()).toEqual(before);
      });

      it('refuses a subject with neither phone nor ID number (422), storing nothing', async () => {
        const before = await stored();
        const { phone: _p, idNumber: _i, ...rest } = valid();
        const response = await http().post('/v1/subjects').set('Authorization', agent()).send(rest).expect(422);
        expect(response.body).toMatchObject({ code: 'SUBJECT.RULE_VIOLATED', field: 'phone' });
        expect(await stored()).toEqual(before);
      });

      it('refuses a subject id that is not one (400) and an unknown one (404)', async () => {
        await http().get('/v1/subjects/13900000001').set('Authorization', agent()).expect(400);
        const response = await http().get('/v1/subjects/subj_unknown0000').set('Authorization', agent()).expect(404);
        expect(response.body).toMatchObject({ code: 'SUBJECT.NOT_FOUND', subjectId: 'subj_unknown0000' });
      });
    });
  });

  describe('unmasked reads', () => {
    it('reveals data in clear under an approved grant, recording PersonalDataRevealed v2 with who, what, why and the grant', async () => {
      const someone = person();
      const subjectId = await register(someone);
      const response = await post(subjectId, 'reveal', { purpose: 'service_callback', fields: ['phone'] }).expect(200);
      expect(response.headers['cache-control']).toBe('no-store');
      expect(response.headers.etag).toBe('"2"');
      expect(response.body).toMatchObject({
        subjectId,
        fields: ['phone'],
        purpose: 'service_callback',
        grantId: grants.service_callback,
        classification: { category: 'customer_personal_information', level: 'confidential' },
        personalData: {
          phone: someone.normalised.phone,
          name: `${someone.name[0]}*`,
          idNumber: `310115********${someone.normalised.idNumber.slice(14)}`,
        },
        version: 2,
      });

      const all = await post(subjectId, 'reveal', { purpose: 'data_subject_request' }).expect(200);
      expect(all.body.personalData).toEqual({
        name: someone.name,
        phone: someone.normalised.phone,
        idNumber: someone.normalised.idNumber,
        email: `resident${people}@example.com`,
        address: someone.address,
      });

      expect(all.body.classification).toEqual({ category: 'customer_personal_information', level: 'secret' });

      expect(await typesOf(subjectId)).toEqual(['SubjectRegistered', 'PersonalDataRevealed', 'PersonalDataRevealed']);
      const audit = await onTopic(subjectId, 'PersonalDataRevealed');
      expect(audit.schemaVersion).toBe(2);
      expect(audit.data).toEqual({
        subjectId,
        fields: ['phone'],
        revealedTo: 'dpo-1',
        purpose: 'service_callback',
        grantId: grants.service_callback,
        revealedAt: expect.any(String),
      });
      expect(audit.actor).toEqual({ type: 'user', id: 'dpo-1' });
    });

    it.each<Role>(['agent', 'manager', 'admin', 'dpo'])(
      'refuses an unmasked read without a grant to role %s (403): nothing revealed, the subject unchanged, the denial recorded',
      async (role) => {
        const subjectId = await register();
        const before = await stored();
        const refused = await post(subjectId, 'reveal', { purpose: 'service_callback' }, as('someone', role)).expect(
          403,
        );
        expect(refused.body).toMatchObject({ code: 'ACCESS.DENIED', subjectId, reason: 'no_grant', grantId: null });
        expect(refused.body.personalData).toBeUndefined();
        expect(await typesOf(subjectId)).toEqual(['SubjectRegistered']);
        expect(await stored()).toEqual({ ...before, events: before.events + 1 });
      },
    );

    it('refuses an unmasked read to roles that never hold grants (403 at the route), recording nothing', async () => {
      const subjectId = await register();
      const before = await stored();
      await post(subjectId, 'reveal', { purpose: 'service_callback' }, as('bi-1', 'bi_reader')).expect(403);
      expect(await stored()).toEqual(before);
    });

    it('refuses to reveal a category the subject does not have (422)', async () => {
      const { email: _e, ...withoutEmail } = body(person());
      const subjectId = (await http().post('/v1/subjects').set('Authorization', agent()).send(withoutEmail).expect(201))
        .body.subjectId;
      const response = await post(subjectId, 'reveal', { purpose: 'service_callback', fields: ['email'] }).expect(422);
      expect(response.body).toMatchObject({ field: 'fields', rule: 'the subject has no email' });
    });
  });

  describe('correction and consent', () => {
    it('corrects the phone under If-Match: SubjectCorrected names the field, the old phone is free again', async () => {
      const someone = person();
      const subjectId = await register(someone);
      const newPhone = person();
      const response = await post(subjectId, 'correction', { phone: newPhone.phone, email: null })
        .set('If-Match', '"1"')
        .expect(200);
      expect(response.headers.etag).toBe('"2"');
      expect(response.body.personalData).toMatchObject({
        phone: `139****${newPhone.normalised.phone.slice(7)}`,
        email: null,
      });
      expect(response.body.categories).toEqual(['name', 'phone', 'idNumber', 'address']);
      const event = await onTopic(subjectId, 'SubjectCorrected');
      expect(event.data).toEqual({
        subjectId,
        correctedFields: ['phone'],
        removedFields: ['email'],
        correctedAt: expect.any(String),
      });
      const keyVersion = await pool.query('SELECT key_version FROM subject_keys WHERE subject_id = $1', [subjectId]);
      expect(keyVersion.rows[0].key_version).toBe(2);

      await http()
        .post('/v1/subjects')
        .set('Authorization', agent())
        .send({ ...body(person()), phone: someone.phone })
        .expect(201);
      const taken = await http()
        .post('/v1/subjects')
        .set('Authorization', agent())
        .send({ ...body(person()), phone: newPhone.phone })
        .expect(409);
      expect(taken.body.existingSubjectId).toBe(subjectId);
    });

    it('answers 412 for a stale If-Match and changes nothing', async () => {
      const subjectId = await register();
      await post(subjectId, 'reveal', { purpose: 'service_callback' }).expect(200);
      const before = await stored();
      const response = await post(subjectId, 'correction', { name: '王小芳' }).set('If-Match', '"1"').expect(412);
      expect(response.body).toMatchObject({ code: 'EVENT_STORE.STALE_VERSION', currentVersion: 2 });
      expect(await stored()).toEqual(before);
    });

    it('refuses to take a phone that belongs to another subject (409) or the last identifier (422)', async () => {
      const other = person();
      const otherId = await register(other);
      const subjectId = await register();
      const taken = await post(subjectId, 'correction', { phone: other.phone }).expect(409);
      expect(taken.body).toMatchObject({ existingSubjectId: otherId, matchedOn: 'phone' });
      const last = await post(subjectId, 'correction', { phone: null, idNumber: null }).expect(422);
      expect(last.body).toMatchObject({ code: 'SUBJECT.RULE_VIOLATED', field: 'phone' });
      const invalid = await post(subjectId, 'correction', { idNumber: '110105194912310021', name: null }).expect(400);
      expect(invalid.body.errors.map((e: { field: string }) => e.field).sort()).toEqual(['idNumber', 'name']);
      expect(await typesOf(subjectId)).toEqual(['SubjectRegistered']);
    });

    it('records consent for a purpose and its withdrawal; refuses withdrawing what was never given', async () => {
      const subjectId = await register();
      const given = await post(subjectId, 'consents', {
        purpose: 'satisfaction_surveys',
        decision: 'given',
        decidedAt: '2026-01-10T09:00:00+08:00',
      }).expect(200);
      expect(given.body.consents).toEqual([
        {
          purpose: 'satisfaction_surveys',
          decision: 'given',
          decidedAt: '2026-01-10T01:00:00.000Z',
          recordedAt: expect.any(String),
        },
      ]);
      const withdrawn = await post(subjectId, 'consents', {
        purpose: 'satisfaction_surveys',
        decision: 'withdrawn',
        decidedAt: '2026-02-01T09:00:00+08:00',
      }).expect(200);
      expect(withdrawn.body.consents).toEqual([expect.objectContaining({ decision: 'withdrawn' })]);
      await post(subjectId, 'consents', {
        purpose: 'marketing',
        decision: 'withdrawn',
        decidedAt: '2026-02-01T09:00:00+08:00',
      }).expect(422);
      await post(subjectId, 'consents', { purpose: 'marketing', decision: 'maybe', decidedAt: 'soon' }).expect(400);
      const event = await onTopic(subjectId, 'ConsentRecorded');
      expect(event.data).toMatchObject({ purpose: 'satisfaction_surveys', decision: 'given' });
      await post(
        subjectId,
        'consents',
        { purpose: 'marketing', decision: 'given', decidedAt: '2026-02-01T09:00:00Z' },
        agent(),
      ).expect(403);
    });
  });

  describe('data-subject access request', () => {
    it('exports everything held about the subject in clear, with consents and the reveal trail; itself audited', async () => {
      const someone = person();
      const subjectId = await register(someone);
      await post(subjectId, 'consents', {
        purpose: 'community_activities',
        decision: 'given',
        decidedAt: '2026-03-01T10:00:00Z',
      }).expect(200);
      await post(subjectId, 'reveal', { purpose: 'complaint_handling', fields: ['phone'] }).expect(200);
      await post(subjectId, 'export', {}, agent()).expect(403);

      const response = await post(subjectId, 'export').expect(200);
      expect(response.headers['cache-control']).toBe('no-store');
      expect(response.body).toMatchObject({
        subjectId,
        exportedBy: 'dpo-1',
        personalData: { name: someone.name, phone: someone.normalised.phone, idNumber: someone.normalised.idNumber },
        categories: ['name', 'phone', 'idNumber', 'email', 'address'],
        consents: [{ purpose: 'community_activities', decision: 'given', decidedAt: '2026-03-01T10:00:00.000Z' }],
        disclosures: [
          { fields: ['phone'], revealedTo: 'dpo-1', purpose: 'complaint_handling', grantId: grants.complaint_handling },
        ],
        earlierExports: [],
        legalHolds: [],
        version: 4,
      });
      const event = await onTopic(subjectId, 'SubjectDataExported');
      expect(event.data).toEqual({ subjectId, exportedBy: 'dpo-1', exportedAt: response.body.exportedAt });
    });
  });

  describe('legal hold and erasure (crypto-shredding)', () => {
    /** Every key the database and the configuration still hold, tried on a sealed copy of the subject's data. */
    const decryptWithEverythingLeft = async (subjectId: string, copy: Sealed & { keyVersion: number }) => {
      const attempt = (work: () => Buffer): Buffer | null => {
        try {
          return work();
        } catch {
          // A wrong key fails the GCM tag: that is the outcome being counted.
          return null;
        }
      };
      const candidates: Buffer[] = [...vaultKeys.masterKeys.values(), vaultKeys.indexKey];
      for (const row of (await pool.query('SELECT * FROM subject_keys')).rows) {
        const wrapped: Sealed = { iv: row.wrap_iv, authTag: row.wrap_auth_tag, ciphertext: row.wrapped_key };
        for (const masterKey of vaultKeys.masterKeys.values()) {
          const dataKey = attempt(() => open(masterKey, wrapped, keyContext(row.subject_id, row.key_version)));
          if (dataKey) candidates.push(dataKey);
        }
      }
      return candidates
        .map((key) => attempt(() => open(key, copy, dataContext(subjectId, copy.keyVersion))))
        .filter((plaintext): plaintext is Buffer => plaintext !== null)
        .map((plaintext) => plaintext.toString('utf8'));
    };

    it('refuses erasure under a legal hold (409 naming it); once released, erasure shreds every copy', async () => {
      const someone = person();
      const subjectId = await register(someone);
      const hold = await post(subjectId, 'legal-holds', {
        reason: 'litigation',
        reference: '(2026)沪0115民初12345号',
      }).expect(201);
      const { holdId } = hold.body;
      expect(hold.body.legalHolds).toEqual([
        {
          holdId,
          reason: 'litigation',
          reference: '(2026)沪0115民初12345号',
          placedAt: expect.any(String),
          releasedAt: null,
        },
      ]);

      const refused = await post(subjectId, 'erasure', { ground: 'subject_request' }).expect(409);
      expect(refused.headers['content-type']).toMatch(/^application\/problem\+json/);
      expect(refused.body).toMatchObject({
        type: 'urn:cx:problem:subject-legal-hold-applies',
        code: 'SUBJECT.LEGAL_HOLD_APPLIES',
        legalHolds: [{ holdId, reason: 'litigation', reference: '(2026)沪0115民初12345号' }],
      });
      expect(refused.body.detail).toContain('(2026)沪0115民初12345号');
      expect((await pool.query('SELECT 1 FROM subject_keys WHERE subject_id = $1', [subjectId])).rowCount).toBe(1);

      await post(subjectId, `legal-holds/${holdId}/release`).expect(200);
      await post(subjectId, `legal-holds/${holdId}/release`).expect(404);

      // A backup taken before the erasure: the sealed row as a dump would hold it.
      const row = (await pool.query('SELECT * FROM subject_vault WHERE subject_id = $1', [subjectId])).rows[0];
      const backup = { iv: row.iv, authTag: row.auth_tag, ciphertext: row.ciphertext, keyVersion: row.key_version };
      const beforeErasure = await decryptWithEverythingLeft(subjectId, backup);
      expect(beforeErasure).toHaveLength(1);
      expect(beforeErasure[0]).toContain(someone.name);

      await post(subjectId, 'erasure', { ground: 'retention_expired' }, agent()).expect(403);
      const erased = await post(subjectId, 'erasure', { ground: 'subject_request' }).expect(200);
      expect(erased.body).toEqual({
        subjectId,
        status: 'erased',
        ground: 'subject_request',
        erasedAt: expect.any(String),
        version: 4,
      });

      expect(await decryptWithEverythingLeft(subjectId, backup)).toEqual([]);
      for (const table of ['subject_keys', 'subject_vault', 'subject_lookups', 'idempotency_keys']) {
        const left = await pool.query(
          `SELECT 1 FROM ${table} WHERE ${table === 'idempotency_keys' ? 'stream_id' : 'subject_id'} = $1`,
          [subjectId],
        );
        expect({ table, rows: left.rowCount }).toEqual({ table, rows: 0 });
      }

      const event = await onTopic(subjectId, 'SubjectErased');
      expect(event.data).toEqual({ subjectId, ground: 'subject_request', erasedAt: erased.body.erasedAt });

      const gone = await http().get(`/v1/subjects/${subjectId}`).set('Authorization', agent()).expect(410);
      expect(gone.headers['content-type']).toMatch(/^application\/problem\+json/);
      expect(gone.body).toMatchObject({
        type: 'urn:cx:problem:subject-erased',
        code: 'SUBJECT.ERASED',
        subjectId,
        erasedAt: erased.body.erasedAt,
      });
      await post(subjectId, 'reveal', { purpose: 'legal_obligation' }).expect(410);
      await post(subjectId, 'export').expect(410);
      await post(subjectId, 'erasure', { ground: 'subject_request' }).expect(410);

      // The person can be registered again, as a new subject: nothing links them to the erased one.
      const again = await http().post('/v1/subjects').set('Authorization', agent()).send(body(someone)).expect(201);
      expect(again.body.subjectId).not.toBe(subjectId);
    });

    it('answers 404 for the erasure of an unknown subject, storing nothing', async () => {
      const before = await stored();
      const response = await post('subj_unknown0000', 'erasure', { ground: 'subject_request' }).expect(404);
      expect(response.body).toMatchObject({ code: 'SUBJECT.NOT_FOUND' });
      expect(await stored()).toEqual(before);
      await post('subj_unknown0000', 'erasure', { ground: 'because' }).expect(400);
    });
  });

  describe('master key rotation', () => {
    it('re-wraps every data key under the active master key (admin only)', async () => {
      // A subject sealed while k1 was the active master key, before the configuration moved on to k2.
      const underK1 = 'subj_legacyk1subject';
      const legacy = new SubjectVault(pool, { ...vaultKeys, activeMasterKeyId: 'k1' });
      const client = await pool.connect();
      try {
        await legacy.keep(
          underK1,
          { name: '钱旧', phone: '13700000001', idNumber: null, email: null, address: null },
          1,
        )(client);
      } finally {
        client.release();
      }
      seeded.push('钱旧', '13700000001');

      await http().post('/v1/vault/master-key-rotation').set('Authorization', dpo()).expect(403);
      const response = await http()
        .post('/v1/vault/master-key-rotation')
        .set('Authorization', as('ops-1', 'admin'))
        .expect(200);
      expect(response.body).toEqual({ activeMasterKeyId: 'k2', rewrapped: 1 });
      const masterKeys = await pool.query('SELECT DISTINCT master_key_id FROM subject_keys');
      expect(masterKeys.rows).toEqual([{ master_key_id: 'k2' }]);

      const k1Retired = new SubjectVault(pool, {
        ...vaultKeys,
        masterKeys: new Map([['k2', vaultKeys.masterKeys.get('k2')!]]),
      });
      expect((await k1Retired.open(underK1))?.data.phone).toBe('13700000001');
    });
  });

  describe('auth', () => {
    it('answers 401 without a token', async () => {
      await http().post('/v1/subjects').send(body(person())).expect(401);
    });

    it('answers 403 for a role that may not register subjects, storing nothing', async () => {
      const before = await stored();
      await http().post('/v1/subjects').set('Authorization', as('bi-1', 'bi_reader')).send(body(person())).expect(403);
      await http().get('/v1/subjects/subj_unknown0000').set('Authorization', as('a-1', 'auditor')).expect(403);
      expect(await stored()).toEqual(before);
    });
  });

  describe('no personal data leaves the vault', () => {
    it('puts none of the seeded names, phones, ID numbers, emails or addresses on the topic', async () => {
      const events = await count('events');
      await eventually(() => expect(topic.messages.length).toBeGreaterThanOrEqual(events));
      const messages = JSON.stringify(topic.messages);
      const found = seeded.filter((value) => messages.includes(value));
      expect(found).toEqual([]);
      expect(topic.messages.length).toBeGreaterThan(30);
    });

    it('stores none of them in clear in any table (what a database dump would show)', async () => {
      const { rows: tables } = await pool.query<{ table_name: string }>(
        "SELECT table_name FROM information_schema.tables WHERE table_schema = 'public'",
      );
      let dump = '';
      for (const { table_name } of tables) {
        const { rows } = await pool.query(`SELECT t::text AS row FROM "${table_name}" t`);
        dump += rows.map((r) => r.row).join('\n');
      }
      expect(dump).toContain('SubjectRegistered');
      const found = seeded.filter(
        (value) => dump.includes(value) || dump.includes(Buffer.from(value, 'utf8').toString('hex')),
      );
      expect(found).toEqual([]);
    });
  });

  describe('operations endpoints', () => {
    it('serves readiness and the OpenAPI document with the vault routes', async () => {
      const ready = await http().get('/health/ready').expect(200);
      expect(ready.body.checks).toEqual({ database: 'up', kafka: 'up' });
      const docs = await http().get('/docs-json').expect(200);
      expect(Object.keys(docs.body.paths)).toEqual(
        expect.arrayContaining([
          '/v1/subjects',
          '/v1/subjects/{subjectId}',
          '/v1/subjects/{subjectId}/reveal',
          '/v1/subjects/{subjectId}/erasure',
          '/v1/vault/master-key-rotation',
          '/v1/information-assets',
          '/v1/access-grants',
          '/v1/access-grants/{grantId}/approval',
          '/v1/access-review',
          '/v1/access-audit',
        ]),
      );
    });
  });
});
