import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  COMPLAINT_CATEGORIES,
  COMPLAINT_CHANNELS,
  COMPLAINT_SEVERITIES,
  ESCALATION_LADDER,
  RESOLUTION_OUTCOMES,
} from '@cx/contracts';
import type { ComplaintState } from '../../domain/complaint.state';

export class EscalationStepView {
  @ApiProperty({ enum: ESCALATION_LADDER }) level: string;
  @ApiProperty({ format: 'date-time' }) reachedAt: string;
  @ApiProperty({ nullable: true, type: String }) reason: string | null;
}

/** A complaint as the API shows it; `version` is also the ETag. */
export class ComplaintView {
  @ApiProperty({ format: 'uuid' }) complaintId: string;
  @ApiProperty({ enum: ['open', 'resolved'] }) status: 'open' | 'resolved';
  @ApiProperty({ example: 'subj_7Hq2kLm9Xa' }) customerId: string;
  @ApiProperty({ example: 'SH-PUDONG-07' }) project: string;
  @ApiProperty({ example: 'east-china' }) region: string;
  @ApiProperty({ enum: COMPLAINT_CATEGORIES }) category: string;
  @ApiProperty({ enum: COMPLAINT_SEVERITIES }) severity: string;
  @ApiProperty({ enum: COMPLAINT_CHANNELS }) channel: string;
  @ApiProperty({ nullable: true, type: String }) description: string | null;
  @ApiProperty({ enum: ESCALATION_LADDER }) escalationLevel: string;
  @ApiProperty({ type: [EscalationStepView] }) escalationTrail: EscalationStepView[];
  @ApiProperty({ format: 'date-time' }) filedAt: string;
  @ApiPropertyOptional({ format: 'date-time' }) resolvedAt?: string;
  @ApiPropertyOptional({ enum: RESOLUTION_OUTCOMES }) outcome?: string;
  @ApiProperty({ minimum: 1 }) version: number;
}

export function toComplaintView(
  state: Exclude<ComplaintState, { status: 'not_filed' }>,
  version: number,
  description: string | null,
): ComplaintView {
  const { details } = state;
  return {
    complaintId: state.complaintId,
    status: state.status,
    customerId: details.customerId,
    project: details.project,
    region: details.region,
    category: details.category,
    severity: details.severity,
    channel: details.channel,
    description,
    escalationLevel: state.escalationLevel,
    escalationTrail: state.escalationTrail,
    filedAt: details.filedAt,
    ...(state.status === 'resolved' ? { resolvedAt: state.resolvedAt, outcome: state.outcome } : {}),
    version,
  };
}
