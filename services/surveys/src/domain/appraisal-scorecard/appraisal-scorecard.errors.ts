import { DomainError } from '@cx/domain';

export class ScorecardNotFound extends DomainError {
  readonly code = 'APPRAISAL_SCORECARD.NOT_FOUND';
  readonly kind = 'not_found';

  constructor(projectType: string, period: string) {
    super(`No ${projectType} appraisal scorecard of ${period} is frozen.`, { projectType, period });
  }
}

/** A scorecard is frozen once; what changes later is a correction (409). */
export class ScorecardAlreadyFrozen extends DomainError {
  readonly code = 'APPRAISAL_SCORECARD.ALREADY_FROZEN';
  readonly kind = 'invalid_state';

  constructor(projectType: string, period: string, frozenAt: string) {
    super(`The ${projectType} scorecard of ${period} was frozen at ${frozenAt}; correct it instead.`, {
      projectType,
      period,
      frozenAt,
    });
  }
}

/** Figures of a month still in the field would move after the freeze (409 naming the wave's state). */
export class ScorecardWaveNotClosed extends DomainError {
  readonly code = 'APPRAISAL_SCORECARD.WAVE_NOT_CLOSED';
  readonly kind = 'invalid_state';

  constructor(projectType: string, period: string, waveId: string | null, currentState: string) {
    super(`The ${projectType} wave of ${period} is ${currentState}; a scorecard is frozen once it is closed.`, {
      projectType,
      period,
      waveId,
      currentState,
    });
  }
}

/** A correction that names a response the scorecard cannot leave out, or that changes nothing (422). */
export class ScorecardRuleViolated extends DomainError {
  readonly code = 'APPRAISAL_SCORECARD.RULE_VIOLATED';
  readonly kind = 'rule_violation';

  constructor(field: string, rule: string, details: Record<string, unknown> = {}) {
    super(`${field}: ${rule}`, { field, rule, ...details });
  }
}
