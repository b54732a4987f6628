import { randomUUID } from 'node:crypto';
import { Inject } from '@nestjs/common';
import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { Clock, CLOCK, metadataFor } from '@cx/platform';
import { requireGroupWideCaller } from '../../campaign-scope';
import { countParticipation } from '../../domain/disclosure/participation-count';
import { ListeningCampaignRepository } from '../../infrastructure/listening-campaign.repository';
import { ParticipationDisclosureRepository } from '../../infrastructure/participation-disclosure.repository';
import { FreezeOutcome, FreezeParticipationDisclosureCommand } from './freeze-disclosure.command';

/** Counts from the campaign's final events, then appends the disclosure with its evidence in one transaction. */
@CommandHandler(FreezeParticipationDisclosureCommand)
export class FreezeParticipationDisclosureHandler implements ICommandHandler<
  FreezeParticipationDisclosureCommand,
  FreezeOutcome
> {
  constructor(
    private readonly campaigns: ListeningCampaignRepository,
    private readonly disclosures: ParticipationDisclosureRepository,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async execute({
    campaignId,
    principal,
    idempotencyKey,
  }: FreezeParticipationDisclosureCommand): Promise<FreezeOutcome> {
    requireGroupWideCaller(principal, 'FreezeParticipationDisclosure');
    const { state: campaign } = await this.campaigns.load(campaignId);
    const { throughPosition, events } = await this.disclosures.finalCampaignEvents(campaignId);
    const count = countParticipation(campaignId, events);
    const disclosureId = randomUUID();
    const result = await this.disclosures.handle(
      disclosureId,
      {
        type: 'FreezeParticipationDisclosure',
        disclosureId,
        campaignId,
        campaign,
        throughPosition,
        count,
        now: this.clock.now(),
      },
      {
        expectedVersion: 0,
        metadata: metadataFor(principal),
        idempotency: idempotencyKey && { scope: 'campaigns.disclose', ...idempotencyKey },
        alsoInTransaction: ParticipationDisclosureRepository.saveEvidence(disclosureId, campaignId, count.evidence),
      },
    );
    return { disclosureId: result.streamId, replayed: result.replayed };
  }
}
