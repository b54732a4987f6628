import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { masked } from '../../domain/personal-data/masking';
import { SubjectNotFound, SubjectWasErased } from '../../domain/subject.errors';
import { registeredSubject, SubjectRepository } from '../../infrastructure/subject.repository';
import { GetSubject } from './get-subject.query';
import { SubjectView, toSubjectView } from './subject.view';

/** Masked, so not audited: reading data in clear is a command (reveal) that records who saw what. */
@QueryHandler(GetSubject)
export class GetSubjectHandler implements IQueryHandler<GetSubject, SubjectView> {
  constructor(private readonly subjects: SubjectRepository) {}

  async execute({ subjectId }: GetSubject): Promise<SubjectView> {
    const subject = await this.subjects.read(subjectId);
    if (subject.state.status === 'not_registered') throw new SubjectNotFound(subjectId);
    if (subject.state.status === 'erased') throw new SubjectWasErased(subjectId, subject.state.erasedAt);
    const { state, data } = registeredSubject(subject);
    return toSubjectView(state, subject.version, masked(data));
  }
}
