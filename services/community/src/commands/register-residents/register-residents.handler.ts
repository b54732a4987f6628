import { Inject } from '@nestjs/common';
import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { Clock, CLOCK, metadataFor } from '@cx/platform';
import { requireCommunityInScope } from '../../community-scope';
import { CommunityRegisterRepository } from '../../infrastructure/community-register.repository';
import { RegisterResidentsCommand } from './register-residents.command';

/** Adds residents to the register and changes enrolments; residents sent again unchanged append nothing. */
@CommandHandler(RegisterResidentsCommand)
export class RegisterResidentsHandler implements ICommandHandler<RegisterResidentsCommand, number> {
  constructor(
    private readonly registers: CommunityRegisterRepository,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async execute({ community, request, principal, expectedVersion }: RegisterResidentsCommand): Promise<number> {
    requireCommunityInScope(principal, community);
    const residents = request.residents.map((r) => ({ residentId: r.residentId, elderlyCare: r.elderlyCare ?? false }));
    const result = await this.registers.register(
      { type: 'RegisterResidents', community, residents, now: this.clock.now() },
      expectedVersion,
      metadataFor(principal),
    );
    return result.streamVersion;
  }
}
