import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  CARE_RECURRENCES,
  CARE_SERVICE_END_REASONS,
  CARE_SERVICE_KINDS,
  CareRecurrence,
  CareServiceEndReason,
  CareServiceKind,
} from '@cx/contracts';
import type { RequestedCareService } from '../../domain/care-service/care-service.state';

export const CARE_SERVICE_STATUSES = ['requested', 'assigned', 'scheduled', 'completed', 'ended'] as const;

export class CareVisitView {
  @ApiProperty({ minimum: 1 }) visitNumber: number;
  @ApiProperty({ format: 'date-time' }) scheduledFor: string;
  @ApiProperty({ nullable: true, type: String, format: 'date-time' }) completedAt: string | null;
  @ApiProperty({ nullable: true, type: Number, minimum: 1, maximum: 5 }) rating: number | null;
}

/** A care service as the API shows it; `version` is also the ETag. */
export class CareServiceView {
  @ApiProperty({ format: 'uuid' }) careServiceId: string;
  @ApiProperty({ example: 'SH-PUDONG-07' }) community: string;
  @ApiProperty({ example: 'subj_7Hq2kLm9Xa' }) residentId: string;
  @ApiProperty({ enum: CARE_SERVICE_KINDS }) serviceKind: CareServiceKind;
  @ApiProperty({ enum: CARE_RECURRENCES, nullable: true }) recurrence: CareRecurrence | null;
  @ApiProperty({ enum: CARE_SERVICE_STATUSES }) status: (typeof CARE_SERVICE_STATUSES)[number];
  @ApiProperty() requestedBy: string;
  @ApiProperty({ format: 'date-time' }) requestedAt: string;
  @ApiProperty({ nullable: true, type: String }) assigneeId: string | null;
  @ApiProperty({ type: [CareVisitView], description: 'In order; the last may still be booked' })
  visits: CareVisitView[];
  @ApiPropertyOptional({ format: 'date-time' }) endedAt?: string;
  @ApiPropertyOptional({ enum: CARE_SERVICE_END_REASONS }) endReason?: CareServiceEndReason;
  @ApiProperty({ minimum: 1 }) version: number;
}

export function toCareServiceView(state: RequestedCareService, version: number): CareServiceView {
  const { careServiceId, community, residentId, serviceKind, recurrence, requestedBy, requestedAt } = state.details;
  return {
    careServiceId,
    community,
    residentId,
    serviceKind,
    recurrence,
    status: state.status,
    requestedBy,
    requestedAt,
    assigneeId: state.status === 'requested' ? null : state.assigneeId,
    visits: state.visits,
    ...(state.status === 'ended' ? { endedAt: state.endedAt, endReason: state.endReason } : {}),
    version,
  };
}
