import { Inject } from '@nestjs/common';
import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { Clock, CLOCK, metadataFor } from '@cx/platform';
import type { CampaignProblemCommand } from '../../domain/campaign-problem/campaign-problem.commands';
import { CampaignProblemRepository } from '../../infrastructure/campaign-problem.repository';
import { ChangeCampaignProblem } from './change-problem.command';

/** read stream → fold → decide → append, for every command on an existing problem. */
@CommandHandler(ChangeCampaignProblem)
export class ChangeCampaignProblemHandler implements ICommandHandler<ChangeCampaignProblem, number> {
  constructor(
    private readonly problems: CampaignProblemRepository,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async execute({ input, principal, expectedVersion }: ChangeCampaignProblem): Promise<number> {
    const command = { ...input, now: this.clock.now() } as CampaignProblemCommand;
    const result = await this.problems.handle(input.problemId, command, {
      expectedVersion,
      metadata: metadataFor(principal),
    });
    return result.streamVersion;
  }
}
