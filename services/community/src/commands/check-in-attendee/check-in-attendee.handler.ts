import { Inject } from '@nestjs/common';
import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { Clock, CLOCK, metadataFor } from '@cx/platform';
import { CheckInCodeNotRecognised } from '../../domain/community-activity/community-activity.errors';
import { CommunityActivityRepository } from '../../infrastructure/community-activity.repository';
import { CheckInAttendeeCommand } from './check-in-attendee.command';

/** A code is looked up among the activity's; the activity decides whether it was used already. */
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
      { metadata: metadataFor(principal) },
    );
    return registrationId;
  }
}
