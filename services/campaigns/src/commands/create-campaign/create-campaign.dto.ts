import { ApiProperty } from '@nestjs/swagger';
import { ACTIVITY_KINDS, ActivityKind, CAMPAIGN_NAME_MAX_LENGTH } from '@cx/contracts';
import { ArrayNotEmpty, ArrayUnique, IsArray, IsIn, IsString, Length } from 'class-validator';
import { IsCalendarDate } from '../calendar-date';

export class CreateListeningCampaignRequest {
  @ApiProperty({ maxLength: CAMPAIGN_NAME_MAX_LENGTH, example: 'Six Ones 2021' })
  @IsString()
  @Length(1, CAMPAIGN_NAME_MAX_LENGTH)
  name: string;

  @ApiProperty({ format: 'date', description: 'First day, YYYY-MM-DD in the group’s time zone' })
  @IsCalendarDate()
  periodStart: string;

  @ApiProperty({ format: 'date', description: 'Last day (inclusive); not before periodStart' })
  @IsCalendarDate()
  periodEnd: string;

  @ApiProperty({ enum: ACTIVITY_KINDS, isArray: true, description: 'The kinds of activity that count as taking part' })
  @IsArray()
  @ArrayNotEmpty()
  @ArrayUnique()
  @IsIn(ACTIVITY_KINDS, { each: true })
  activityKinds: ActivityKind[];
}
