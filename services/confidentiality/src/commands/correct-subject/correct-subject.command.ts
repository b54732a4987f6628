import type { Principal } from '@cx/auth';
import type { CorrectSubjectRequest } from './correct-subject.dto';

export class CorrectSubjectCommand {
  constructor(
    readonly subjectId: string,
    readonly request: CorrectSubjectRequest,
    readonly principal: Principal,
    readonly expectedVersion: number | undefined,
  ) {}
}
