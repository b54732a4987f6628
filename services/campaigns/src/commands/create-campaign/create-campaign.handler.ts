import { randomUUID } from 'node:crypto';
import { Inject } from '@nestjs/common';
import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { Clock, CLOCK, metadataFor } from '@cx/platform';
import { requireGroupWideCaller } from '../../campaign-scope';
import { ListeningCampaignRepository } from '../../infrastructure/listening-campaign.repository';
import { CreateListeningCampaignCommand, CreateOutcome } from './create-campaign.command';

@CommandHandler(CreateListeningCampaignCommand)
export class CreateListeningCampaignHandler implements ICommandHandler<CreateListeningCampaignCommand, CreateOutcome> {
  constructor(
    private readonly campaigns: ListeningCampaignRepository,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async execute({ request, principal, idempotencyKey }: CreateListeningCampaignCommand): Promise<CreateOutcome> {
    requireGroupWideCaller(principal, 'CreateListeningCampaign');
    const campaignId = randomUUID();
    const result = await this.campaigns.handle(
      campaignId,
      { type: 'CreateListeningCampaign', campaignId, ...request, now: this.clock.now() },
      {
        expectedVersion: 0,
        metadata: metadataFor(principal),
        idempotency: idempotencyKey && { scope: 'campaigns.create', ...idempotencyKey },
      },
    );
    return { campaignId: result.streamId, version: result.streamVersion, replayed: result.replayed };
  }
}
