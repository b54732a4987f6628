import { randomUUID } from 'node:crypto';
import { Inject } from '@nestjs/common';
import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { Clock, CLOCK, metadataFor } from '@cx/platform';
import { AccessGrantRepository } from '../../infrastructure/access-grant.repository';
import { SubjectRepository } from '../../infrastructure/subject.repository';
import { RequestAccessCommand, RequestAccessOutcome } from './request-access.command';

/** Reads the subject a scope names (its own stream), then appends AccessRequested on a new grant stream. */
@CommandHandler(RequestAccessCommand)
export class RequestAccessHandler implements ICommandHandler<RequestAccessCommand, RequestAccessOutcome> {
  constructor(
    private readonly grants: AccessGrantRepository,
    private readonly subjects: SubjectRepository,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async execute({ request, principal, idempotencyKey }: RequestAccessCommand): Promise<RequestAccessOutcome> {
    const grantId = randomUUID();
    const subjectId = request.scope.subjectId ?? null;
    const scopeSubjectStatus = subjectId === null ? null : (await this.subjects.load(subjectId)).state.status;
    const result = await this.grants.handle(
      grantId,
      {
        type: 'RequestAccess',
        grantId,
        grantee: request.grantee ?? { type: 'user', id: principal.sub },
        scope: { category: request.scope.category, level: request.scope.level, subjectId },
        purpose: request.purpose,
        expiresAt: new Date(request.expiresAt),
        requestedBy: principal.sub,
        scopeSubjectStatus,
        now: this.clock.now(),
      },
      {
        expectedVersion: 0,
        metadata: metadataFor(principal),
        idempotency: idempotencyKey && { scope: 'access-grants.request', ...idempotencyKey },
      },
    );
    return { grantId: result.streamId, replayed: result.replayed };
  }
}
