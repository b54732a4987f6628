import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { InformationAssetNotFound } from '../../domain/information-asset/information-asset.errors';
import { InformationAssetRepository } from '../../infrastructure/information-asset.repository';
import { GetInformationAsset } from './get-information-asset.query';
import { InformationAssetView, toInformationAssetView } from './information-asset.view';

/** Reads the stream itself: the register answers from its own truth. */
@QueryHandler(GetInformationAsset)
export class GetInformationAssetHandler implements IQueryHandler<GetInformationAsset, InformationAssetView> {
  constructor(private readonly assets: InformationAssetRepository) {}

  async execute({ assetId }: GetInformationAsset): Promise<InformationAssetView> {
    const { state, version } = await this.assets.load(assetId);
    if (state.status === 'not_registered') throw new InformationAssetNotFound(assetId);
    return toInformationAssetView(state, version);
  }
}
