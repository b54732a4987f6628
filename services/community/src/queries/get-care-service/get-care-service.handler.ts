import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { mayActInCommunity } from '../../community-scope';
import { CareServiceNotFound } from '../../domain/care-service/care-service.errors';
import { CareServiceRepository } from '../../infrastructure/care-service.repository';
import { CareServiceView, toCareServiceView } from './care-service.view';
import { GetCareService } from './get-care-service.query';

/** Reads the stream itself: the owning service answers from its own truth, not from a projection. */
@QueryHandler(GetCareService)
export class GetCareServiceHandler implements IQueryHandler<GetCareService, CareServiceView> {
  constructor(private readonly careServices: CareServiceRepository) {}

  async execute({ careServiceId, principal }: GetCareService): Promise<CareServiceView> {
    const { state, version } = await this.careServices.load(careServiceId);
    if (state.status === 'not_requested' || !mayActInCommunity(principal, state.community)) {
      throw new CareServiceNotFound(careServiceId);
    }
    return toCareServiceView(state, version);
  }
}
