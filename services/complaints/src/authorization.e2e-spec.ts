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
import { createComplaintsApp } from './complaints.app';

/**
 * Who may do what in the complaints service: the written policy the documented routes are held to (health and
 * metrics are public and outside the OpenAPI document; the operations spec covers them).
 */
const policy: AuthorizationPolicy = {
  'GET /v1/complaints/{complaintId}': ['agent', 'manager', 'ceo_office', 'reviewer', 'auditor', 'admin'],
  'GET /v1/typical-case-reviews/{reviewId}': ['reviewer', 'ceo_office', 'manager', 'auditor', 'admin'],
  'POST /v1/complaints': ['agent', 'manager', 'ceo_office', 'admin'],
  'POST /v1/complaints/{complaintId}/acknowledgement': ['agent', 'manager', 'ceo_office', 'admin'],
  'POST /v1/complaints/{complaintId}/assignment': ['agent', 'manager', 'ceo_office', 'admin'],
  'POST /v1/complaints/{complaintId}/attachments': ['agent', 'manager', 'ceo_office', 'admin'],
  'POST /v1/complaints/{complaintId}/ceo-instructions': ['ceo_office', 'admin'],
  'POST /v1/complaints/{complaintId}/ceo-instructions/{instructionId}/acceptance': ['ceo_office', 'admin'],
  'POST /v1/complaints/{complaintId}/ceo-instructions/{instructionId}/report': [
    'agent',
    'manager',
    'ceo_office',
    'admin',
  ],
  'POST /v1/complaints/{complaintId}/ceo-instructions/{instructionId}/sending-back': ['ceo_office', 'admin'],
  'POST /v1/complaints/{complaintId}/clock/pause': ['agent', 'manager', 'ceo_office', 'admin'],
  'POST /v1/complaints/{complaintId}/clock/resume': ['agent', 'manager', 'ceo_office', 'admin'],
  'POST /v1/complaints/{complaintId}/closure': ['agent', 'manager', 'ceo_office', 'admin'],
  'POST /v1/complaints/{complaintId}/contacts': ['agent', 'manager', 'ceo_office', 'admin'],
  'POST /v1/complaints/{complaintId}/de-escalations': ['agent', 'manager', 'ceo_office', 'admin'],
  'POST /v1/complaints/{complaintId}/escalations': ['agent', 'manager', 'ceo_office', 'admin'],
  'POST /v1/complaints/{complaintId}/reopening': ['agent', 'manager', 'ceo_office', 'admin'],
  'POST /v1/complaints/{complaintId}/resolution': ['agent', 'manager', 'ceo_office', 'admin'],
  'POST /v1/complaints/{complaintId}/resolution/confirmation': ['agent', 'manager', 'ceo_office', 'admin'],
  'POST /v1/complaints/{complaintId}/resolution/rejection': ['agent', 'manager', 'ceo_office', 'admin'],
  'POST /v1/complaints/{complaintId}/responses': ['agent', 'manager', 'ceo_office', 'admin'],
  'POST /v1/complaints/{complaintId}/severity': ['agent', 'manager', 'ceo_office', 'admin'],
  'POST /v1/typical-case-reviews': ['reviewer', 'admin'],
  'POST /v1/typical-case-reviews/{reviewId}/actions': ['reviewer', 'admin'],
  'POST /v1/typical-case-reviews/{reviewId}/actions/{actionId}/completion': ['reviewer', 'manager', 'admin'],
  'POST /v1/typical-case-reviews/{reviewId}/actions/{actionId}/sending-back': ['reviewer', 'admin'],
  'POST /v1/typical-case-reviews/{reviewId}/actions/{actionId}/verification': ['reviewer', 'admin'],
  'POST /v1/typical-case-reviews/{reviewId}/conclusion': ['reviewer', 'admin'],
  'POST /v1/typical-case-reviews/{reviewId}/root-cause': ['reviewer', 'admin'],
};

describe('complaints: every route x every role (real Postgres, real Kafka)', () => {
  let app: INestApplication;
  let config: ServiceConfig;
  let database: TestDatabase;

  beforeAll(async () => {
    ({ config, database } = await testServiceConfig('complaints'));
    app = await createComplaintsApp(config);
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
