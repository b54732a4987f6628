import type { INestApplication } from '@nestjs/common';
import { ROLES, Role, signToken } from '@cx/auth';
import type { ServiceConfig } from '@cx/platform';
import { fuzzViolations, fuzzWriteRoutes, testServiceConfig, TestDatabase } from '@cx/testing';
import { randomUUID } from 'node:crypto';
import { Pool } from 'pg';
import { createCommunityApp } from './community.app';

/** Bodies per write route; FUZZ_RUNS raises it for a longer hunt, FUZZ_SEED replays a failure. */
const RUNS = Number(process.env.FUZZ_RUNS ?? 120);
const SEED = Number(process.env.FUZZ_SEED ?? 20261125);

/** A well-formed value for every path parameter: a random id, a project code, a visit number. */
const wellFormed = (name: string) =>
  name === 'community' ? 'SH-PUDONG-07' : name === 'visitNumber' ? '1' : randomUUID();

describe('community: malformed input on every write route (property-based, real Postgres)', () => {
  let app: INestApplication;
  let config: ServiceConfig;
  let database: TestDatabase;
  let pool: Pool;

  beforeAll(async () => {
    // The fuzz is one caller sending thousands of requests: the per-caller write limit is not what it tests.
    process.env.RATE_LIMIT_WRITES_PER_MINUTE = '1000000';
    ({ config, database } = await testServiceConfig('community'));
    app = await createCommunityApp(config);
    await app.init();
    pool = new Pool({ connectionString: config.databaseUrl });
  });

  afterAll(async () => {
    delete process.env.RATE_LIMIT_WRITES_PER_MINUTE;
    await pool?.end();
    await app?.close();
    await database?.drop();
  });

  it('answers every invalid body with a 4xx, never a 5xx, and appends nothing', async () => {
    const events = async () => Number((await pool.query('SELECT count(*) FROM events')).rows[0].count);
    const before = await events();
    const answers = await fuzzWriteRoutes(app, {
      authorization: `Bearer ${signToken({ sub: 'fuzz-1', name: 'fuzz', roles: [...ROLES] as Role[] }, config.jwtSecret)}`,
      paramValue: wellFormed,
      runs: RUNS,
      seed: SEED,
    });
    expect(answers.length).toBeGreaterThanOrEqual(1000);
    expect(fuzzViolations(answers)).toEqual([]);
    expect(await events()).toBe(before);
  });
});
