import type { INestApplication } from '@nestjs/common';
import { ROLES, Role, signToken } from '@cx/auth';
import type { ServiceConfig } from '@cx/platform';
import { randomUUID } from 'node:crypto';
import { Pool } from 'pg';
import { authorizationMatrix, AuthorizationPolicy, matrixViolations } from './authorization-matrix';
import { testServiceConfig, TestDatabase } from './test-infrastructure';
import { fuzzViolations, fuzzWriteRoutes } from './write-route-fuzz';

export interface ServiceUnderCheck {
  service: string;
  createApp: (config: ServiceConfig) => Promise<INestApplication>;
  /** A well-formed value for a path parameter; random uuids by default. */
  paramValue?: (name: string, path: string) => string;
}

const anyId = () => randomUUID();

/** A service's app on a fresh test database, for the checks every service runs the same way. */
function serviceFixture(service: string, createApp: ServiceUnderCheck['createApp']) {
  const fixture = {} as { app: INestApplication; config: ServiceConfig; database: TestDatabase; pool: Pool };
  beforeAll(async () => {
    ({ config: fixture.config, database: fixture.database } = await testServiceConfig(service));
    fixture.app = await createApp(fixture.config);
    await fixture.app.init();
    fixture.pool = new Pool({ connectionString: fixture.config.databaseUrl });
  });
  afterAll(async () => {
    await fixture.pool?.end();
    await fixture.app?.close();
    await fixture.database?.drop();
  });
  return fixture;
}

/** Bodies per write route; FUZZ_RUNS raises it for a longer hunt, FUZZ_SEED replays a failure. */
const RUNS = Number(process.env.FUZZ_RUNS ?? 120);
const SEED = Number(process.env.FUZZ_SEED ?? 20261125);

/**
 * Property-based fuzz of every write route with thousands of invalid bodies: only 4xx, never 5xx, nothing
 * appended. The fuzz is one caller sending thousands of requests, so the per-caller write limit is lifted.
 */
export function describeMalformedInput({ service, createApp, paramValue = anyId }: ServiceUnderCheck): void {
  describe(`${service}: malformed input on every write route (property-based, real Postgres)`, () => {
    beforeAll(() => {
      process.env.RATE_LIMIT_WRITES_PER_MINUTE = '1000000';
    });
    const fixture = serviceFixture(service, createApp);
    afterAll(() => {
      delete process.env.RATE_LIMIT_WRITES_PER_MINUTE;
    });

    it('answers every invalid body with a 4xx, never a 5xx, and appends nothing', async () => {
      const events = async () => Number((await fixture.pool.query('SELECT count(*) FROM events')).rows[0].count);
      const before = await events();
      const token = signToken({ sub: 'fuzz-1', name: 'fuzz', roles: [...ROLES] as Role[] }, fixture.config.jwtSecret);
      const answers = await fuzzWriteRoutes(fixture.app, {
        authorization: `Bearer ${token}`,
        paramValue,
        runs: RUNS,
        seed: SEED,
      });
      expect(answers.length).toBeGreaterThanOrEqual(1000);
      expect(fuzzViolations(answers)).toEqual([]);
      expect(await events()).toBe(before);
      // Thousands of requests: on a busy 2-core machine this takes well over the default 60 s.
    }, 240_000);
  });
}

/** Every documented route × every role (and no token) against the service's written policy. */
export function describeAuthorizationMatrix(
  { service, createApp, paramValue = anyId }: ServiceUnderCheck,
  policy: AuthorizationPolicy,
): void {
  describe(`${service}: every route x every role (real Postgres, real Kafka)`, () => {
    const fixture = serviceFixture(service, createApp);

    it('answers exactly as the policy says: 401 without a token, 403 for other roles, through for the listed ones', async () => {
      const matrix = await authorizationMatrix(fixture.app, {
        roles: ROLES,
        tokenFor: (role) =>
          signToken({ sub: `matrix-${role}`, name: role, roles: [role as Role] }, fixture.config.jwtSecret),
        policy,
        paramValue,
      });
      expect(matrix.unlisted).toEqual([]);
      expect(matrix.stale).toEqual([]);
      expect(matrix.cells.length).toBe(Object.keys(policy).length * (ROLES.length + 1));
      expect(matrixViolations(matrix.cells)).toEqual([]);
    });
  });
}
