import { AuthorizationPolicy, describeAuthorizationMatrix } from '@cx/testing';
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

const service = { service: 'complaints', createApp: createComplaintsApp };

describeAuthorizationMatrix(service, policy);
