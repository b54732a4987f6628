import { DomainError, type ImprovementAction, type ImprovementActionStatus } from '@cx/domain';
import type { CampaignProblemStatus } from './campaign-problem.state';

/** No such problem, or not one of the campaign it was asked through. */
export class CampaignProblemNotFound extends DomainError {
  readonly code = 'CAMPAIGN_PROBLEM.NOT_FOUND';
  readonly kind = 'not_found';

  constructor(campaignId: string, problemId: string) {
    super(`Listening campaign ${campaignId} has no problem ${problemId}.`, { campaignId, problemId });
  }
}

/** The command does not apply in the problem's current state (409 naming it). */
export class CampaignProblemTransitionNotAllowed extends DomainError {
  readonly code = 'CAMPAIGN_PROBLEM.TRANSITION_NOT_ALLOWED';
  readonly kind = 'invalid_state';

  constructor(
    problemId: string,
    command: string,
    currentState: CampaignProblemStatus,
    allowedStates: readonly string[],
  ) {
    super(
      `${command} is not allowed while campaign problem ${problemId} is ${currentState}; it needs one of: ${allowedStates.join(', ')}.`,
      { problemId, command, currentState, allowedStates },
    );
  }
}

/** One problem per finding (409 naming the problem that exists). */
export class FindingAlreadyRaised extends DomainError {
  readonly code = 'CAMPAIGN_PROBLEM.FINDING_ALREADY_RAISED';
  readonly kind = 'invalid_state';

  constructor(activityId: string, findingIndex: number, existingProblemId: string) {
    super(`Finding ${findingIndex} of activity ${activityId} is already problem ${existingProblemId}.`, {
      activityId,
      findingIndex,
      existingProblemId,
    });
  }
}

/** A business rule about the request itself (422 naming the field and the rule). */
export class CampaignProblemRuleViolated extends DomainError {
  readonly code = 'CAMPAIGN_PROBLEM.RULE_VIOLATED';
  readonly kind = 'rule_violation';

  constructor(subject: { problemId: string; campaignId: string }, field: string, rule: string) {
    super(`${field}: ${rule}`, { ...subject, field, rule });
  }
}

/** Closing needs at least one action, every one verified (409 naming the rule and the actions still open). */
export class CampaignProblemNotReadyToClose extends DomainError {
  readonly code = 'CAMPAIGN_PROBLEM.NOT_READY_TO_CLOSE';
  readonly kind = 'invalid_state';

  constructor(problemId: string, rule: string, unverifiedActions: Pick<ImprovementAction, 'actionId' | 'status'>[]) {
    super(`Campaign problem ${problemId} cannot be closed yet: ${rule}.`, {
      problemId,
      currentState: 'open',
      rule,
      unverifiedActions,
    });
  }
}

export class ProblemActionNotFound extends DomainError {
  readonly code = 'CAMPAIGN_PROBLEM.ACTION_NOT_FOUND';
  readonly kind = 'not_found';

  constructor(problemId: string, actionId: string) {
    super(`Campaign problem ${problemId} has no improvement action ${actionId}.`, { problemId, actionId });
  }
}

/** The action is not in the step the command needs (409 naming its current one). */
export class ProblemActionConflict extends DomainError {
  readonly code = 'CAMPAIGN_PROBLEM.ACTION_CONFLICT';
  readonly kind = 'invalid_state';

  constructor(problemId: string, actionId: string, currentState: ImprovementActionStatus, needed: string) {
    super(`Improvement action ${actionId} is ${currentState}; this needs it ${needed}.`, {
      problemId,
      actionId,
      currentState,
    });
  }
}

export class NotTheProblemActionOwner extends DomainError {
  readonly code = 'CAMPAIGN_PROBLEM.NOT_THE_ACTION_OWNER';
  readonly kind = 'forbidden';

  constructor(problemId: string, actionId: string) {
    super(`Only the owner or a campaign admin completes improvement action ${actionId}.`, { problemId, actionId });
  }
}
