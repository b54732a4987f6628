import type { Principal } from '@cx/auth';

export class ExportSubjectDataCommand {
  constructor(
    readonly subjectId: string,
    readonly principal: Principal,
  ) {}
}
