import { Inject } from '@nestjs/common';
import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { Clock, CLOCK, metadataFor } from '@cx/platform';
import type { InformationAssetCommand } from '../../domain/information-asset/information-asset.commands';
import { InformationAssetRepository } from '../../infrastructure/information-asset.repository';
import { ChangeInformationAsset } from './change-information-asset.command';

/** read stream → fold → decide → append, for every command on a registered asset. */
@CommandHandler(ChangeInformationAsset)
export class ChangeInformationAssetHandler implements ICommandHandler<ChangeInformationAsset, number> {
  constructor(
    private readonly assets: InformationAssetRepository,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async execute({ input, principal, expectedVersion }: ChangeInformationAsset): Promise<number> {
    const command = { ...input, now: this.clock.now() } as InformationAssetCommand;
    const result = await this.assets.handle(input.assetId, command, {
      expectedVersion,
      metadata: metadataFor(principal),
    });
    return result.streamVersion;
  }
}
