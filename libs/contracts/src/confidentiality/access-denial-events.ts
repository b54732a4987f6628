import { SUBJECT_ID_PATTERN } from '../subject-id';
import {
  ACCESS_DENIAL_REASONS,
  ACCESS_PURPOSES,
  AccessDenialReason,
  AccessPurpose,
  PERSONAL_DATA_FIELDS,
  PersonalDataField,
} from './confidentiality-vocabulary';

/**
 * Audit: an unmasked read of a subject's personal data was refused. Version 1, on the confidentiality topic,
 * stream type AccessDenial, one stream per denial (key = denial id): a refused read is not a change to the
 * subject, so it does not move the subject's version (nobody can make a DPO's If-Match stale by being refused).
 */
export interface AccessDeniedV1 {
  denialId: string;
  subjectId: string;
  requestedBy: string;
  purpose: AccessPurpose;
  fields: PersonalDataField[];
  reason: AccessDenialReason;
  /** The grant the refusal is about (the expired, revoked or pending one); null when none came close. */
  grantId: string | null;
  deniedAt: string;
}

export type AccessDenialEvent = { type: 'AccessDenied'; data: AccessDeniedV1 };

export const ACCESS_DENIAL_STREAM_TYPE = 'AccessDenial';

export const accessDenialEventSchemas = {
  AccessDenied: {
    1: {
      title: 'AccessDenied',
      description: 'Audit: an unmasked read was refused, to whom, for what purpose and why.',
      type: 'object',
      additionalProperties: false,
      required: ['denialId', 'subjectId', 'requestedBy', 'purpose', 'fields', 'reason', 'grantId', 'deniedAt'],
      properties: {
        denialId: { type: 'string', format: 'uuid' },
        subjectId: { type: 'string', pattern: SUBJECT_ID_PATTERN },
        requestedBy: { type: 'string', minLength: 1, maxLength: 128 },
        purpose: { enum: ACCESS_PURPOSES },
        fields: { type: 'array', minItems: 1, uniqueItems: true, items: { enum: PERSONAL_DATA_FIELDS } },
        reason: { enum: ACCESS_DENIAL_REASONS },
        grantId: { anyOf: [{ type: 'string', format: 'uuid' }, { type: 'null' }] },
        deniedAt: { type: 'string', format: 'date-time' },
      },
    },
  },
} as const;
