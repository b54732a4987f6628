import { SUBJECT_ID_PATTERN } from '../subject-id';
import {
  ACCESS_PURPOSES,
  AccessPurpose,
  CONSENT_DECISIONS,
  CONSENT_PURPOSES,
  ConsentDecision,
  ConsentPurpose,
  ERASURE_GROUNDS,
  ErasureGround,
  LEGAL_HOLD_REASONS,
  LEGAL_HOLD_REFERENCE_MAX_LENGTH,
  LegalHoldReason,
  PERSONAL_DATA_FIELDS,
  PersonalDataField,
} from './confidentiality-vocabulary';

/**
 * Events of the Subject stream, version 1 (PersonalDataRevealed also 2), on the confidentiality topic (key = subject id). They carry no
 * personal data, neither in clear nor encrypted: only which categories exist or changed. The data itself
 * stays in the vault, encrypted with the subject's own key, so that erasure can destroy it for good.
 */
export interface SubjectRegisteredV1 {
  subjectId: string;
  /** The categories of personal data the vault holds for the subject. */
  categories: PersonalDataField[];
  registeredAt: string;
}
export interface SubjectCorrectedV1 {
  subjectId: string;
  /** Categories given a new value (or added). */
  correctedFields: PersonalDataField[];
  /** Categories the vault no longer holds. */
  removedFields: PersonalDataField[];
  correctedAt: string;
}
export interface ConsentRecordedV1 {
  subjectId: string;
  purpose: ConsentPurpose;
  decision: ConsentDecision;
  /** When the subject gave or withdrew it (e.g. the date on the signed form). */
  decidedAt: string;
  recordedAt: string;
}
/** Audit: someone read personal data in clear (v1: on the `dpo` role, before access grants existed). */
export interface PersonalDataRevealedV1 {
  subjectId: string;
  fields: PersonalDataField[];
  revealedTo: string;
  purpose: AccessPurpose;
  revealedAt: string;
}
/** Audit: someone read personal data in clear under an access grant, which v2 names. */
export interface PersonalDataRevealedV2 extends PersonalDataRevealedV1 {
  grantId: string;
}
/** Audit: everything held about the subject was handed out (data-subject access request). */
export interface SubjectDataExportedV1 {
  subjectId: string;
  exportedBy: string;
  exportedAt: string;
}
export interface LegalHoldPlacedV1 {
  subjectId: string;
  holdId: string;
  reason: LegalHoldReason;
  reference: string;
  placedAt: string;
}
export interface LegalHoldReleasedV1 {
  subjectId: string;
  holdId: string;
  releasedAt: string;
}
/** The subject's retention period ended while a legal hold applies: erasure waits until every hold is released. */
export interface SubjectErasureDeferredV1 {
  subjectId: string;
  /** The end of the retention period. */
  retainUntil: string;
  legalHoldIds: string[];
  deferredAt: string;
}
/** The subject's key is destroyed: every copy of its data is unreadable. Consumers redact what they show. */
export interface SubjectErasedV1 {
  subjectId: string;
  ground: ErasureGround;
  erasedAt: string;
}

export type SubjectEvent =
  | { type: 'SubjectRegistered'; data: SubjectRegisteredV1 }
  | { type: 'SubjectCorrected'; data: SubjectCorrectedV1 }
  | { type: 'ConsentRecorded'; data: ConsentRecordedV1 }
  | { type: 'PersonalDataRevealed'; data: PersonalDataRevealedV2 }
  | { type: 'SubjectDataExported'; data: SubjectDataExportedV1 }
  | { type: 'LegalHoldPlaced'; data: LegalHoldPlacedV1 }
  | { type: 'LegalHoldReleased'; data: LegalHoldReleasedV1 }
  | { type: 'SubjectErasureDeferred'; data: SubjectErasureDeferredV1 }
  | { type: 'SubjectErased'; data: SubjectErasedV1 };

export const SUBJECT_STREAM_TYPE = 'Subject';

const uuid = { type: 'string', format: 'uuid' } as const;
const timestamp = { type: 'string', format: 'date-time' } as const;
const fields = (minItems: number) =>
  ({ type: 'array', minItems, uniqueItems: true, items: { enum: PERSONAL_DATA_FIELDS } }) as const;
/** Staff are referred to by their opaque user id (the token's `sub`), as actors are. */
const staffId = { type: 'string', minLength: 1, maxLength: 128 } as const;

function schema(title: string, description: string, properties: Record<string, object>) {
  return {
    title,
    description,
    type: 'object',
    additionalProperties: false,
    required: ['subjectId', ...Object.keys(properties)],
    properties: { subjectId: { type: 'string', pattern: SUBJECT_ID_PATTERN }, ...properties },
  } as const;
}

export const subjectEventSchemas = {
  SubjectRegistered: {
    1: schema('SubjectRegistered', 'A data subject entered the vault; which categories of data it holds.', {
      categories: fields(1),
      registeredAt: timestamp,
    }),
  },
  SubjectCorrected: {
    1: schema('SubjectCorrected', 'Personal data was corrected; the categories changed or removed, never values.', {
      correctedFields: fields(0),
      removedFields: fields(0),
      correctedAt: timestamp,
    }),
  },
  ConsentRecorded: {
    1: schema('ConsentRecorded', 'The subject gave or withdrew consent for a purpose.', {
      purpose: { enum: CONSENT_PURPOSES },
      decision: { enum: CONSENT_DECISIONS },
      decidedAt: timestamp,
      recordedAt: timestamp,
    }),
  },
  PersonalDataRevealed: {
    1: schema('PersonalDataRevealed', 'Audit: personal data was read unmasked, by whom and for what purpose.', {
      fields: fields(1),
      revealedTo: staffId,
      purpose: { enum: ACCESS_PURPOSES },
      revealedAt: timestamp,
    }),
    2: schema('PersonalDataRevealed', 'Audit: personal data was read unmasked under an access grant, which it names.', {
      fields: fields(1),
      revealedTo: staffId,
      purpose: { enum: ACCESS_PURPOSES },
      grantId: uuid,
      revealedAt: timestamp,
    }),
  },
  SubjectDataExported: {
    1: schema('SubjectDataExported', 'Audit: all data held about the subject was exported (access request).', {
      exportedBy: staffId,
      exportedAt: timestamp,
    }),
  },
  LegalHoldPlaced: {
    1: schema('LegalHoldPlaced', 'A legal hold applies: the subject cannot be erased until it is released.', {
      holdId: uuid,
      reason: { enum: LEGAL_HOLD_REASONS },
      reference: { type: 'string', minLength: 1, maxLength: LEGAL_HOLD_REFERENCE_MAX_LENGTH },
      placedAt: timestamp,
    }),
  },
  LegalHoldReleased: {
    1: schema('LegalHoldReleased', 'A legal hold was released.', { holdId: uuid, releasedAt: timestamp }),
  },
  SubjectErasureDeferred: {
    1: schema(
      'SubjectErasureDeferred',
      'The retention period ended under a legal hold: erasure waits for its release.',
      {
        retainUntil: timestamp,
        legalHoldIds: { type: 'array', minItems: 1, uniqueItems: true, items: uuid },
        deferredAt: timestamp,
      },
    ),
  },
  SubjectErased: {
    1: schema('SubjectErased', 'The subject was erased (its key destroyed); redact everything shown about it.', {
      ground: { enum: ERASURE_GROUNDS },
      erasedAt: timestamp,
    }),
  },
} as const;
