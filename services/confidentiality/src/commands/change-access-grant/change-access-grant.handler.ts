import { Inject } from '@nestjs/common';
import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { Clock, CLOCK, metadataFor } from '@cx/platform';
import type { AccessGrantCommand } from '../../domain/access-grant/access-grant.commands';
import { AccessGrantRepository } from '../../infrastructure/access-grant.repository';
import { ChangeAccessGrant } from './change-access-grant.command';

/** read stream → fold → decide → append, for approvals, rejections and revocations. */
@CommandHandler(ChangeAccessGrant)
export class ChangeAccessGrantHandler implements ICommandHandler<ChangeAccessGrant, number> {
  constructor(
    private readonly grants: AccessGrantRepository,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async execute({ input, principal, expectedVersion }: ChangeAccessGrant): Promise<number> {
    const command = { ...input, now: this.clock.now() } as AccessGrantCommand;
    const result = await this.grants.handle(input.grantId, command, {
      expectedVersion,
      metadata: metadataFor(principal),
    });
    return result.streamVersion;
  }
}
