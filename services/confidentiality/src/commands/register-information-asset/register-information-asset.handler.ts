import { randomUUID } from 'node:crypto';
import { Inject } from '@nestjs/common';
import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { Clock, CLOCK, metadataFor } from '@cx/platform';
import { InformationAssetRepository } from '../../infrastructure/information-asset.repository';
import { RegisterAssetOutcome, RegisterInformationAssetCommand } from './register-information-asset.command';

@CommandHandler(RegisterInformationAssetCommand)
export class RegisterInformationAssetHandler implements ICommandHandler<
  RegisterInformationAssetCommand,
  RegisterAssetOutcome
> {
  constructor(
    private readonly assets: InformationAssetRepository,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async execute({
    request,
    principal,
    idempotencyKey,
  }: RegisterInformationAssetCommand): Promise<RegisterAssetOutcome> {
    const assetId = randomUUID();
    const result = await this.assets.handle(
      assetId,
      {
        type: 'RegisterInformationAsset',
        assetId,
        name: request.name.trim(),
        category: request.category,
        level: request.level,
        ownerId: request.ownerId,
        handlingRules: request.handlingRules.trim(),
        now: this.clock.now(),
      },
      {
        expectedVersion: 0,
        metadata: metadataFor(principal),
        idempotency: idempotencyKey && { scope: 'information-assets.register', ...idempotencyKey },
      },
    );
    return { assetId: result.streamId, replayed: result.replayed };
  }
}
