import { Inject } from '@nestjs/common';
import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { Clock, CLOCK, metadataFor } from '@cx/platform';
import { activityInScope } from '../../community-scope';
import type { CommunityActivityCommand } from '../../domain/community-activity/community-activity.commands';
import { CommunityActivityRepository } from '../../infrastructure/community-activity.repository';
import { CommandOnActivity } from './command-on-activity.command';

/** read stream → fold → decide → append, for the commands on an existing activity that need nothing else. */
@CommandHandler(CommandOnActivity)
export class CommandOnActivityHandler implements ICommandHandler<CommandOnActivity, number> {
  constructor(
    private readonly activities: CommunityActivityRepository,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async execute({ input, principal, expectedVersion }: CommandOnActivity): Promise<number> {
    const command = { ...input, now: this.clock.now() } as CommunityActivityCommand;
    const result = await this.activities.handle(input.activityId, command, {
      authorize: activityInScope(principal, input.activityId),
      expectedVersion,
      metadata: metadataFor(principal),
    });
    return result.streamVersion;
  }
}
