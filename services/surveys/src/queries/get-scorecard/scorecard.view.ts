import { ApiProperty } from '@nestjs/swagger';
import { PROJECT_TYPES, ProjectType } from '@cx/contracts';
import type { FrozenScorecard } from '../../domain/appraisal-scorecard/appraisal-scorecard.state';

export class ScorecardLineView {
  @ApiProperty({ description: 'Project or team code' }) code: string;
  @ApiProperty({ nullable: true, type: String }) team: string | null;
  @ApiProperty({ description: 'Complete responses with a rating' }) responses: number;
  @ApiProperty() answers: number;
  @ApiProperty({ nullable: true, type: Number, description: 'Mean answer score, 0-100' }) index: number | null;
  @ApiProperty({ nullable: true, type: Number, description: "95% interval, Student's t" }) ciLow: number | null;
  @ApiProperty({ nullable: true, type: Number }) ciHigh: number | null;
  @ApiProperty({ description: 'Fewer responses than the minimum: not ranked, not compared' }) insufficient: boolean;
  @ApiProperty({ nullable: true, type: Number }) rank: number | null;
  @ApiProperty({ nullable: true, type: Number }) previousIndex: number | null;
  @ApiProperty({ nullable: true, type: Number, description: 'Against last month' }) change: number | null;
  @ApiProperty({ nullable: true, type: Number }) target: number | null;
  @ApiProperty({ nullable: true, type: Number, description: 'index − target' }) againstTarget: number | null;
}

export class ScorecardChangeView {
  @ApiProperty({ enum: ['project', 'team'] }) kind: string;
  @ApiProperty() code: string;
  @ApiProperty() field: string;
  @ApiProperty({ nullable: true }) from: unknown;
  @ApiProperty({ nullable: true }) to: unknown;
}

export class ScorecardRevisionView {
  @ApiProperty({ description: '0 = the freeze' }) revision: number;
  @ApiProperty({ nullable: true, type: String }) reason: string | null;
  @ApiProperty({ description: 'User id' }) by: string;
  @ApiProperty({ format: 'date-time' }) at: string;
  @ApiProperty({ type: [ScorecardChangeView] }) changes: ScorecardChangeView[];
}

/** A scorecard as it now stands and how it got there; `version` is also the ETag. */
export class ScorecardView {
  @ApiProperty({ format: 'uuid' }) scorecardId: string;
  @ApiProperty() period: string;
  @ApiProperty({ enum: PROJECT_TYPES }) projectType: ProjectType;
  @ApiProperty({ format: 'uuid' }) waveId: string;
  @ApiProperty() minimumResponses: number;
  @ApiProperty({ type: [ScorecardLineView] }) projects: ScorecardLineView[];
  @ApiProperty({ type: [ScorecardLineView] }) teams: ScorecardLineView[];
  @ApiProperty({ type: [String], description: 'Responses left out by corrections' }) excludedResponses: string[];
  @ApiProperty({ type: [ScorecardRevisionView] }) revisions: ScorecardRevisionView[];
  @ApiProperty() version: number;
}

export function toScorecardView(state: FrozenScorecard, version: number): ScorecardView {
  return {
    scorecardId: state.scorecardId,
    period: state.period,
    projectType: state.projectType,
    waveId: state.waveId,
    minimumResponses: state.minimumResponses,
    projects: state.projects,
    teams: state.teams,
    excludedResponses: [...state.excludedResponses].sort(),
    revisions: state.history,
    version,
  };
}
