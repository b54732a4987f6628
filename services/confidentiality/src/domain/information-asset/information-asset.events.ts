/** The InformationAsset stream's events are the published contract; the domain uses the same types. */
export type { InformationAssetEvent } from '@cx/contracts';
