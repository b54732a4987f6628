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
import { createCampaignsApp } from './campaigns.app';

/** Who may do what in the campaigns service: the written policy the documented routes are held to, route by route. */
const policy: AuthorizationPolicy = {
  'GET /v1/campaigns/{campaignId}': ['campaign_admin', 'manager', 'ceo_office', 'auditor', 'hr', 'admin'],
  'GET /v1/campaigns/{campaignId}/disclosures/{disclosureId}': ['campaign_admin', 'ceo_office', 'auditor', 'admin'],
  'GET /v1/campaigns/{campaignId}/disclosures/{disclosureId}/evidence': ['auditor', 'campaign_admin', 'admin'],
  'GET /v1/campaigns/{campaignId}/problems/{problemId}': [
    'campaign_admin',
    'manager',
    'ceo_office',
    'auditor',
    'admin',
  ],
  'GET /v1/campaigns/{campaignId}/roster': ['campaign_admin', 'manager', 'ceo_office', 'auditor', 'hr', 'admin'],
  'POST /v1/campaigns': ['campaign_admin', 'admin'],
  'POST /v1/campaigns/{campaignId}/activities': ['campaign_admin', 'admin'],
  'POST /v1/campaigns/{campaignId}/activities/bulk': ['campaign_admin', 'admin'],
  'POST /v1/campaigns/{campaignId}/closure': ['campaign_admin', 'admin'],
  'POST /v1/campaigns/{campaignId}/disclosures': ['campaign_admin', 'admin'],
  'POST /v1/campaigns/{campaignId}/opening': ['campaign_admin', 'admin'],
  'POST /v1/campaigns/{campaignId}/problems': ['campaign_admin', 'manager', 'admin'],
  'POST /v1/campaigns/{campaignId}/problems/{problemId}/actions': ['campaign_admin', 'manager', 'admin'],
  'POST /v1/campaigns/{campaignId}/problems/{problemId}/actions/{actionId}/completion': [
    'campaign_admin',
    'manager',
    'admin',
  ],
  'POST /v1/campaigns/{campaignId}/problems/{problemId}/actions/{actionId}/sending-back': ['campaign_admin', 'admin'],
  'POST /v1/campaigns/{campaignId}/problems/{problemId}/actions/{actionId}/verification': ['campaign_admin', 'admin'],
  'POST /v1/campaigns/{campaignId}/problems/{problemId}/closure': ['campaign_admin', 'admin'],
  'POST /v1/campaigns/{campaignId}/problems/{problemId}/links': ['campaign_admin', 'manager', 'admin'],
  'POST /v1/campaigns/{campaignId}/roster': ['hr', 'campaign_admin', 'admin'],
};

describe('campaigns: every route x every role (real Postgres, real Kafka)', () => {
  let app: INestApplication;
  let config: ServiceConfig;
  let database: TestDatabase;

  beforeAll(async () => {
    ({ config, database } = await testServiceConfig('campaigns'));
    app = await createCampaignsApp(config);
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
