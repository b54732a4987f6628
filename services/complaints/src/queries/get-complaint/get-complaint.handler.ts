import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { mayActOn } from '@cx/auth';
import { ComplaintNotFound } from '../../domain/complaint.errors';
import { ComplaintRepository } from '../../infrastructure/complaint.repository';
import { ComplaintView, toComplaintView } from './complaint.view';
import { GetComplaint } from './get-complaint.query';

/**
 * Reads the stream itself (or takes the state a command just decided): the owning service answers from its own
 * truth, not from a projection.
 */
@QueryHandler(GetComplaint)
export class GetComplaintHandler implements IQueryHandler<GetComplaint, ComplaintView> {
  constructor(private readonly complaints: ComplaintRepository) {}

  async execute({ complaintId, principal, decided }: GetComplaint): Promise<ComplaintView> {
    const { state, version } = decided ?? (await this.complaints.load(complaintId));
    if (state.status === 'not_filed' || !mayActOn(principal, state.details)) throw new ComplaintNotFound(complaintId);
    const customer = decided?.customer ?? (await this.complaints.customerRecord(complaintId, state.details.customerId));
    return toComplaintView(state, version, customer, this.complaints.slaPolicy);
  }
}
