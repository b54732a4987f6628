import { randomUUID } from 'node:crypto';
import { Inject } from '@nestjs/common';
import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import type { PersonalDataRevealedV2 } from '@cx/contracts';
import type { EventMetadata } from '@cx/event-store';
import { Clock, CLOCK, metadataFor } from '@cx/platform';
import { AccessDecision, AccessRequest, decideAccess } from '../../domain/access-decision/access-decision';
import { AccessDenied } from '../../domain/access-decision/access-decision.errors';
import { revealed } from '../../domain/personal-data/masking';
import { SubjectNotFound, SubjectWasErased } from '../../domain/subject.errors';
import { recordAccessDecision } from '../../infrastructure/access-audit';
import { AccessDenialRepository } from '../../infrastructure/access-denial.repository';
import { AccessGrantRepository, GrantNoLongerApplies } from '../../infrastructure/access-grant.repository';
import { registeredSubject, SubjectAsRead, SubjectRepository } from '../../infrastructure/subject.repository';
import { RevealPersonalDataCommand } from './reveal-personal-data.command';
import { RevealedPersonalDataView } from './revealed-personal-data.view';

/** A grant revoked while a read commits makes the read decide again; more than this many in a row is a conflict. */
const MAX_ATTEMPTS = 3;

/**
 * A command, not a query: the access decision is on the record before anything is answered. Allowed, the audit
 * event (PersonalDataRevealed v2, naming the grant) is appended at the version the data was read at, with the
 * grant locked as still applying; denied, AccessDenied is appended (its own stream) and the answer is 403.
 */
@CommandHandler(RevealPersonalDataCommand)
export class RevealPersonalDataHandler implements ICommandHandler<RevealPersonalDataCommand, RevealedPersonalDataView> {
  constructor(
    private readonly subjects: SubjectRepository,
    private readonly grants: AccessGrantRepository,
    private readonly denials: AccessDenialRepository,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async execute(command: RevealPersonalDataCommand): Promise<RevealedPersonalDataView> {
    for (let attempt = 1; ; attempt++) {
      try {
        return await this.subjects.withPersonalData(command.subjectId, undefined, (subject) =>
          this.reveal(command, subject),
        );
      } catch (error) {
        if (!(error instanceof GrantNoLongerApplies) || attempt >= MAX_ATTEMPTS) throw error;
      }
    }
  }

  private async reveal(
    { subjectId, request: body, principal }: RevealPersonalDataCommand,
    subject: SubjectAsRead,
  ): Promise<RevealedPersonalDataView> {
    if (subject.state.status === 'not_registered') throw new SubjectNotFound(subjectId);
    if (subject.state.status === 'erased') throw new SubjectWasErased(subjectId, subject.state.erasedAt);
    const now = this.clock.now();
    const request: AccessRequest = {
      subjectId,
      requestedBy: principal.sub,
      roles: principal.roles,
      purpose: body.purpose,
      fields: body.fields ?? subject.state.categories,
    };
    const access = decideAccess(request, await this.grants.heldBy(principal, subjectId), now);
    if (access.decision === 'denied') throw await this.deny(request, access, now, metadataFor(principal));

    const { purpose } = request;
    const { grantId } = access;
    const result = await this.subjects.handle(
      subjectId,
      {
        type: 'RevealPersonalData',
        subjectId,
        fields: body.fields ?? null,
        revealedTo: principal.sub,
        purpose,
        grantId,
        now,
      },
      {
        expectedVersion: subject.version,
        metadata: metadataFor(principal),
        alsoInTransaction: async (tx) => {
          await AccessGrantRepository.stillApplies(grantId, now)(tx);
          await recordAccessDecision(subjectId, {
            decidedAt: now,
            decision: 'allowed',
            action: 'reveal',
            reason: null,
            subjectId,
            actor: principal.sub,
            purpose,
            fields: request.fields,
            grantId,
          })(tx);
        },
      },
    );
    const { fields, revealedAt } = result.events[0].data as PersonalDataRevealedV2;
    return {
      subjectId,
      fields,
      purpose,
      grantId,
      classification: { category: 'customer_personal_information', level: access.level },
      revealedAt,
      personalData: revealed(registeredSubject(subject).data, fields),
      version: result.streamVersion,
    };
  }

  private async deny(
    request: AccessRequest,
    access: Extract<AccessDecision, { decision: 'denied' }>,
    now: Date,
    metadata: EventMetadata,
  ): Promise<AccessDenied> {
    const denialId = randomUUID();
    const { subjectId, requestedBy, purpose } = request;
    const fields = [...request.fields];
    const { reason, grantId } = access;
    await this.denials.handle(
      denialId,
      { type: 'RecordAccessDenial', denialId, subjectId, requestedBy, purpose, fields, reason, grantId, now },
      {
        expectedVersion: 0,
        metadata,
        alsoInTransaction: recordAccessDecision(denialId, {
          decidedAt: now,
          decision: 'denied',
          action: 'reveal',
          reason,
          subjectId,
          actor: requestedBy,
          purpose,
          fields,
          grantId,
        }),
      },
    );
    return new AccessDenied(subjectId, reason, grantId, denialId);
  }
}
