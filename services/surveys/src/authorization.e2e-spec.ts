import type { INestApplication } from '@nestjs/common';
import { ROLES, signToken } from '@cx/auth';
import type { ServiceConfig } from '@cx/platform';
import {
  authorizationMatrix,
  AuthorizationPolicy,
  matrixViolations,
  PUBLIC,
  testServiceConfig,
  TestDatabase,
} from '@cx/testing';
import { randomUUID } from 'node:crypto';
import { createSurveysApp } from './surveys.app';

const readers = ['admin', 'manager', 'ceo_office', 'auditor'];

/**
 * Who may do what in the surveys service: the written policy the documented routes are held to, route by route.
 * Only admin runs questionnaires and waves (satisfaction counts in the appraisal of managers); the vendor records
 * call outcomes, interviewers interviews, and a survey link's token is its own credential.
 */
const policy: AuthorizationPolicy = {
  'GET /v1/appraisal-scorecards/{projectType}/{period}': readers,
  'GET /v1/questionnaires/{questionnaireId}': [...readers, 'survey_vendor', 'interviewer'],
  'GET /v1/survey-links/{token}': [PUBLIC],
  'GET /v1/survey-responses/{responseId}': readers,
  'GET /v1/waves/{waveId}': [...readers, 'survey_vendor', 'interviewer'],
  'GET /v1/waves/{waveId}/sample': ['admin', 'auditor', 'survey_vendor', 'interviewer'],
  'GET /v1/waves/{waveId}/sample/reproduction': ['admin', 'auditor'],
  'GET /v1/waves/{waveId}/summary': readers,
  'POST /v1/appraisal-scorecards/{projectType}/{period}': ['admin'],
  'POST /v1/appraisal-scorecards/{projectType}/{period}/corrections': ['admin'],
  'POST /v1/questionnaires': ['admin'],
  'POST /v1/questionnaires/{questionnaireId}/versions': ['admin'],
  'POST /v1/questionnaires/{questionnaireId}/versions/{version}/publication': ['admin'],
  'POST /v1/survey-links/{token}/response': [PUBLIC],
  'POST /v1/waves': ['admin'],
  'POST /v1/waves/{waveId}/closure': ['admin'],
  'POST /v1/waves/{waveId}/draw': ['admin'],
  'POST /v1/waves/{waveId}/interviews': ['interviewer'],
  'POST /v1/waves/{waveId}/responses/bulk': ['survey_vendor'],
  'POST /v1/waves/{waveId}/survey-links': ['admin'],
  'PUT /v1/questionnaires/{questionnaireId}/versions/{version}': ['admin'],
  'PUT /v1/waves/{waveId}/frame': ['admin'],
};

describe('surveys: every route x every role (real Postgres, real Kafka)', () => {
  let app: INestApplication;
  let config: ServiceConfig;
  let database: TestDatabase;

  beforeAll(async () => {
    ({ config, database } = await testServiceConfig('surveys'));
    app = await createSurveysApp(config);
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
      paramValue: (name) => (name === 'version' ? '1' : randomUUID()),
    });
    expect(matrix.unlisted).toEqual([]);
    expect(matrix.stale).toEqual([]);
    expect(matrix.cells.length).toBe(Object.keys(policy).length * (ROLES.length + 1));
    expect(matrixViolations(matrix.cells)).toEqual([]);
  });
});
