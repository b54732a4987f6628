import type { Principal } from '@cx/auth';

/** On behalf of a caller: one limited to regions or projects sees responses of those only. */
export class GetSurveyResponse {
  constructor(
    readonly responseId: string,
    readonly principal: Principal,
  ) {}
}
