import { randomBytes } from 'node:crypto';
import type { INestApplication } from '@nestjs/common';
import { signToken } from '@cx/auth';
import { CreateEventStore1764000000000, migrateDatabase, PostgresEventStore } from '@cx/event-store';
import { ManualClock, ServiceConfig } from '@cx/platform';
import { testServiceConfig, TestDatabase } from '@cx/testing';
import { Pool } from 'pg';
import request from 'supertest';
import { createConfidentialityApp } from './confidentiality.app';
import { CreateSubjectVault1764000005000 } from './infrastructure/migrations/1764000005000-create-subject-vault';
import { SubjectVault } from './infrastructure/subject-vault';

const HOUR = 3_600_000;
const vaultKeys = {
  masterKeys: new Map([['k1', randomBytes(32)]]),
  activeMasterKeyId: 'k1',
  indexKey: randomBytes(32),
};
const live = 'subj_partOneLive000001';
const erased = 'subj_partOneErased0001';
const registeredAt = '2026-10-01T08:00:00.000Z';
const dpo = { correlationId: 'part-1', causationId: null, actor: { type: 'user' as const, id: 'dpo-1' } };

describe('upgrading a vault written by part 1 (real Postgres)', () => {
  let config: ServiceConfig;
  let database: TestDatabase;
  let pool: Pool;
  let app: INestApplication;
  const clock = new ManualClock(new Date('2026-11-25T01:00:00.000Z'));
  const as = (sub: string, role: 'dpo' | 'auditor') =>
    `Bearer ${signToken({ sub, name: sub, roles: [role] }, config.jwtSecret)}`;

  beforeAll(async () => {
    ({ config, database } = await testServiceConfig('confidentiality_upgrade'));
    // The database as part 1 left it: its two migrations, a v1 reveal, an export, and an erased subject.
    await migrateDatabase(config.databaseUrl, [CreateEventStore1764000000000, CreateSubjectVault1764000005000]);
    pool = new Pool({ connectionString: config.databaseUrl });
    const store = new PostgresEventStore(pool);
    const client = await pool.connect();
    try {
      await new SubjectVault(pool, vaultKeys).keep(
        live,
        { name: '旧一', phone: '13500000001', idNumber: null, email: null, address: null },
        1,
      )(client);
    } finally {
      client.release();
    }
    const event = (type: string, data: object) => ({ type, schemaVersion: 1, data });
    await store.append({
      streamId: live,
      streamType: 'Subject',
      expectedVersion: 0,
      metadata: dpo,
      events: [
        event('SubjectRegistered', { subjectId: live, categories: ['name', 'phone'], registeredAt }),
        event('PersonalDataRevealed', {
          subjectId: live,
          fields: ['phone'],
          revealedTo: 'dpo-1',
          purpose: 'service_callback',
          revealedAt: '2026-10-02T08:00:00.000Z',
        }),
        event('SubjectDataExported', { subjectId: live, exportedBy: 'dpo-1', exportedAt: '2026-10-03T08:00:00.000Z' }),
      ],
    });
    await store.append({
      streamId: erased,
      streamType: 'Subject',
      expectedVersion: 0,
      metadata: dpo,
      events: [
        event('SubjectRegistered', { subjectId: erased, categories: ['name', 'phone'], registeredAt }),
        event('SubjectErased', { subjectId: erased, ground: 'subject_request', erasedAt: '2026-10-05T08:00:00.000Z' }),
      ],
    });

    app = await createConfidentialityApp(config, { clock, vaultKeys, jobIntervalMs: HOUR });
    await app.init();
  });

  afterAll(async () => {
    await app?.close();
    await pool?.end();
    await database?.drop();
  });

  it('copies the reads and exports recorded before into the access audit trail', async () => {
    const trail = await request(app.getHttpServer())
      .get(`/v1/access-audit?subjectId=${live}`)
      .set('Authorization', as('auditor-1', 'auditor'))
      .expect(200);
    expect(trail.body.items).toEqual([
      expect.objectContaining({
        decidedAt: '2026-10-02T08:00:00.000Z',
        decision: 'allowed',
        action: 'reveal',
        actor: 'dpo-1',
        purpose: 'service_callback',
        fields: ['phone'],
        grantId: null,
      }),
      expect.objectContaining({
        decidedAt: '2026-10-03T08:00:00.000Z',
        action: 'export',
        purpose: 'data_subject_request',
        fields: null,
      }),
    ]);
  });

  it('schedules every subject still held at the end of its retention period, from the first check at start-up', async () => {
    const { rows } = await pool.query('SELECT subject_id, due_at FROM retention_checks ORDER BY subject_id');
    expect(rows.map((r) => [r.subject_id, r.due_at.toISOString()])).toEqual([[live, '2029-10-01T08:00:00.000Z']]);
  });

  it('reads a v1 reveal as one made before grants: the export lists it without a grant', async () => {
    const exported = await request(app.getHttpServer())
      .post(`/v1/subjects/${live}/export`)
      .set('Authorization', as('dpo-1', 'dpo'))
      .expect(200);
    expect(exported.body.disclosures).toEqual([
      {
        fields: ['phone'],
        revealedTo: 'dpo-1',
        purpose: 'service_callback',
        grantId: null,
        revealedAt: '2026-10-02T08:00:00.000Z',
      },
    ]);
  });
});
