import { randomUUID } from 'node:crypto';
import { Inject } from '@nestjs/common';
import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { Clock, CLOCK, metadataFor } from '@cx/platform';
import { ComplaintRepository } from '../../infrastructure/complaint.repository';
import { CommandOutcome, FileComplaintCommand } from './file-complaint.command';

@CommandHandler(FileComplaintCommand)
export class FileComplaintHandler implements ICommandHandler<FileComplaintCommand, CommandOutcome> {
  constructor(
    private readonly complaints: ComplaintRepository,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async execute({ request, principal, idempotencyKey }: FileComplaintCommand): Promise<CommandOutcome> {
    const complaintId = randomUUID();
    const { description, ...fields } = request;
    const result = await this.complaints.handle(
      complaintId,
      { type: 'FileComplaint', complaintId, ...fields, now: this.clock.now() },
      {
        expectedVersion: 0,
        metadata: metadataFor(principal),
        idempotency: idempotencyKey && { scope: 'complaints.file', ...idempotencyKey },
        alsoInTransaction: ComplaintRepository.saveDescription(complaintId, description),
      },
    );
    return { complaintId: result.streamId, version: result.streamVersion, replayed: result.replayed };
  }
}
