import type { INestApplication } from '@nestjs/common';
import { ROLES, signToken } from '@cx/auth';
import type { ServiceConfig } from '@cx/platform';
import {
  authorizationMatrix,
  AuthorizationPolicy,
  matrixViolations,
  testServiceConfig,
  TestDatabase,
} from '@cx/testing';
import { randomUUID } from 'node:crypto';
import { createProjectionsApp } from './projections.app';

/**
 * Who may do what in the projections service: the written policy the documented routes are held to. BI tools
 * (`bi_reader`) read every projection, here and in SQL, and nothing in any other service.
 */
const policy: AuthorizationPolicy = {
  'POST /v1/operations/projections/{name}/rebuild': ['admin'],
  'POST /v1/operations/dead-letters/redrive': ['admin'],
  'GET /v1/ceo/escalations': ['ceo_office', 'auditor', 'bi_reader', 'admin'],
  'GET /v1/ceo/summary': ['ceo_office', 'auditor', 'bi_reader', 'admin'],
  'GET /v1/reports/participation': ['campaign_admin', 'hr', 'manager', 'ceo_office', 'auditor', 'bi_reader', 'admin'],
  'GET /v1/reports/community': ['community_staff', 'manager', 'ceo_office', 'auditor', 'bi_reader', 'admin'],
  'GET /v1/reports/satisfaction': ['manager', 'ceo_office', 'auditor', 'bi_reader', 'admin'],
};

describe('projections: every route x every role (real Postgres, real Kafka)', () => {
  let app: INestApplication;
  let config: ServiceConfig;
  let database: TestDatabase;

  beforeAll(async () => {
    ({ config, database } = await testServiceConfig('projections'));
    app = await createProjectionsApp(config);
    await app.init();
  });

  afterAll(async () => {
    await app?.close();
    await database?.drop();
  });

  it('answers exactly as the policy says: 401 without a token, 403 for other roles, through for the listed ones', async () => {
    const matrix = await authorizationMatrix(app, {
      roles: ROLES,
      tokenFor: (role) => signToken({ sub: `matrix-${role}`, name: role, roles: [role as never] }, config.jwtSecret),
      policy,
      paramValue: () => randomUUID(),
    });
    expect(matrix.unlisted).toEqual([]);
    expect(matrix.stale).toEqual([]);
    expect(matrix.cells.length).toBe(Object.keys(policy).length * (ROLES.length + 1));
    expect(matrixViolations(matrix.cells)).toEqual([]);
  });
});
