import { Inject } from '@nestjs/common';
import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { Clock, CLOCK, metadataFor } from '@cx/platform';
import { requireGroupWideCaller } from '../../campaign-scope';
import type { ListeningCampaignCommand } from '../../domain/listening-campaign/listening-campaign.commands';
import { ListeningCampaignRepository } from '../../infrastructure/listening-campaign.repository';
import { ChangeListeningCampaign } from './change-campaign.command';

/** read stream → fold → decide → append, for every command on an existing campaign. */
@CommandHandler(ChangeListeningCampaign)
export class ChangeListeningCampaignHandler implements ICommandHandler<ChangeListeningCampaign, number> {
  constructor(
    private readonly campaigns: ListeningCampaignRepository,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async execute({ input, principal, expectedVersion }: ChangeListeningCampaign): Promise<number> {
    requireGroupWideCaller(principal, input.type);
    const command = { ...input, now: this.clock.now() } as ListeningCampaignCommand;
    const result = await this.campaigns.handle(input.campaignId, command, {
      expectedVersion,
      metadata: metadataFor(principal),
    });
    return result.streamVersion;
  }
}
