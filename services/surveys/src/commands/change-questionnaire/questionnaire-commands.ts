import { Injectable } from '@nestjs/common';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import type { Principal } from '@cx/auth';
import { etag } from '@cx/platform';
import type { Response } from 'express';
import { GetQuestionnaire } from '../../queries/get-questionnaire/get-questionnaire.query';
import type { QuestionnaireView } from '../../queries/get-questionnaire/questionnaire.view';
import { ChangeQuestionnaire, QuestionnaireCommandInput } from './change-questionnaire.command';

/** What every questionnaire controller does: run the command, answer with the questionnaire and its new ETag. */
@Injectable()
export class QuestionnaireCommands {
  constructor(
    private readonly commands: CommandBus,
    private readonly queries: QueryBus,
  ) {}

  async run(
    input: QuestionnaireCommandInput,
    principal: Principal,
    expectedVersion: number | undefined,
    response: Response,
  ): Promise<QuestionnaireView> {
    await this.commands.execute(new ChangeQuestionnaire(input, principal, expectedVersion));
    const view = await this.queries.execute<GetQuestionnaire, QuestionnaireView>(
      new GetQuestionnaire(input.questionnaireId),
    );
    response.setHeader('ETag', etag(view.version));
    return view;
  }
}
