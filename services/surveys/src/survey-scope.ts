import { callerScope, mayActOn, Principal } from '@cx/auth';
import { DomainError } from '@cx/domain';
import type { RecordSurveyResponses } from './domain/survey-response/survey-response.commands';

/**
 * A wave spans every project of its project type; each sampled customer belongs to a project and a region. A
 * caller scoped to regions or projects records for, and sees, only the customers of its own strata: to it, the
 * others are not in the sample (`not_in_sample`), so who was sampled elsewhere cannot be probed.
 */
export function withinCallerScope(command: RecordSurveyResponses, principal: Principal): RecordSurveyResponses {
  const { wave } = command;
  if (callerScope(principal) === null || !('sample' in wave)) return command;
  const sample = new Map([...wave.sample].filter(([, member]) => mayActOn(principal, member)));
  return { ...command, wave: { ...wave, sample } };
}

/** An intercept at a site the caller's token does not reach (403 naming the scope): the caller's own input. */
export class SurveyResponseOutsideCallerScope extends DomainError {
  readonly code = 'SURVEY_RESPONSE.OUTSIDE_CALLER_SCOPE';
  readonly kind = 'forbidden';

  constructor(region: string, project: string, scope: string) {
    super(`Region ${region} / project ${project} is outside your scope (${scope}).`, { region, project, scope });
  }
}
