import { Inject } from '@nestjs/common';
import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { Clock, CLOCK } from '@cx/platform';
import { AccessGrantNotFound } from '../../domain/access-grant/access-grant.errors';
import { AccessGrantRepository } from '../../infrastructure/access-grant.repository';
import { AccessGrantView, toAccessGrantView } from './access-grant.view';
import { GetAccessGrant } from './get-access-grant.query';

/** Reads the stream itself, and tells the status at the service's `now`. */
@QueryHandler(GetAccessGrant)
export class GetAccessGrantHandler implements IQueryHandler<GetAccessGrant, AccessGrantView> {
  constructor(
    private readonly grants: AccessGrantRepository,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async execute({ grantId }: GetAccessGrant): Promise<AccessGrantView> {
    const { state, version } = await this.grants.load(grantId);
    if (state.status === 'not_requested') throw new AccessGrantNotFound(grantId);
    return toAccessGrantView(state, version, this.clock.now());
  }
}
