import type { ListInformationAssetsRequest } from './list-information-assets.dto';

export class ListInformationAssets {
  constructor(readonly filter: ListInformationAssetsRequest) {}
}
