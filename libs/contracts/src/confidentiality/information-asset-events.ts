import {
  ASSET_NAME_MAX_LENGTH,
  CONFIDENTIALITY_LEVELS,
  CONFIDENTIALITY_REASON_MAX_LENGTH,
  ConfidentialityLevel,
  HANDLING_RULES_MAX_LENGTH,
  INFORMATION_CATEGORIES,
  InformationCategory,
} from './confidentiality-vocabulary';

/**
 * Events of the InformationAsset stream, version 1, on the confidentiality topic (key = asset id): the register
 * of information assets with their classification (ISO/IEC 27001:2022 5.9, 5.12). They describe the asset (a
 * system, a data set, a document series), never its content; the owner is a staff user id.
 */
export interface InformationAssetRegisteredV1 {
  assetId: string;
  name: string;
  category: InformationCategory;
  level: ConfidentialityLevel;
  ownerId: string;
  handlingRules: string;
  registeredAt: string;
}
export interface InformationAssetReclassifiedV1 {
  assetId: string;
  fromLevel: ConfidentialityLevel;
  toLevel: ConfidentialityLevel;
  reason: string;
  reclassifiedAt: string;
}
/** The asset is no longer held or used; it stays in the register's history. */
export interface InformationAssetRetiredV1 {
  assetId: string;
  reason: string;
  retiredAt: string;
}

export type InformationAssetEvent =
  | { type: 'InformationAssetRegistered'; data: InformationAssetRegisteredV1 }
  | { type: 'InformationAssetReclassified'; data: InformationAssetReclassifiedV1 }
  | { type: 'InformationAssetRetired'; data: InformationAssetRetiredV1 };

export const INFORMATION_ASSET_STREAM_TYPE = 'InformationAsset';

const timestamp = { type: 'string', format: 'date-time' } as const;
const level = { enum: CONFIDENTIALITY_LEVELS } as const;
const reason = { type: 'string', minLength: 1, maxLength: CONFIDENTIALITY_REASON_MAX_LENGTH } as const;
/** Staff are referred to by their opaque user id (the token's `sub`), as actors are. */
const staffId = { type: 'string', minLength: 1, maxLength: 128 } as const;

function schema(title: string, description: string, properties: Record<string, object>) {
  return {
    title,
    description,
    type: 'object',
    additionalProperties: false,
    required: ['assetId', ...Object.keys(properties)],
    properties: { assetId: { type: 'string', format: 'uuid' }, ...properties },
  } as const;
}

export const informationAssetEventSchemas = {
  InformationAssetRegistered: {
    1: schema('InformationAssetRegistered', 'An information asset entered the register with its classification.', {
      name: { type: 'string', minLength: 1, maxLength: ASSET_NAME_MAX_LENGTH },
      category: { enum: INFORMATION_CATEGORIES },
      level,
      ownerId: staffId,
      handlingRules: { type: 'string', minLength: 1, maxLength: HANDLING_RULES_MAX_LENGTH },
      registeredAt: timestamp,
    }),
  },
  InformationAssetReclassified: {
    1: schema('InformationAssetReclassified', 'The asset moved to another confidentiality level, and why.', {
      fromLevel: level,
      toLevel: level,
      reason,
      reclassifiedAt: timestamp,
    }),
  },
  InformationAssetRetired: {
    1: schema('InformationAssetRetired', 'The asset is no longer held or used.', { reason, retiredAt: timestamp }),
  },
} as const;
