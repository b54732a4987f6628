import type { Principal } from '@cx/auth';
import type { ProjectType } from '@cx/contracts';
import type { CorrectScorecardRequest } from './correct-scorecard.dto';

export class CorrectScorecardCommand {
  constructor(
    readonly projectType: ProjectType,
    readonly period: string,
    readonly request: CorrectScorecardRequest,
    readonly principal: Principal,
    readonly expectedVersion: number | undefined,
  ) {}
}
