import { randomUUID } from 'node:crypto';
import { Inject } from '@nestjs/common';
import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { Clock, CLOCK, metadataFor } from '@cx/platform';
import { requireCommunityInScope } from '../../community-scope';
import { CommunityActivityRepository } from '../../infrastructure/community-activity.repository';
import { utc } from '../field-shapes';
import { PlanCommunityActivityCommand, PlanOutcome } from './plan-activity.command';

@CommandHandler(PlanCommunityActivityCommand)
export class PlanCommunityActivityHandler implements ICommandHandler<PlanCommunityActivityCommand, PlanOutcome> {
  constructor(
    private readonly activities: CommunityActivityRepository,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async execute({ request, principal, idempotencyKey }: PlanCommunityActivityCommand): Promise<PlanOutcome> {
    requireCommunityInScope(principal, request.community);
    const activityId = randomUUID();
    const { community, startsAt, endsAt, registrationOpensAt, registrationClosesAt, ...rest } = request;
    const details = {
      ...rest,
      startsAt: utc(startsAt),
      endsAt: utc(endsAt),
      registrationOpensAt: utc(registrationOpensAt),
      registrationClosesAt: utc(registrationClosesAt),
    };
    const result = await this.activities.handle(
      activityId,
      {
        type: 'PlanCommunityActivity',
        activityId,
        community,
        details,
        plannedBy: principal.sub,
        now: this.clock.now(),
      },
      {
        expectedVersion: 0,
        metadata: metadataFor(principal),
        idempotency: idempotencyKey && { scope: 'community.activities.plan', ...idempotencyKey },
      },
    );
    return { activityId: result.streamId, replayed: result.replayed };
  }
}
