import { Inject } from '@nestjs/common';
import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { Clock, CLOCK, metadataFor } from '@cx/platform';
import { activityInScope } from '../../community-scope';
import { CommunityActivityRepository } from '../../infrastructure/community-activity.repository';
import { GiveActivityFeedbackCommand } from './give-feedback.command';

/** The rating travels in the event; the comment, which may name people, stays in this database. */
@CommandHandler(GiveActivityFeedbackCommand)
export class GiveActivityFeedbackHandler implements ICommandHandler<GiveActivityFeedbackCommand, void> {
  constructor(
    private readonly activities: CommunityActivityRepository,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async execute({ activityId, registrationId, request, principal }: GiveActivityFeedbackCommand): Promise<void> {
    const now = this.clock.now();
    const { comment } = request;
    await this.activities.handle(
      activityId,
      {
        type: 'GiveActivityFeedback',
        activityId,
        registrationId,
        rating: request.rating,
        commented: comment !== undefined,
        now,
      },
      {
        authorize: activityInScope(principal, activityId),
        metadata: metadataFor(principal),
        alsoInTransaction:
          comment === undefined
            ? undefined
            : CommunityActivityRepository.saveFeedbackComment(activityId, registrationId, comment, now),
      },
    );
  }
}
