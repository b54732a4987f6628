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
import { randomBytes, randomUUID } from 'node:crypto';
import { createConfidentialityApp } from './confidentiality.app';

/**
 * Who may do what in the confidentiality service: the written policy the documented routes are held to. Reading in
 * clear needs a grant besides the role; the roles here are only who may ask.
 */
const policy: AuthorizationPolicy = {
  'GET /v1/access-audit': ['auditor', 'dpo', 'admin'],
  'GET /v1/access-grants/{grantId}': [
    'agent',
    'manager',
    'ceo_office',
    'reviewer',
    'community_staff',
    'dpo',
    'admin',
    'auditor',
  ],
  'GET /v1/access-review': ['dpo', 'auditor', 'admin'],
  'GET /v1/information-assets': ['dpo', 'admin', 'auditor'],
  'GET /v1/information-assets/{assetId}': ['dpo', 'admin', 'auditor'],
  'GET /v1/subjects/{subjectId}': ['agent', 'manager', 'dpo', 'admin'],
  'POST /v1/access-grants': ['agent', 'manager', 'ceo_office', 'reviewer', 'community_staff', 'dpo', 'admin'],
  'POST /v1/access-grants/{grantId}/approval': ['dpo', 'admin'],
  'POST /v1/access-grants/{grantId}/rejection': ['dpo', 'admin'],
  'POST /v1/access-grants/{grantId}/revocation': ['dpo', 'admin'],
  'POST /v1/information-assets': ['dpo', 'admin'],
  'POST /v1/information-assets/{assetId}/reclassification': ['dpo', 'admin'],
  'POST /v1/information-assets/{assetId}/retirement': ['dpo', 'admin'],
  'POST /v1/subjects': ['agent', 'manager', 'dpo', 'admin'],
  'POST /v1/subjects/{subjectId}/consents': ['dpo', 'admin'],
  'POST /v1/subjects/{subjectId}/correction': ['dpo', 'admin'],
  'POST /v1/subjects/{subjectId}/erasure': ['dpo', 'admin'],
  'POST /v1/subjects/{subjectId}/export': ['dpo'],
  'POST /v1/subjects/{subjectId}/legal-holds': ['dpo', 'admin'],
  'POST /v1/subjects/{subjectId}/legal-holds/{holdId}/release': ['dpo', 'admin'],
  'POST /v1/subjects/{subjectId}/reveal': [
    'agent',
    'manager',
    'ceo_office',
    'reviewer',
    'community_staff',
    'dpo',
    'admin',
  ],
  'POST /v1/vault/master-key-rotation': ['admin'],
};

const subjectId = () => `subj_${randomBytes(18).toString('base64url').replace(/[-_]/g, 'x').slice(0, 24)}`;

describe('confidentiality: every route x every role (real Postgres, real Kafka)', () => {
  let app: INestApplication;
  let config: ServiceConfig;
  let database: TestDatabase;

  beforeAll(async () => {
    ({ config, database } = await testServiceConfig('confidentiality'));
    app = await createConfidentialityApp(config);
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
      paramValue: (name) => (name === 'subjectId' ? subjectId() : randomUUID()),
    });
    expect(matrix.unlisted).toEqual([]);
    expect(matrix.stale).toEqual([]);
    expect(matrix.cells.length).toBe(Object.keys(policy).length * (ROLES.length + 1));
    expect(matrixViolations(matrix.cells)).toEqual([]);
  });
});
