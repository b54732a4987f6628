import { Inject } from '@nestjs/common';
import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { Clock, CLOCK, metadataFor } from '@cx/platform';
import { mayActInCommunity } from '../../community-scope';
import {
  CheckInCodeNotRecognised,
  CommunityActivityNotFound,
} from '../../domain/community-activity/community-activity.errors';
import { CommunityActivityRepository } from '../../infrastructure/community-activity.repository';
import { CheckInAttendeeCommand } from './check-in-attendee.command';

/**
 * A code is looked up among the activity's; the activity decides whether it was used already. Out of the caller's
 * scope, a scanned code is as unknown as on an activity that does not exist.
 */
@CommandHandler(CheckInAttendeeCommand)
export class CheckInAttendeeHandler implements ICommandHandler<CheckInAttendeeCommand, string> {
  constructor(
    private readonly activities: CommunityActivityRepository,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async execute({ activityId, by, principal }: CheckInAttendeeCommand): Promise<string> {
    const registrationId =
      'code' in by ? await this.activities.registrationWithCode(activityId, by.code) : by.registrationId;
    if (registrationId === null) throw new CheckInCodeNotRecognised(activityId);
    await this.activities.handle(
      activityId,
      {
        type: 'CheckInAttendee',
        activityId,
        registrationId,
        method: 'code' in by ? 'code' : 'staff',
        checkedInBy: principal.sub,
        now: this.clock.now(),
      },
      {
        authorize: (state) => {
          if (state.status === 'not_planned' || mayActInCommunity(principal, state.community)) return;
          throw 'code' in by ? new CheckInCodeNotRecognised(activityId) : new CommunityActivityNotFound(activityId);
        },
        metadata: metadataFor(principal),
      },
    );
    return registrationId;
  }
}
