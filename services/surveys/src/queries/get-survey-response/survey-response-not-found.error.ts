import { DomainError } from '@cx/domain';

export class SurveyResponseNotFound extends DomainError {
  readonly code = 'SURVEY_RESPONSE.NOT_FOUND';
  readonly kind = 'not_found';

  constructor(responseId: string) {
    super(`No survey response ${responseId} is recorded.`, { responseId });
  }
}
