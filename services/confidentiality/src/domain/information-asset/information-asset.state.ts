import type { ConfidentialityLevel, InformationCategory } from '@cx/contracts';

export interface Reclassification {
  fromLevel: ConfidentialityLevel;
  toLevel: ConfidentialityLevel;
  reason: string;
  reclassifiedAt: string;
}

export interface RegisteredAsset {
  assetId: string;
  name: string;
  category: InformationCategory;
  level: ConfidentialityLevel;
  ownerId: string;
  handlingRules: string;
  registeredAt: string;
  reclassifications: Reclassification[];
}

/** not_registered → active → retired; a retired asset keeps its classification and history. */
export type InformationAssetState =
  | { status: 'not_registered' }
  | ({ status: 'active' } & RegisteredAsset)
  | ({ status: 'retired'; retiredAt: string; retirementReason: string } & RegisteredAsset);

export type InformationAssetStatus = InformationAssetState['status'];
