import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  ACTIVITY_KINDS,
  ActivityKind,
  FINDING_MAX_LENGTH,
  FINDINGS_MAX_COUNT,
  PERSON_ID_PATTERN,
  SCENARIO_MAX_LENGTH,
} from '@cx/contracts';
import { ArrayMaxSize, IsArray, IsIn, IsInt, IsOptional, IsString, Length, Matches, Min } from 'class-validator';
import { IsCalendarDate } from '../calendar-date';

/** One participation activity: the body of a single recording, or one element of a bulk upload. */
export class ParticipationActivityRequest {
  @ApiProperty({ example: 'E0012345', description: 'HR person id of someone on the campaign roster' })
  @IsString()
  @Matches(new RegExp(PERSON_ID_PATTERN), { message: '$property must be an HR person id (letters, digits, . _ -)' })
  personId: string;

  @ApiProperty({ enum: ACTIVITY_KINDS, description: 'One of the kinds the campaign counts' })
  @IsIn(ACTIVITY_KINDS, { message: `$property must be one of: ${ACTIVITY_KINDS.join(', ')}` })
  kind: ActivityKind;

  @ApiProperty({ format: 'date', description: 'Inside the campaign period, not in the future (group time zone)' })
  @IsCalendarDate()
  date: string;

  @ApiProperty({ minimum: 0, example: 3 })
  @IsInt({ message: '$property must be a whole number' })
  @Min(0, { message: '$property must not be negative' })
  customersMet: number;

  @ApiProperty({
    maxLength: SCENARIO_MAX_LENGTH,
    example: 'Handover inspection walk with owners',
    description: 'The service scenario; no personal data (it travels in events)',
  })
  @IsString()
  @Length(1, SCENARIO_MAX_LENGTH)
  scenario: string;

  @ApiPropertyOptional({
    type: [String],
    maxItems: FINDINGS_MAX_COUNT,
    description: `Problems found, each up to ${FINDING_MAX_LENGTH} characters; no personal data (they travel in events)`,
  })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(FINDINGS_MAX_COUNT)
  @IsString({ each: true })
  @Length(1, FINDING_MAX_LENGTH, { each: true })
  findings?: string[];
}
