import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { COMPLAINT_CATEGORIES, COMPLAINT_SEVERITIES, ROOT_CAUSE_CATEGORIES } from '@cx/contracts';
import type { MarkedReview } from '../../domain/typical-case-review/typical-case-review.state';

export const TYPICAL_CASE_REVIEW_STATUSES = ['open', 'concluded'] as const;

export class RootCauseView {
  @ApiProperty({ enum: ROOT_CAUSE_CATEGORIES }) category: string;
  @ApiProperty() businessProblem: string;
  @ApiProperty({ format: 'date-time', description: 'When it was last recorded or revised' }) recordedAt: string;
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

/** A typical-case review as the API shows it; `version` is also the ETag. */
export class TypicalCaseReviewView {
  @ApiProperty({ format: 'uuid' }) reviewId: string;
  @ApiProperty({ enum: TYPICAL_CASE_REVIEW_STATUSES }) status: (typeof TYPICAL_CASE_REVIEW_STATUSES)[number];
  @ApiProperty({ format: 'uuid' }) complaintId: string;
  @ApiProperty({ example: 'SH-PUDONG-07' }) project: string;
  @ApiProperty({ example: 'east-china' }) region: string;
  @ApiProperty({ enum: COMPLAINT_CATEGORIES }) category: string;
  @ApiProperty({ enum: COMPLAINT_SEVERITIES, description: 'The complaint’s severity when it was marked' })
  severity: string;
  @ApiProperty({ description: 'Why it is a typical case' }) reason: string;
  @ApiProperty({ description: 'User id of the reviewer who marked it' }) markedBy: string;
  @ApiProperty({ format: 'date-time' }) markedAt: string;
  @ApiProperty({ nullable: true, type: RootCauseView }) rootCause: RootCauseView | null;
  @ApiProperty({ type: [ImprovementActionView] }) actions: ImprovementActionView[];
  @ApiPropertyOptional() conclusion?: string;
  @ApiPropertyOptional({ format: 'date-time' }) concludedAt?: string;
  @ApiProperty({ minimum: 1 }) version: number;
}

export function toTypicalCaseReviewView(state: MarkedReview, version: number): TypicalCaseReviewView {
  const { complaintId, project, region, category, severity, reason, markedBy, markedAt } = state.details;
  return {
    reviewId: state.reviewId,
    status: state.status,
    complaintId,
    project,
    region,
    category,
    severity,
    reason,
    markedBy,
    markedAt,
    rootCause: state.rootCause,
    actions: state.actions,
    ...(state.status === 'concluded' ? { conclusion: state.conclusion, concludedAt: state.concludedAt } : {}),
    version,
  };
}
