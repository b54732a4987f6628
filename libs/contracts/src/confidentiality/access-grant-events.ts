import { SUBJECT_ID_PATTERN } from '../subject-id';
import {
  ACCESS_PURPOSES,
  AccessPurpose,
  CONFIDENTIALITY_LEVELS,
  CONFIDENTIALITY_REASON_MAX_LENGTH,
  ConfidentialityLevel,
  GRANTEE_TYPES,
  GranteeType,
  INFORMATION_CATEGORIES,
  InformationCategory,
} from './confidentiality-vocabulary';

/** One user (id = the token's `sub`) or everyone holding a role (id = the role). */
export interface Grantee {
  type: GranteeType;
  id: string;
}

/** Information of a category up to a level; with a subject id, only that subject's personal data. */
export interface GrantScope {
  category: InformationCategory;
  level: ConfidentialityLevel;
  subjectId: string | null;
}

/**
 * Events of the AccessGrant stream, version 1, on the confidentiality topic (key = grant id): access authorities
 * requested, approved or rejected by someone other than the requester, revoked, and expired by time
 * (ISO/IEC 27001:2022 5.15, 5.18). People are staff user ids; a subject only by its subject id.
 */
export interface AccessRequestedV1 {
  grantId: string;
  grantee: Grantee;
  scope: GrantScope;
  purpose: AccessPurpose;
  /** The grant ends then, approved or not. */
  expiresAt: string;
  requestedBy: string;
  requestedAt: string;
}
export interface AccessGrantApprovedV1 {
  grantId: string;
  approvedBy: string;
  approvedAt: string;
}
export interface AccessRequestRejectedV1 {
  grantId: string;
  rejectedBy: string;
  reason: string;
  rejectedAt: string;
}
export interface AccessGrantRevokedV1 {
  grantId: string;
  revokedBy: string;
  reason: string;
  revokedAt: string;
}
/** Recorded once the expiry has passed, for a request never decided or an approved grant. */
export interface AccessGrantExpiredV1 {
  grantId: string;
  expiresAt: string;
  expiredAt: string;
}

export type AccessGrantEvent =
  | { type: 'AccessRequested'; data: AccessRequestedV1 }
  | { type: 'AccessGrantApproved'; data: AccessGrantApprovedV1 }
  | { type: 'AccessRequestRejected'; data: AccessRequestRejectedV1 }
  | { type: 'AccessGrantRevoked'; data: AccessGrantRevokedV1 }
  | { type: 'AccessGrantExpired'; data: AccessGrantExpiredV1 };

export const ACCESS_GRANT_STREAM_TYPE = 'AccessGrant';

const timestamp = { type: 'string', format: 'date-time' } as const;
const reason = { type: 'string', minLength: 1, maxLength: CONFIDENTIALITY_REASON_MAX_LENGTH } as const;
/** Staff are referred to by their opaque user id (the token's `sub`), as actors are. */
const staffId = { type: 'string', minLength: 1, maxLength: 128 } as const;

function schema(title: string, description: string, properties: Record<string, object>) {
  return {
    title,
    description,
    type: 'object',
    additionalProperties: false,
    required: ['grantId', ...Object.keys(properties)],
    properties: { grantId: { type: 'string', format: 'uuid' }, ...properties },
  } as const;
}

export const accessGrantEventSchemas = {
  AccessRequested: {
    1: schema('AccessRequested', 'Access to a category of information up to a level was requested, for a purpose.', {
      grantee: {
        type: 'object',
        additionalProperties: false,
        required: ['type', 'id'],
        properties: { type: { enum: GRANTEE_TYPES }, id: staffId },
      },
      scope: {
        type: 'object',
        additionalProperties: false,
        required: ['category', 'level', 'subjectId'],
        properties: {
          category: { enum: INFORMATION_CATEGORIES },
          level: { enum: CONFIDENTIALITY_LEVELS },
          subjectId: { anyOf: [{ type: 'string', pattern: SUBJECT_ID_PATTERN }, { type: 'null' }] },
        },
      },
      purpose: { enum: ACCESS_PURPOSES },
      expiresAt: timestamp,
      requestedBy: staffId,
      requestedAt: timestamp,
    }),
  },
  AccessGrantApproved: {
    1: schema('AccessGrantApproved', 'The request was approved by someone other than the requester: access applies.', {
      approvedBy: staffId,
      approvedAt: timestamp,
    }),
  },
  AccessRequestRejected: {
    1: schema('AccessRequestRejected', 'The request was rejected, and why.', {
      rejectedBy: staffId,
      reason,
      rejectedAt: timestamp,
    }),
  },
  AccessGrantRevoked: {
    1: schema('AccessGrantRevoked', 'The grant was revoked before its expiry: access ends now.', {
      revokedBy: staffId,
      reason,
      revokedAt: timestamp,
    }),
  },
  AccessGrantExpired: {
    1: schema('AccessGrantExpired', 'The grant (or a request never decided) reached its expiry.', {
      expiresAt: timestamp,
      expiredAt: timestamp,
    }),
  },
} as const;
