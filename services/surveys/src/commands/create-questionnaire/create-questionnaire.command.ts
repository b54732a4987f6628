import type { Principal } from '@cx/auth';
import type { IdempotencyKeyHeader } from '@cx/platform';
import type { CreateQuestionnaireRequest } from './create-questionnaire.dto';

export class CreateQuestionnaireCommand {
  constructor(
    readonly request: CreateQuestionnaireRequest,
    readonly principal: Principal,
    readonly idempotencyKey: IdempotencyKeyHeader | undefined,
  ) {}
}

export interface CreateQuestionnaireOutcome {
  questionnaireId: string;
  /** True when an Idempotency-Key was repeated: nothing new was appended. */
  replayed: boolean;
}
