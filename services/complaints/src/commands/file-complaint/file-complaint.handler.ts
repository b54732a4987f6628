import { randomUUID } from 'node:crypto';
import { Inject } from '@nestjs/common';
import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { mayActOn } from '@cx/auth';
import { Clock, CLOCK, metadataFor } from '@cx/platform';
import { ComplaintOutsideCallerScope } from '../../domain/complaint.errors';
import { ComplaintRepository } from '../../infrastructure/complaint.repository';
import { CommandOutcome, FileComplaintCommand } from './file-complaint.command';

@CommandHandler(FileComplaintCommand)
export class FileComplaintHandler implements ICommandHandler<FileComplaintCommand, CommandOutcome> {
  constructor(
    private readonly complaints: ComplaintRepository,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async execute({ request, principal, idempotencyKey }: FileComplaintCommand): Promise<CommandOutcome> {
    if (!mayActOn(principal, request)) {
      throw new ComplaintOutsideCallerScope(request.region, request.project, principal.scope ?? '');
    }
    const complaintId = randomUUID();
    const { description, ...fields } = request;
    const result = await this.complaints.file(
      { type: 'FileComplaint', complaintId, ...fields, now: this.clock.now() },
      description,
      {
        expectedVersion: 0,
        metadata: metadataFor(principal),
        idempotency: idempotencyKey && { scope: 'complaints.file', ...idempotencyKey },
      },
    );
    return {
      complaintId: result.streamId,
      version: result.streamVersion,
      replayed: result.replayed,
      decided: result.state && { state: result.state, version: result.streamVersion, customer: result.customer },
    };
  }
}
