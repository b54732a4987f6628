import type { ConfidentialityLevel, InformationCategory } from '@cx/contracts';

/** Every command names its asset and arrives with `now`: the decider has no clock of its own. */
interface OnAsset {
  assetId: string;
  now: Date;
}

export interface RegisterInformationAsset extends OnAsset {
  type: 'RegisterInformationAsset';
  name: string;
  category: InformationCategory;
  level: ConfidentialityLevel;
  ownerId: string;
  handlingRules: string;
}

export interface ReclassifyInformationAsset extends OnAsset {
  type: 'ReclassifyInformationAsset';
  level: ConfidentialityLevel;
  reason: string;
}

export interface RetireInformationAsset extends OnAsset {
  type: 'RetireInformationAsset';
  reason: string;
}

export type InformationAssetCommand = RegisterInformationAsset | ReclassifyInformationAsset | RetireInformationAsset;
