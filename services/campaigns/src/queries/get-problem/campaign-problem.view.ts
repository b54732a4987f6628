import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { PROBLEM_CATEGORIES, PROBLEM_LINK_KINDS, ProblemCategory, ProblemLinkKind } from '@cx/contracts';
import type { RaisedProblem } from '../../domain/campaign-problem/campaign-problem.state';

export const CAMPAIGN_PROBLEM_STATUSES = ['open', 'closed'] as const;

export class ProblemLinkView {
  @ApiProperty({ enum: PROBLEM_LINK_KINDS }) linkKind: ProblemLinkKind;
  @ApiProperty({ format: 'uuid', description: 'The complaint’s or review’s id, as given' }) linkedId: string;
  @ApiProperty({ format: 'date-time' }) linkedAt: string;
}

export class ImprovementActionStepView {
  @ApiProperty({ enum: ['added', 'completed', 'verified', 'sent_back'] }) step: string;
  @ApiProperty({ format: 'date-time' }) at: string;
  @ApiProperty({ nullable: true, type: String, description: 'Who completed or verified' }) by: string | null;
  @ApiProperty({ nullable: true, type: String, description: 'Completion note or reason for sending back' }) text:
    string | null;
}

export class ImprovementActionView {
  @ApiProperty({ format: 'uuid' }) actionId: string;
  @ApiProperty() description: string;
  @ApiProperty({ description: 'User id of the owner' }) ownerId: string;
  @ApiProperty({ format: 'date' }) dueDate: string;
  @ApiProperty({ enum: ['open', 'completed', 'verified'] }) status: string;
  @ApiProperty({ type: [ImprovementActionStepView] }) steps: ImprovementActionStepView[];
}

/** A problem found in a campaign as the API shows it; `version` is also the ETag. */
export class CampaignProblemView {
  @ApiProperty({ format: 'uuid' }) problemId: string;
  @ApiProperty({ format: 'uuid' }) campaignId: string;
  @ApiProperty({ enum: CAMPAIGN_PROBLEM_STATUSES }) status: (typeof CAMPAIGN_PROBLEM_STATUSES)[number];
  @ApiProperty({ format: 'uuid', description: 'The activity whose finding it is' }) activityId: string;
  @ApiProperty({ description: 'The finding’s place in the activity’s findings, 0 for the first' })
  findingIndex: number;
  @ApiProperty() description: string;
  @ApiProperty({ enum: PROBLEM_CATEGORIES }) category: ProblemCategory;
  @ApiProperty({ description: 'User id of the owner' }) ownerId: string;
  @ApiProperty({ format: 'date' }) dueDate: string;
  @ApiProperty({ description: 'User id of who raised it' }) raisedBy: string;
  @ApiProperty({ format: 'date-time' }) raisedAt: string;
  @ApiProperty({ type: [ProblemLinkView] }) links: ProblemLinkView[];
  @ApiProperty({ type: [ImprovementActionView] }) actions: ImprovementActionView[];
  @ApiPropertyOptional({ format: 'date-time' }) closedAt?: string;
  @ApiProperty({ minimum: 1 }) version: number;
}

export function toCampaignProblemView(state: RaisedProblem, version: number): CampaignProblemView {
  const { activityId, findingIndex, description, category, ownerId, dueDate, raisedBy, raisedAt } = state.details;
  return {
    problemId: state.problemId,
    campaignId: state.campaignId,
    status: state.status,
    activityId,
    findingIndex,
    description,
    category,
    ownerId,
    dueDate,
    raisedBy,
    raisedAt,
    links: state.links,
    actions: state.actions,
    ...(state.status === 'closed' ? { closedAt: state.closedAt } : {}),
    version,
  };
}
