import { Inject } from '@nestjs/common';
import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { Clock, CLOCK, metadataFor } from '@cx/platform';
import type { QuestionnaireCommand } from '../../domain/questionnaire/questionnaire.commands';
import { QuestionnaireRepository } from '../../infrastructure/questionnaire.repository';
import { ChangeQuestionnaire } from './change-questionnaire.command';

/** read stream → fold → decide → append, for every command on an existing questionnaire. */
@CommandHandler(ChangeQuestionnaire)
export class ChangeQuestionnaireHandler implements ICommandHandler<ChangeQuestionnaire, number> {
  constructor(
    private readonly questionnaires: QuestionnaireRepository,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async execute({ input, principal, expectedVersion }: ChangeQuestionnaire): Promise<number> {
    const command = { ...input, now: this.clock.now() } as QuestionnaireCommand;
    const result = await this.questionnaires.handle(input.questionnaireId, command, {
      expectedVersion,
      metadata: metadataFor(principal),
    });
    return result.streamVersion;
  }
}
