import { Inject } from '@nestjs/common';
import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import type { SubjectDataExportedV1 } from '@cx/contracts';
import { Clock, CLOCK, metadataFor } from '@cx/platform';
import { recordAccessDecision } from '../../infrastructure/access-audit';
import { registeredSubject, SubjectRepository } from '../../infrastructure/subject.repository';
import { ExportSubjectDataCommand } from './export-subject-data.command';
import { SubjectDataExportView, toSubjectDataExportView } from './subject-data-export.view';

/**
 * Like a reveal: SubjectDataExported is on the record, at the version the data was read at, before it is answered,
 * and in the access audit trail. The DPO's role is the authority here (PIPL art. 45: answering the person's own
 * request), not a grant.
 */
@CommandHandler(ExportSubjectDataCommand)
export class ExportSubjectDataHandler implements ICommandHandler<ExportSubjectDataCommand, SubjectDataExportView> {
  constructor(
    private readonly subjects: SubjectRepository,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  execute({ subjectId, principal }: ExportSubjectDataCommand): Promise<SubjectDataExportView> {
    return this.subjects.withPersonalData(subjectId, undefined, async (subject) => {
      const now = this.clock.now();
      const result = await this.subjects.handle(
        subjectId,
        { type: 'ExportSubjectData', subjectId, exportedBy: principal.sub, now },
        {
          expectedVersion: subject.version,
          metadata: metadataFor(principal),
          alsoInTransaction: recordAccessDecision(subjectId, {
            decidedAt: now,
            decision: 'allowed',
            action: 'export',
            reason: null,
            subjectId,
            actor: principal.sub,
            purpose: 'data_subject_request',
            fields: null,
            grantId: null,
          }),
        },
      );
      const { exportedBy, exportedAt } = result.events[0].data as SubjectDataExportedV1;
      const { state, data } = registeredSubject(subject);
      return toSubjectDataExportView(state, data, { exportedBy, exportedAt }, result.streamVersion);
    });
  }
}
