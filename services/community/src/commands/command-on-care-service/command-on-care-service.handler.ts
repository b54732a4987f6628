import { Inject } from '@nestjs/common';
import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { Clock, CLOCK, metadataFor } from '@cx/platform';
import { careServiceInScope } from '../../community-scope';
import type { CareServiceCommand } from '../../domain/care-service/care-service.commands';
import { CareServiceRepository } from '../../infrastructure/care-service.repository';
import { CommandOnCareService } from './command-on-care-service.command';

/** read stream → fold → decide → append, for every command on an existing care service. */
@CommandHandler(CommandOnCareService)
export class CommandOnCareServiceHandler implements ICommandHandler<CommandOnCareService, number> {
  constructor(
    private readonly careServices: CareServiceRepository,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async execute({ input, principal, expectedVersion }: CommandOnCareService): Promise<number> {
    const command = { ...input, now: this.clock.now() } as CareServiceCommand;
    const result = await this.careServices.handle(input.careServiceId, command, {
      authorize: careServiceInScope(principal, input.careServiceId),
      expectedVersion,
      metadata: metadataFor(principal),
    });
    return result.streamVersion;
  }
}
