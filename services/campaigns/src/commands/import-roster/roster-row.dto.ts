import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  DEPARTMENT_MAX_LENGTH,
  ORG_CODE_PATTERN,
  PERSON_ID_PATTERN,
  ROSTER_SEGMENTS,
  RosterSegment,
} from '@cx/contracts';
import { IsIn, IsOptional, IsString, Length, Matches } from 'class-validator';
import { IsCalendarDate } from '../calendar-date';

export const PERSON_NAME_MAX_LENGTH = 100;

/** One person of a roster import, as a JSON array element or a CSV row (README, "Roster format"). */
export class RosterRowRequest {
  @ApiProperty({ example: 'E0012345', description: 'HR person id; what events carry' })
  @IsString()
  @Matches(new RegExp(PERSON_ID_PATTERN), { message: '$property must be an HR person id (letters, digits, . _ -)' })
  personId: string;

  @ApiProperty({ maxLength: PERSON_NAME_MAX_LENGTH, description: 'Kept in this service only, never in events' })
  @IsString()
  @Length(1, PERSON_NAME_MAX_LENGTH)
  name: string;

  @ApiProperty({ maxLength: DEPARTMENT_MAX_LENGTH, example: 'Customer Service' })
  @IsString()
  @Length(1, DEPARTMENT_MAX_LENGTH)
  @Matches(/\S/, { message: '$property must not be blank' })
  department: string;

  @ApiProperty({ example: 'east-china' })
  @IsString()
  @Matches(new RegExp(ORG_CODE_PATTERN), { message: '$property must be a region code (letters, digits, _ and -)' })
  region: string;

  @ApiProperty({ enum: ROSTER_SEGMENTS })
  @IsIn(ROSTER_SEGMENTS, {
    message: `$property must be ${ROSTER_SEGMENTS.join(' or ')}`,
    context: { reason: 'unknown_segment' },
  })
  segment: RosterSegment;

  @ApiProperty({ format: 'date', description: 'First day employed' })
  @IsCalendarDate()
  employedFrom: string;

  @ApiPropertyOptional({ format: 'date', nullable: true, description: 'Last day employed; absent while employed' })
  @IsOptional()
  @IsCalendarDate()
  employedUntil?: string | null;
}
