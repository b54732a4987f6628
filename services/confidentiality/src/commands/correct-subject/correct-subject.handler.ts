import { Inject } from '@nestjs/common';
import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { Clock, CLOCK, metadataFor } from '@cx/platform';
import { applyCorrection, Changes, changesBetween } from '../../domain/personal-data/personal-data';
import type { CorrectSubject } from '../../domain/subject.commands';
import { SubjectVault } from '../../infrastructure/subject-vault';
import { SubjectRepository } from '../../infrastructure/subject.repository';
import { CorrectSubjectCommand } from './correct-subject.command';
import { toCorrection } from './correct-subject.dto';

/** An unknown or erased subject has no data to compare: the decider refuses it before it looks at changes. */
const NOTHING_CHANGED: Changes = { correctedFields: [], removedFields: [] };

/**
 * Compares the stored data with the corrected one (the decider hears only which categories changed), then
 * appends SubjectCorrected and seals the result under a new data key, in one transaction.
 */
@CommandHandler(CorrectSubjectCommand)
export class CorrectSubjectHandler implements ICommandHandler<CorrectSubjectCommand, number> {
  constructor(
    private readonly subjects: SubjectRepository,
    private readonly vault: SubjectVault,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async execute({ subjectId, request, principal, expectedVersion }: CorrectSubjectCommand): Promise<number> {
    const correction = toCorrection(request);
    const command = (changes: Changes): CorrectSubject => ({
      type: 'CorrectSubject',
      subjectId,
      ...changes,
      now: this.clock.now(),
    });
    const result = await this.subjects.withPersonalData(subjectId, expectedVersion, ({ version, stored }) => {
      const options = { expectedVersion: version, metadata: metadataFor(principal) };
      if (stored === null) return this.subjects.handle(subjectId, command(NOTHING_CHANGED), options);
      const corrected = applyCorrection(stored.data, correction);
      return this.subjects.handle(subjectId, command(changesBetween(stored.data, corrected)), {
        ...options,
        alsoInTransaction: this.vault.keep(subjectId, corrected, stored.keyVersion + 1),
      });
    });
    return result.streamVersion;
  }
}
