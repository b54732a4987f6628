import { AuthorizationPolicy, describeAuthorizationMatrix, PUBLIC } from '@cx/testing';
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

const service = {
  service: 'surveys',
  createApp: createSurveysApp,
  paramValue: (name: string) => (name === 'version' ? '1' : randomUUID()),
};

describeAuthorizationMatrix(service, policy);
