import { Inject } from '@nestjs/common';
import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { Clock, CLOCK, metadataFor } from '@cx/platform';
import { activityInScope } from '../../community-scope';
import { CommunityActivityRepository } from '../../infrastructure/community-activity.repository';
import { newCheckInCode } from '../register-for-activity/check-in-code';
import { AcceptWaitlistOfferCommand } from './accept-waitlist-offer.command';

/** An accepted offer is a confirmation: the check-in code is stored in the same transaction. */
@CommandHandler(AcceptWaitlistOfferCommand)
export class AcceptWaitlistOfferHandler implements ICommandHandler<AcceptWaitlistOfferCommand, number> {
  constructor(
    private readonly activities: CommunityActivityRepository,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async execute({ activityId, registrationId, principal, expectedVersion }: AcceptWaitlistOfferCommand) {
    const result = await this.activities.handle(
      activityId,
      { type: 'AcceptWaitlistOffer', activityId, registrationId, now: this.clock.now() },
      {
        authorize: activityInScope(principal, activityId),
        expectedVersion,
        metadata: metadataFor(principal),
        alsoInTransaction: CommunityActivityRepository.saveCheckInCode(activityId, registrationId, newCheckInCode()),
      },
    );
    return result.streamVersion;
  }
}
