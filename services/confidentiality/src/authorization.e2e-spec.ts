import { AuthorizationPolicy, describeAuthorizationMatrix } from '@cx/testing';
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

const service = {
  service: 'confidentiality',
  createApp: createConfidentialityApp,
  paramValue: (name: string) =>
    name === 'subjectId' ? `subj_${randomBytes(18).toString('hex').slice(0, 24)}` : randomUUID(),
};

describeAuthorizationMatrix(service, policy);
