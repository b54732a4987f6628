import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  COMPLAINT_CATEGORIES,
  COMPLAINT_CHANNELS,
  COMPLAINT_SEVERITIES,
  ESCALATION_LADDER,
  RESOLUTION_OUTCOMES,
} from '@cx/contracts';
import type { FiledComplaint } from '../../domain/complaint.state';
import { slaClocks, slaState } from '../../domain/sla/sla-clocks';
import type { SlaPolicy } from '../../domain/sla/sla-policy';

export const COMPLAINT_STATUSES = [
  'registered',
  'acknowledged',
  'in_progress',
  'resolved',
  'resolution_confirmed',
  'closed',
] as const;

export class EscalationStepView {
  @ApiProperty({ enum: ESCALATION_LADDER }) level: string;
  @ApiProperty({ format: 'date-time' }) reachedAt: string;
  @ApiProperty({ nullable: true, type: String }) reason: string | null;
}

export class AttachmentView {
  @ApiProperty({ format: 'uuid' }) attachmentId: string;
  @ApiProperty() url: string;
  @ApiProperty() sha256: string;
  @ApiProperty() mediaType: string;
  @ApiProperty({ format: 'date-time' }) addedAt: string;
}

export class SlaClockView {
  @ApiProperty({ enum: ['acknowledgement', 'first_response', 'resolution'] }) target: string;
  @ApiProperty({ description: 'Target in hours' }) hours: number;
  @ApiProperty({ enum: ['business', 'calendar'] }) mode: string;
  @ApiProperty() met: boolean;
  @ApiProperty({ nullable: true, type: String, format: 'date-time', description: 'Null while paused' }) deadline:
    string | null;
}

export class CeoInstructionStepView {
  @ApiProperty({ enum: ['issued', 'reported', 'accepted', 'sent_back'] }) step: string;
  @ApiProperty({ format: 'date-time' }) at: string;
  @ApiProperty({ nullable: true, type: String, description: 'Note, report or reason' }) text: string | null;
}

export class CeoInstructionView {
  @ApiProperty({ format: 'uuid' }) instructionId: string;
  @ApiProperty() ownerId: string;
  @ApiProperty({ enum: ESCALATION_LADDER }) ownerLevel: string;
  @ApiProperty({ format: 'date-time' }) dueAt: string;
  @ApiProperty({ enum: ['open', 'reported', 'accepted'] }) status: string;
  @ApiProperty({ type: [CeoInstructionStepView] }) steps: CeoInstructionStepView[];
}

/** A complaint as the API shows it; `version` is also the ETag. */
export class ComplaintView {
  @ApiProperty({ format: 'uuid' }) complaintId: string;
  @ApiProperty({ enum: COMPLAINT_STATUSES }) status: (typeof COMPLAINT_STATUSES)[number];
  @ApiProperty({ example: 'subj_7Hq2kLm9Xa' }) customerId: string;
  @ApiProperty({ example: 'SH-PUDONG-07' }) project: string;
  @ApiProperty({ example: 'east-china' }) region: string;
  @ApiProperty({ enum: COMPLAINT_CATEGORIES }) category: string;
  @ApiProperty({ enum: COMPLAINT_SEVERITIES, description: 'Current severity (after any reassessment)' })
  severity: string;
  @ApiProperty({ enum: COMPLAINT_CHANNELS }) channel: string;
  @ApiProperty({
    nullable: true,
    type: String,
    format: 'uuid',
    description: 'The survey response this complaint follows up (channel survey_follow_up)',
  })
  surveyResponseId: string | null;
  @ApiProperty({ nullable: true, type: String, description: 'The customer’s words; null once the customer was erased' })
  description: string | null;
  @ApiProperty({ description: 'The vault erased the customer: their personal data and words are gone' })
  customerErased: boolean;
  @ApiProperty({ enum: ESCALATION_LADDER }) escalationLevel: string;
  @ApiProperty({ type: [EscalationStepView] }) escalationTrail: EscalationStepView[];
  @ApiProperty({ nullable: true, type: String, description: 'User id of the handler' }) handlerId: string | null;
  @ApiProperty({ format: 'date-time' }) filedAt: string;
  @ApiProperty({ nullable: true, type: String, format: 'date-time' }) acknowledgedAt: string | null;
  @ApiProperty({ nullable: true, type: String, format: 'date-time' }) firstRespondedAt: string | null;
  @ApiProperty() contacts: number;
  @ApiProperty() reopenCount: number;
  @ApiProperty({ type: [AttachmentView] }) attachments: AttachmentView[];
  @ApiProperty({ enum: ['on_time', 'at_risk', 'breached'] }) slaState: string;
  @ApiProperty() clockPaused: boolean;
  @ApiProperty({ type: [SlaClockView] }) slaClocks: SlaClockView[];
  @ApiProperty({ type: [CeoInstructionView] }) ceoInstructions: CeoInstructionView[];
  @ApiProperty({
    description: 'Times responsibility moved: escalations, de-escalations, reassignments, CEO instructions',
  })
  handOffs: number;
  @ApiPropertyOptional({ enum: RESOLUTION_OUTCOMES }) outcome?: string;
  @ApiPropertyOptional({ format: 'date-time' }) resolvedAt?: string;
  @ApiPropertyOptional({ format: 'date-time' }) confirmedAt?: string;
  @ApiPropertyOptional({ minimum: 1, maximum: 5 }) satisfaction?: number;
  @ApiPropertyOptional({ format: 'date-time' }) closedAt?: string;
  @ApiProperty({ minimum: 1 }) version: number;
}

export function toComplaintView(
  state: FiledComplaint,
  version: number,
  customer: { description: string | null; customerErased: boolean },
  policy: SlaPolicy,
): ComplaintView {
  const { details } = state;
  return {
    complaintId: state.complaintId,
    status: state.status,
    customerId: details.customerId,
    project: details.project,
    region: details.region,
    category: details.category,
    severity: state.severity,
    channel: details.channel,
    surveyResponseId: details.surveyResponseId ?? null,
    description: customer.description,
    customerErased: customer.customerErased,
    escalationLevel: state.escalationLevel,
    escalationTrail: state.escalationTrail,
    handlerId: state.handlerId,
    filedAt: details.filedAt,
    acknowledgedAt: state.acknowledgedAt,
    firstRespondedAt: state.firstRespondedAt,
    contacts: state.contacts,
    reopenCount: state.reopenCount,
    attachments: state.attachments,
    slaState: slaState(state),
    clockPaused: state.clockPauses.some((p) => p.to === null),
    slaClocks: slaClocks(state, policy).map(({ target, hours, mode, met, deadline }) => ({
      target,
      hours,
      mode,
      met,
      deadline: deadline?.toISOString() ?? null,
    })),
    ceoInstructions: state.ceoInstructions,
    handOffs: state.handOffs,
    ...('outcome' in state ? { outcome: state.outcome, resolvedAt: state.resolvedAt } : {}),
    ...('confirmedAt' in state ? { confirmedAt: state.confirmedAt } : {}),
    ...('satisfaction' in state ? { satisfaction: state.satisfaction, closedAt: state.closedAt } : {}),
    version,
  };
}
