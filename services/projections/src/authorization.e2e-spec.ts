import { AuthorizationPolicy, describeAuthorizationMatrix } from '@cx/testing';
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
  'GET /v1/reports/complaint-kpis': ['ceo_office', 'auditor', 'bi_reader', 'admin'],
};

const service = { service: 'projections', createApp: createProjectionsApp };

describeAuthorizationMatrix(service, policy);
