import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { QuestionnaireNotFound } from '../../domain/questionnaire/questionnaire.errors';
import { QuestionnaireRepository } from '../../infrastructure/questionnaire.repository';
import { GetQuestionnaire } from './get-questionnaire.query';
import { QuestionnaireView, toQuestionnaireView } from './questionnaire.view';

/** Reads the stream itself: the owning service answers from its own truth, not from a projection. */
@QueryHandler(GetQuestionnaire)
export class GetQuestionnaireHandler implements IQueryHandler<GetQuestionnaire, QuestionnaireView> {
  constructor(private readonly questionnaires: QuestionnaireRepository) {}

  async execute({ questionnaireId }: GetQuestionnaire): Promise<QuestionnaireView> {
    const { state, version } = await this.questionnaires.load(questionnaireId);
    if (state.status === 'not_created') throw new QuestionnaireNotFound(questionnaireId);
    return toQuestionnaireView(state, version);
  }
}
