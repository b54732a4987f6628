import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { metadataFor } from '@cx/platform';
import { ComplaintRepository } from '../../infrastructure/complaint.repository';
import type { CommandOutcome } from '../file-complaint/file-complaint.command';
import { EscalateComplaintCommand } from './escalate-complaint.command';

@CommandHandler(EscalateComplaintCommand)
export class EscalateComplaintHandler implements ICommandHandler<EscalateComplaintCommand, CommandOutcome> {
  constructor(private readonly complaints: ComplaintRepository) {}

  async execute({
    complaintId,
    request,
    principal,
    expectedVersion,
  }: EscalateComplaintCommand): Promise<CommandOutcome> {
    const result = await this.complaints.handle(
      complaintId,
      { type: 'EscalateComplaint', complaintId, reason: request.reason, now: new Date() },
      { expectedVersion, metadata: metadataFor(principal) },
    );
    return { complaintId, version: result.streamVersion, replayed: false };
  }
}
