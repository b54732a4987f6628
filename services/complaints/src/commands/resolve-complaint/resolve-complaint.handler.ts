import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { metadataFor } from '@cx/platform';
import { ComplaintRepository } from '../../infrastructure/complaint.repository';
import type { CommandOutcome } from '../file-complaint/file-complaint.command';
import { ResolveComplaintCommand } from './resolve-complaint.command';

@CommandHandler(ResolveComplaintCommand)
export class ResolveComplaintHandler implements ICommandHandler<ResolveComplaintCommand, CommandOutcome> {
  constructor(private readonly complaints: ComplaintRepository) {}

  async execute({
    complaintId,
    request,
    principal,
    expectedVersion,
  }: ResolveComplaintCommand): Promise<CommandOutcome> {
    const result = await this.complaints.handle(
      complaintId,
      { type: 'ResolveComplaint', complaintId, outcome: request.outcome, now: new Date() },
      { expectedVersion, metadata: metadataFor(principal) },
    );
    return { complaintId, version: result.streamVersion, replayed: false };
  }
}
