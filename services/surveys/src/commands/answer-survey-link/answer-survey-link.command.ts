import type { SurveyLinkAnswerRequest } from './survey-link-answer.dto';

export class AnswerSurveyLinkCommand {
  constructor(
    readonly token: string,
    readonly request: SurveyLinkAnswerRequest,
  ) {}
}
