import { DomainError } from '@cx/domain';
import type { SurveyWaveStatus } from './survey-wave.state';

export class SurveyWaveNotFound extends DomainError {
  readonly code = 'SURVEY_WAVE.NOT_FOUND';
  readonly kind = 'not_found';

  constructor(waveId: string) {
    super(`Survey wave ${waveId} does not exist.`, { waveId });
  }
}

/**
 * The command does not apply in the wave's current state (409 naming it). Also refuses responses, which need
 * the wave in the field.
 */
export class SurveyWaveTransitionNotAllowed extends DomainError {
  readonly code = 'SURVEY_WAVE.TRANSITION_NOT_ALLOWED';
  readonly kind = 'invalid_state';

  constructor(waveId: string, command: string, currentState: SurveyWaveStatus, allowedStates: readonly string[]) {
    super(
      `${command} is not allowed while survey wave ${waveId} is ${currentState}; it needs one of: ${allowedStates.join(', ')}.`,
      { waveId, command, currentState, allowedStates },
    );
  }
}

/** A rule about the request (422 naming the field and the rule). */
export class SurveyWaveRuleViolated extends DomainError {
  readonly code = 'SURVEY_WAVE.RULE_VIOLATED';
  readonly kind = 'rule_violation';

  constructor(waveId: string, field: string, rule: string, details: Record<string, unknown> = {}) {
    super(`${field}: ${rule}`, { waveId, field, rule, ...details });
  }
}

/** One wave per project type and month (409 naming the wave that has it). */
export class SurveyWaveAlreadyPlanned extends DomainError {
  readonly code = 'SURVEY_WAVE.ALREADY_PLANNED';
  readonly kind = 'invalid_state';

  constructor(projectType: string, period: string, existingWaveId: string) {
    super(`The ${projectType} wave of ${period} is planned already: ${existingWaveId}.`, {
      projectType,
      period,
      existingWaveId,
    });
  }
}

/** The stored frame no longer matches the digest recorded when it was loaded: nothing is drawn from it (409). */
export class SamplingFrameAltered extends DomainError {
  readonly code = 'SURVEY_WAVE.SAMPLING_FRAME_ALTERED';
  readonly kind = 'invalid_state';

  constructor(waveId: string, recordedDigest: string, storedDigest: string) {
    super(`The sampling frame of wave ${waveId} changed since it was loaded; it is not drawn from.`, {
      waveId,
      recordedDigest,
      storedDigest,
    });
  }
}
