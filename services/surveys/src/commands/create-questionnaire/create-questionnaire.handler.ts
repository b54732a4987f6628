import { randomUUID } from 'node:crypto';
import { Inject } from '@nestjs/common';
import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { Clock, CLOCK, metadataFor } from '@cx/platform';
import { QuestionnaireRepository } from '../../infrastructure/questionnaire.repository';
import { toSurveyQuestions } from '../questions.dto';
import { CreateQuestionnaireCommand, CreateQuestionnaireOutcome } from './create-questionnaire.command';

@CommandHandler(CreateQuestionnaireCommand)
export class CreateQuestionnaireHandler implements ICommandHandler<
  CreateQuestionnaireCommand,
  CreateQuestionnaireOutcome
> {
  constructor(
    private readonly questionnaires: QuestionnaireRepository,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async execute({ request, principal, idempotencyKey }: CreateQuestionnaireCommand) {
    const questionnaireId = randomUUID();
    const result = await this.questionnaires.handle(
      questionnaireId,
      {
        type: 'CreateQuestionnaire',
        questionnaireId,
        title: request.title,
        projectType: request.projectType,
        questions: toSurveyQuestions(request.questions),
        now: this.clock.now(),
      },
      {
        expectedVersion: 0,
        metadata: metadataFor(principal),
        idempotency: idempotencyKey && { scope: 'surveys.questionnaires.create', ...idempotencyKey },
      },
    );
    return { questionnaireId: result.streamId, replayed: result.replayed };
  }
}
