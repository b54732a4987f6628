import type { ProjectType } from '@cx/contracts';

export class GetScorecard {
  constructor(
    readonly projectType: ProjectType,
    readonly period: string,
  ) {}
}
