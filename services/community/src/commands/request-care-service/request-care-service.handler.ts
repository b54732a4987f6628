import { randomUUID } from 'node:crypto';
import { Inject } from '@nestjs/common';
import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { Clock, CLOCK, metadataFor } from '@cx/platform';
import { requireCommunityInScope } from '../../community-scope';
import { CareServiceRepository } from '../../infrastructure/care-service.repository';
import { CommunityRegisterRepository } from '../../infrastructure/community-register.repository';
import { RequestCareServiceCommand, RequestOutcome } from './request-care-service.command';

/** Looks the resident up on the community register (and its elderly care register), then requests the service. */
@CommandHandler(RequestCareServiceCommand)
export class RequestCareServiceHandler implements ICommandHandler<RequestCareServiceCommand, RequestOutcome> {
  constructor(
    private readonly careServices: CareServiceRepository,
    private readonly registers: CommunityRegisterRepository,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async execute({ request, principal, idempotencyKey }: RequestCareServiceCommand): Promise<RequestOutcome> {
    const { community, residentId, serviceKind } = request;
    requireCommunityInScope(principal, community);
    const careServiceId = randomUUID();
    const result = await this.careServices.handle(
      careServiceId,
      {
        type: 'RequestCareService',
        careServiceId,
        community,
        residentId,
        resident: await this.registers.residentOf(community, residentId),
        serviceKind,
        recurrence: request.recurrence ?? null,
        requestedBy: principal.sub,
        now: this.clock.now(),
      },
      {
        expectedVersion: 0,
        metadata: metadataFor(principal),
        idempotency: idempotencyKey && { scope: 'community.care-services.request', ...idempotencyKey },
      },
    );
    return { careServiceId: result.streamId, replayed: result.replayed };
  }
}
