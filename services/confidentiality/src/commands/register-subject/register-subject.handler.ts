import { randomInt } from 'node:crypto';
import { Inject } from '@nestjs/common';
import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { Clock, CLOCK, metadataFor } from '@cx/platform';
import { categoriesOf } from '../../domain/personal-data/personal-data';
import { SubjectVault } from '../../infrastructure/subject-vault';
import { SubjectRepository } from '../../infrastructure/subject.repository';
import { RegisterOutcome, RegisterSubjectCommand } from './register-subject.command';
import { toPersonalData } from './register-subject.dto';

const BASE62 = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';

/** `subj_` and 24 random base62 characters (143 bits): unguessable, and nothing in it says who the person is. */
function newSubjectId(): string {
  return `subj_${Array.from({ length: 24 }, () => BASE62[randomInt(BASE62.length)]).join('')}`;
}

/** Appends SubjectRegistered, claims the phone and ID number and seals the data, all in one transaction. */
@CommandHandler(RegisterSubjectCommand)
export class RegisterSubjectHandler implements ICommandHandler<RegisterSubjectCommand, RegisterOutcome> {
  constructor(
    private readonly subjects: SubjectRepository,
    private readonly vault: SubjectVault,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async execute({ request, principal, idempotencyKey }: RegisterSubjectCommand): Promise<RegisterOutcome> {
    const subjectId = newSubjectId();
    const data = toPersonalData(request);
    const result = await this.subjects.handle(
      subjectId,
      { type: 'RegisterSubject', subjectId, categories: categoriesOf(data), now: this.clock.now() },
      {
        expectedVersion: 0,
        metadata: metadataFor(principal),
        idempotency: idempotencyKey && {
          scope: 'subjects.register',
          key: idempotencyKey.key,
          fingerprint: this.vault.keyedFingerprint(idempotencyKey.fingerprint),
        },
        alsoInTransaction: this.vault.keep(subjectId, data, 1),
      },
    );
    return { subjectId: result.streamId, version: result.streamVersion, replayed: result.replayed };
  }
}
