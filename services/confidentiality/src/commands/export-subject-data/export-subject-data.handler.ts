import { Inject } from '@nestjs/common';
import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import type { SubjectDataExportedV1 } from '@cx/contracts';
import { Clock, CLOCK, metadataFor } from '@cx/platform';
import { registeredSubject, SubjectRepository } from '../../infrastructure/subject.repository';
import { ExportSubjectDataCommand } from './export-subject-data.command';
import { SubjectDataExportView, toSubjectDataExportView } from './subject-data-export.view';

/** Like a reveal: SubjectDataExported is on the record, at the version the data was read at, before it is answered. */
@CommandHandler(ExportSubjectDataCommand)
export class ExportSubjectDataHandler implements ICommandHandler<ExportSubjectDataCommand, SubjectDataExportView> {
  constructor(
    private readonly subjects: SubjectRepository,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  execute({ subjectId, principal }: ExportSubjectDataCommand): Promise<SubjectDataExportView> {
    return this.subjects.withPersonalData(subjectId, undefined, async (subject) => {
      const result = await this.subjects.handle(
        subjectId,
        { type: 'ExportSubjectData', subjectId, exportedBy: principal.sub, now: this.clock.now() },
        { expectedVersion: subject.version, metadata: metadataFor(principal) },
      );
      const { exportedBy, exportedAt } = result.events[0].data as SubjectDataExportedV1;
      const { state, data } = registeredSubject(subject);
      return toSubjectDataExportView(state, data, { exportedBy, exportedAt }, result.streamVersion);
    });
  }
}
