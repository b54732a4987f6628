import { ApiProperty } from '@nestjs/swagger';
import {
  ACCESS_PURPOSES,
  CONFIDENTIALITY_LEVELS,
  GRANTEE_TYPES,
  INFORMATION_CATEGORIES,
  InformationCategory,
  ConfidentialityLevel,
  GranteeType,
} from '@cx/contracts';
import { RequestedGrant, statusAt } from '../../domain/access-grant/access-grant.state';

export class GranteeView {
  @ApiProperty({ enum: GRANTEE_TYPES }) type: GranteeType;
  @ApiProperty({ description: 'User id, or the role' }) id: string;
}

export class GrantScopeView {
  @ApiProperty({ enum: INFORMATION_CATEGORIES }) category: InformationCategory;
  @ApiProperty({ enum: CONFIDENTIALITY_LEVELS, description: 'This level and the ones below' })
  level: ConfidentialityLevel;
  @ApiProperty({ nullable: true, type: String, description: 'One subject only; null for all' })
  subjectId: string | null;
}

export class GrantDecisionView {
  @ApiProperty({ description: 'User id of whoever decided' }) by: string;
  @ApiProperty() reason: string;
  @ApiProperty({ format: 'date-time' }) at: string;
}

/** A grant as it stands now: an expiry that has passed shows as expired before the job records it. */
export class AccessGrantView {
  @ApiProperty({ format: 'uuid' }) grantId: string;
  @ApiProperty({ enum: ['requested', 'approved', 'rejected', 'revoked', 'expired'] }) status: string;
  @ApiProperty({ type: GranteeView }) grantee: GranteeView;
  @ApiProperty({ type: GrantScopeView }) scope: GrantScopeView;
  @ApiProperty({ enum: ACCESS_PURPOSES }) purpose: string;
  @ApiProperty({ format: 'date-time' }) expiresAt: string;
  @ApiProperty() requestedBy: string;
  @ApiProperty({ format: 'date-time' }) requestedAt: string;
  @ApiProperty({ nullable: true, type: String }) approvedBy: string | null;
  @ApiProperty({ nullable: true, type: String, format: 'date-time' }) approvedAt: string | null;
  @ApiProperty({ nullable: true, type: GrantDecisionView }) rejection: GrantDecisionView | null;
  @ApiProperty({ nullable: true, type: GrantDecisionView }) revocation: GrantDecisionView | null;
  @ApiProperty({ nullable: true, type: String, format: 'date-time', description: 'When the expiry was recorded' })
  expiredAt: string | null;
  @ApiProperty({ minimum: 1 }) version: number;
}

export function toAccessGrantView(grant: RequestedGrant, version: number, now: Date): AccessGrantView {
  return {
    grantId: grant.grantId,
    status: statusAt(grant, now),
    grantee: grant.grantee,
    scope: grant.scope,
    purpose: grant.purpose,
    expiresAt: grant.expiresAt,
    requestedBy: grant.requestedBy,
    requestedAt: grant.requestedAt,
    approvedBy: 'approvedBy' in grant ? grant.approvedBy : null,
    approvedAt: 'approvedAt' in grant ? grant.approvedAt : null,
    rejection:
      grant.status === 'rejected' ? { by: grant.rejectedBy, reason: grant.reason, at: grant.rejectedAt } : null,
    revocation: grant.status === 'revoked' ? { by: grant.revokedBy, reason: grant.reason, at: grant.revokedAt } : null,
    expiredAt: grant.status === 'expired' ? grant.expiredAt : null,
    version,
  };
}
