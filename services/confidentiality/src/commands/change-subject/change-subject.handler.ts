import { Inject } from '@nestjs/common';
import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import type { AppendResult } from '@cx/event-store';
import { Clock, CLOCK, metadataFor } from '@cx/platform';
import type { SubjectCommand } from '../../domain/subject.commands';
import { SubjectRepository } from '../../infrastructure/subject.repository';
import { ChangeSubject } from './change-subject.command';

/** read stream → fold → decide → append; an erasure shreds the vault in the same transaction (the repository). */
@CommandHandler(ChangeSubject)
export class ChangeSubjectHandler implements ICommandHandler<ChangeSubject, AppendResult> {
  constructor(
    private readonly subjects: SubjectRepository,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  execute({ input, principal, expectedVersion }: ChangeSubject): Promise<AppendResult> {
    const command = { ...input, now: this.clock.now() } as SubjectCommand;
    return this.subjects.handle(input.subjectId, command, { expectedVersion, metadata: metadataFor(principal) });
  }
}
