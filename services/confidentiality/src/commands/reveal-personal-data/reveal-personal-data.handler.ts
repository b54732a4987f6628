import { Inject } from '@nestjs/common';
import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import type { PersonalDataRevealedV1 } from '@cx/contracts';
import { Clock, CLOCK, metadataFor } from '@cx/platform';
import { revealed } from '../../domain/personal-data/masking';
import { registeredSubject, SubjectRepository } from '../../infrastructure/subject.repository';
import { RevealPersonalDataCommand } from './reveal-personal-data.command';
import { RevealedPersonalDataView } from './revealed-personal-data.view';

/**
 * A command, not a query: the audit event is appended first, at the version the data was read at, and the data
 * is answered only once it is on the record. No unmasked read goes unrecorded.
 */
@CommandHandler(RevealPersonalDataCommand)
export class RevealPersonalDataHandler implements ICommandHandler<RevealPersonalDataCommand, RevealedPersonalDataView> {
  constructor(
    private readonly subjects: SubjectRepository,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  execute({ subjectId, request, principal }: RevealPersonalDataCommand): Promise<RevealedPersonalDataView> {
    return this.subjects.withPersonalData(subjectId, undefined, async (subject) => {
      const result = await this.subjects.handle(
        subjectId,
        {
          type: 'RevealPersonalData',
          subjectId,
          fields: request.fields ?? null,
          revealedTo: principal.sub,
          purpose: request.purpose,
          now: this.clock.now(),
        },
        { expectedVersion: subject.version, metadata: metadataFor(principal) },
      );
      const { fields, purpose, revealedAt } = result.events[0].data as PersonalDataRevealedV1;
      const { data } = registeredSubject(subject);
      return {
        subjectId,
        fields,
        purpose,
        revealedAt,
        personalData: revealed(data, fields),
        version: result.streamVersion,
      };
    });
  }
}
