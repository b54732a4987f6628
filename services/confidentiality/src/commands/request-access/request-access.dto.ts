import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { isRole } from '@cx/auth';
import {
  ACCESS_PURPOSES,
  AccessPurpose,
  CONFIDENTIALITY_LEVELS,
  ConfidentialityLevel,
  GRANTEE_TYPES,
  GranteeType,
  INFORMATION_CATEGORIES,
  InformationCategory,
  SUBJECT_ID_REGEX,
} from '@cx/contracts';
import { Type } from 'class-transformer';
import {
  IsIn,
  IsISO8601,
  IsObject,
  IsOptional,
  Matches,
  ValidateBy,
  ValidateNested,
  ValidationOptions,
} from 'class-validator';
import { MAX_GRANT_DAYS } from '../../domain/access-grant/access-grant.decider';
import { USER_ID_PATTERN } from '../staff-roles';

/** A role when the grantee is a role, else a user id. */
function IsGranteeId(options?: ValidationOptions): PropertyDecorator {
  return ValidateBy(
    {
      name: 'isGranteeId',
      validator: {
        validate: (value, args) =>
          typeof value === 'string' &&
          ((args?.object as GranteeRequest).type === 'role' ? isRole(value) : USER_ID_PATTERN.test(value)),
        defaultMessage: (args) =>
          `${args?.property} must be a role when type is role, else a user id (1-128 letters, digits, . _ : @ -)`,
      },
    },
    options,
  );
}

export class GranteeRequest {
  @ApiProperty({ enum: GRANTEE_TYPES })
  @IsIn(GRANTEE_TYPES)
  type: GranteeType;

  @ApiProperty({ description: 'A user id (token `sub`) for a user; the role for a role', example: 'agent-7' })
  @IsGranteeId()
  id: string;
}

export class GrantScopeRequest {
  @ApiProperty({ enum: INFORMATION_CATEGORIES })
  @IsIn(INFORMATION_CATEGORIES)
  category: InformationCategory;

  @ApiProperty({ enum: CONFIDENTIALITY_LEVELS, description: 'Covers this level and the ones below; not public' })
  @IsIn(CONFIDENTIALITY_LEVELS)
  level: ConfidentialityLevel;

  @ApiPropertyOptional({
    example: 'subj_4kT9wQ2mZp7LxR3vB8nC5dYh',
    description: 'Only this subject (customer_personal_information); all subjects when left out',
  })
  @IsOptional()
  @Matches(SUBJECT_ID_REGEX, { message: 'subjectId must be a subject id: subj_ and 8-64 letters or digits' })
  subjectId?: string | null;
}

/** A request for access: who holds it (the requester, unless named), what, why and until when. */
export class RequestAccessRequest {
  @ApiPropertyOptional({ type: GranteeRequest, description: 'Who will hold the grant; the requester when left out' })
  @IsOptional()
  @IsObject()
  @ValidateNested()
  @Type(() => GranteeRequest)
  grantee?: GranteeRequest;

  @ApiProperty({ type: GrantScopeRequest })
  @IsObject()
  @ValidateNested()
  @Type(() => GrantScopeRequest)
  scope: GrantScopeRequest;

  @ApiProperty({ enum: ACCESS_PURPOSES, description: 'The one purpose the access serves' })
  @IsIn(ACCESS_PURPOSES)
  purpose: AccessPurpose;

  @ApiProperty({
    format: 'date-time',
    description: `When the grant ends: in the future, at most ${MAX_GRANT_DAYS} days ahead`,
  })
  @IsISO8601({ strict: true }, { message: 'expiresAt must be an ISO 8601 date-time' })
  expiresAt: string;
}
