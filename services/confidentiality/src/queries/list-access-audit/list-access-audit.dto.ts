import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ACCESS_DENIAL_REASONS, ACCESS_PURPOSES, PERSONAL_DATA_FIELDS, SUBJECT_ID_REGEX } from '@cx/contracts';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsISO8601, IsOptional, Matches, Max, Min } from 'class-validator';
import { USER_ID_PATTERN } from '../../commands/staff-roles';

export class ListAccessAuditRequest {
  @ApiPropertyOptional({ example: 'subj_4kT9wQ2mZp7LxR3vB8nC5dYh' })
  @IsOptional()
  @Matches(SUBJECT_ID_REGEX, { message: 'subjectId must be a subject id: subj_ and 8-64 letters or digits' })
  subjectId?: string;

  @ApiPropertyOptional({ description: 'User id (token `sub`) of whoever asked', example: 'agent-7' })
  @IsOptional()
  @Matches(USER_ID_PATTERN, { message: 'actor must be a user id (1-128 letters, digits, . _ : @ -)' })
  actor?: string;

  @ApiPropertyOptional({ format: 'date-time', description: 'Decisions at or after' })
  @IsOptional()
  @IsISO8601({ strict: true }, { message: 'from must be an ISO 8601 date-time' })
  from?: string;

  @ApiPropertyOptional({ format: 'date-time', description: 'Decisions before' })
  @IsOptional()
  @IsISO8601({ strict: true }, { message: 'to must be an ISO 8601 date-time' })
  to?: string;

  @ApiPropertyOptional({ enum: ['allowed', 'denied'] })
  @IsOptional()
  @IsIn(['allowed', 'denied'])
  decision?: 'allowed' | 'denied';

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

export class AccessAuditEntryView {
  @ApiProperty({ format: 'uuid', description: 'The audit event on cx.confidentiality.events' }) eventId: string;
  @ApiProperty({ description: 'Its position in the event store: the order of the trail' }) position: string;
  @ApiProperty({ format: 'date-time' }) decidedAt: string;
  @ApiProperty({ enum: ['allowed', 'denied'] }) decision: string;
  @ApiProperty({ enum: ['reveal', 'export'] }) action: string;
  @ApiProperty({ enum: ACCESS_DENIAL_REASONS, nullable: true, type: String }) reason: string | null;
  @ApiProperty() subjectId: string;
  @ApiProperty({ description: 'User id of whoever asked' }) actor: string;
  @ApiProperty({ enum: ACCESS_PURPOSES }) purpose: string;
  @ApiProperty({ enum: PERSONAL_DATA_FIELDS, isArray: true, nullable: true, description: 'Null for an export: all' })
  fields: string[] | null;
  @ApiProperty({ nullable: true, type: String, format: 'uuid' }) grantId: string | null;
}

export class AccessAuditPage {
  @ApiProperty({ type: [AccessAuditEntryView], description: 'Oldest first' }) items: AccessAuditEntryView[];
  @ApiProperty() total: number;
  @ApiProperty() limit: number;
  @ApiProperty() offset: number;
}
