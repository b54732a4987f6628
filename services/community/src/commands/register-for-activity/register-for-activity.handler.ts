import { randomUUID } from 'node:crypto';
import { Inject } from '@nestjs/common';
import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { Clock, CLOCK, metadataFor } from '@cx/platform';
import { mayActInCommunity } from '../../community-scope';
import { CommunityActivityNotFound } from '../../domain/community-activity/community-activity.errors';
import { CommunityActivityRepository } from '../../infrastructure/community-activity.repository';
import { CommunityRegisterRepository } from '../../infrastructure/community-register.repository';
import { newCheckInCode } from './check-in-code';
import { RegisterForActivityCommand, RegistrationOutcome } from './register-for-activity.command';

/**
 * Looks the resident up on the activity's community register, then lets the activity decide: confirmed or
 * waitlisted. The check-in code is stored with a confirmation, in the same transaction. An activity out of the
 * caller's scope is one that does not exist, before anything else (a repeated Idempotency-Key included).
 */
@CommandHandler(RegisterForActivityCommand)
export class RegisterForActivityHandler implements ICommandHandler<RegisterForActivityCommand, RegistrationOutcome> {
  constructor(
    private readonly activities: CommunityActivityRepository,
    private readonly registers: CommunityRegisterRepository,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async execute({ activityId, request, principal, idempotencyKey }: RegisterForActivityCommand) {
    const community = await this.activities.communityOf(activityId);
    if (community === null || !mayActInCommunity(principal, community)) throw new CommunityActivityNotFound(activityId);
    const onCommunityRegister = (await this.registers.residentOf(community, request.residentId)) !== null;
    const registrationId = randomUUID();
    const result = await this.activities.handle(
      activityId,
      {
        type: 'RegisterForActivity',
        activityId,
        registrationId,
        residentId: request.residentId,
        partySize: request.partySize,
        onCommunityRegister,
        now: this.clock.now(),
      },
      {
        metadata: metadataFor(principal),
        idempotency: idempotencyKey && { scope: 'community.activities.register', ...idempotencyKey },
        alsoInTransaction: CommunityActivityRepository.saveCheckInCode(activityId, registrationId, newCheckInCode()),
      },
    );
    return {
      registrationId: result.replayed
        ? await this.activities.registrationAt(activityId, result.streamVersion)
        : registrationId,
      replayed: result.replayed,
    };
  }
}
