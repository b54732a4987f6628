import type { Principal } from '@cx/auth';
import type { ProjectType } from '@cx/contracts';

export class FreezeScorecardCommand {
  constructor(
    readonly projectType: ProjectType,
    readonly period: string,
    readonly principal: Principal,
  ) {}
}
