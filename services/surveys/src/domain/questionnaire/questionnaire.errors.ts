import { DomainError } from '@cx/domain';
import type { QuestionnaireStatus } from './questionnaire.state';

export class QuestionnaireNotFound extends DomainError {
  readonly code = 'QUESTIONNAIRE.NOT_FOUND';
  readonly kind = 'not_found';

  constructor(questionnaireId: string) {
    super(`Questionnaire ${questionnaireId} does not exist.`, { questionnaireId });
  }
}

export class QuestionnaireVersionNotFound extends DomainError {
  readonly code = 'QUESTIONNAIRE.VERSION_NOT_FOUND';
  readonly kind = 'not_found';

  constructor(questionnaireId: string, version: number) {
    super(`Questionnaire ${questionnaireId} has no version ${version}.`, { questionnaireId, version });
  }
}

/** Responses were, or may be, given to a published version: it never changes (409); draft a new version. */
export class QuestionnaireVersionPublished extends DomainError {
  readonly code = 'QUESTIONNAIRE.VERSION_PUBLISHED';
  readonly kind = 'invalid_state';

  constructor(questionnaireId: string, command: string, version: number, publishedAt: string | null) {
    super(
      `Version ${version} of questionnaire ${questionnaireId} is published and never changes; draft a new version instead.`,
      { questionnaireId, command, version, currentState: 'published', publishedAt },
    );
  }
}

/** The command does not apply in the questionnaire's current state (409 naming it). */
export class QuestionnaireTransitionNotAllowed extends DomainError {
  readonly code = 'QUESTIONNAIRE.TRANSITION_NOT_ALLOWED';
  readonly kind = 'invalid_state';

  constructor(
    questionnaireId: string,
    command: string,
    currentState: QuestionnaireStatus,
    allowedStates: readonly string[],
  ) {
    super(
      `${command} is not allowed while questionnaire ${questionnaireId} is ${currentState}; it needs one of: ${allowedStates.join(', ')}.`,
      { questionnaireId, command, currentState, allowedStates },
    );
  }
}

/** A rule about the questions themselves (422 naming the field and the rule). */
export class QuestionnaireRuleViolated extends DomainError {
  readonly code = 'QUESTIONNAIRE.RULE_VIOLATED';
  readonly kind = 'rule_violation';

  constructor(questionnaireId: string, field: string, rule: string) {
    super(`${field}: ${rule}`, { questionnaireId, field, rule });
  }
}
