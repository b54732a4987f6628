import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ACCESS_PURPOSES } from '@cx/contracts';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, Max, Min } from 'class-validator';
import { GranteeView, GrantScopeView } from '../get-access-grant/access-grant.view';

export class GetAccessReviewRequest {
  @ApiPropertyOptional({ minimum: 1, maximum: 500, default: 100 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(500)
  limit = 100;

  @ApiPropertyOptional({ minimum: 0, default: 0 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(0)
  offset = 0;
}

/** One active grant: who can see what, why, on whose approval, until when. */
export class ActiveGrantView {
  @ApiProperty({ format: 'uuid' }) grantId: string;
  @ApiProperty({ type: GranteeView }) grantee: GranteeView;
  @ApiProperty({ type: GrantScopeView }) scope: GrantScopeView;
  @ApiProperty({ enum: ACCESS_PURPOSES }) purpose: string;
  @ApiProperty() requestedBy: string;
  @ApiProperty() approvedBy: string;
  @ApiProperty({ format: 'date-time' }) approvedAt: string;
  @ApiProperty({ format: 'date-time' }) expiresAt: string;
  @ApiProperty({ description: 'Whole days until the expiry (0 on its last day)' }) daysLeft: number;
}

export class AccessReviewView {
  @ApiProperty({ format: 'date-time', description: 'The moment the review describes' }) asOf: string;
  @ApiProperty({ type: [ActiveGrantView], description: 'Soonest to expire first' }) items: ActiveGrantView[];
  @ApiProperty() total: number;
  @ApiProperty() limit: number;
  @ApiProperty() offset: number;
}
