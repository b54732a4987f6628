import type { Principal } from '@cx/auth';
import type { IssueSurveyLinksRequest } from './issue-survey-links.dto';

export class IssueSurveyLinksCommand {
  constructor(
    readonly waveId: string,
    readonly request: IssueSurveyLinksRequest,
    readonly principal: Principal,
    readonly expectedVersion: number | undefined,
  ) {}
}
