import { ApiProperty } from '@nestjs/swagger';
import {
  ACTIVITY_CAPACITY_MAX,
  ACTIVITY_TITLE_MAX_LENGTH,
  AGE_GROUPS,
  AgeGroup,
  COMMUNITY_ACTIVITY_CATEGORIES,
  CommunityActivityCategory,
  PARTY_SIZE_MAX,
  VENUE_MAX_LENGTH,
} from '@cx/contracts';
import { ArrayNotEmpty, ArrayUnique, IsArray, IsIn, IsInt, IsString, Length, Max, Min } from 'class-validator';
import { IsCommunityCode, IsTimestamp } from '../field-shapes';

/** Everything staff may later change: the activity without its community. */
export class ActivityDetailsRequest {
  @ApiProperty({ maxLength: ACTIVITY_TITLE_MAX_LENGTH, example: 'Lantern riddles in the courtyard' })
  @IsString()
  @Length(1, ACTIVITY_TITLE_MAX_LENGTH)
  title: string;

  @ApiProperty({ enum: COMMUNITY_ACTIVITY_CATEGORIES })
  @IsIn(COMMUNITY_ACTIVITY_CATEGORIES, {
    message: `$property must be one of: ${COMMUNITY_ACTIVITY_CATEGORIES.join(', ')}`,
  })
  category: CommunityActivityCategory;

  @ApiProperty({ enum: AGE_GROUPS, isArray: true, description: 'Who it is meant for' })
  @IsArray()
  @ArrayNotEmpty()
  @ArrayUnique()
  @IsIn(AGE_GROUPS, { each: true, message: `each of $property must be one of: ${AGE_GROUPS.join(', ')}` })
  ageGroups: AgeGroup[];

  @ApiProperty({ maxLength: VENUE_MAX_LENGTH, example: 'Block 3 courtyard' })
  @IsString()
  @Length(1, VENUE_MAX_LENGTH)
  venue: string;

  @ApiProperty({ format: 'date-time', example: '2026-05-10T19:00:00+08:00', description: 'In the future' })
  @IsTimestamp()
  startsAt: string;

  @ApiProperty({ format: 'date-time', description: 'After startsAt' })
  @IsTimestamp()
  endsAt: string;

  @ApiProperty({ minimum: 1, maximum: ACTIVITY_CAPACITY_MAX, description: 'Places, counted in people' })
  @IsInt({ message: '$property must be a whole number' })
  @Min(1)
  @Max(ACTIVITY_CAPACITY_MAX)
  capacity: number;

  @ApiProperty({ minimum: 1, maximum: PARTY_SIZE_MAX, description: 'People per registration, the resident included' })
  @IsInt({ message: '$property must be a whole number' })
  @Min(1)
  @Max(PARTY_SIZE_MAX)
  maxPartySize: number;

  @ApiProperty({ format: 'date-time' })
  @IsTimestamp()
  registrationOpensAt: string;

  @ApiProperty({ format: 'date-time', description: 'After registrationOpensAt, not after startsAt' })
  @IsTimestamp()
  registrationClosesAt: string;
}

export class PlanActivityRequest extends ActivityDetailsRequest {
  @ApiProperty({ example: 'SH-PUDONG-07', description: 'The community’s project code' })
  @IsCommunityCode()
  community: string;
}
