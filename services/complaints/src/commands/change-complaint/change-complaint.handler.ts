import { Inject } from '@nestjs/common';
import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { mayActOn } from '@cx/auth';
import { Clock, CLOCK, metadataFor } from '@cx/platform';
import { ComplaintNotFound } from '../../domain/complaint.errors';
import type { ComplaintCommand } from '../../domain/complaint.commands';
import { ComplaintRepository } from '../../infrastructure/complaint.repository';
import type { DecidedComplaint } from '../../queries/get-complaint/get-complaint.query';
import { ChangeComplaint } from './change-complaint.command';

/** read stream → fold → decide → append, for every command on an existing complaint. */
@CommandHandler(ChangeComplaint)
export class ChangeComplaintHandler implements ICommandHandler<ChangeComplaint, DecidedComplaint> {
  constructor(
    private readonly complaints: ComplaintRepository,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async execute({ input, principal, expectedVersion }: ChangeComplaint): Promise<DecidedComplaint> {
    const command = { ...input, now: this.clock.now() } as ComplaintCommand;
    const result = await this.complaints.handle(input.complaintId, command, {
      authorize: (state) => {
        if (state.status !== 'not_filed' && !mayActOn(principal, state.details)) {
          throw new ComplaintNotFound(input.complaintId);
        }
      },
      expectedVersion,
      metadata: metadataFor(principal),
    });
    return { state: result.state!, version: result.streamVersion };
  }
}
