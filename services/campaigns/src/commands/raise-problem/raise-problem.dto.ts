import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { FINDINGS_MAX_COUNT, PROBLEM_CATEGORIES, PROBLEM_TEXT_MAX_LENGTH, ProblemCategory } from '@cx/contracts';
import { IsIn, IsInt, IsOptional, IsString, IsUUID, Length, Max, Min } from 'class-validator';
import { IsCalendarDate } from '../calendar-date';
import { IsStaffId } from '../staff-id';

export class RaiseProblemRequest {
  @ApiProperty({ format: 'uuid', description: 'The participation activity of this campaign the finding is in' })
  @IsUUID('all')
  activityId: string;

  @ApiProperty({ minimum: 0, description: 'The finding’s place in the activity’s findings, 0 for the first' })
  @IsInt({ message: '$property must be a whole number' })
  @Min(0)
  @Max(FINDINGS_MAX_COUNT - 1)
  findingIndex: number;

  @ApiPropertyOptional({
    maxLength: PROBLEM_TEXT_MAX_LENGTH,
    description: 'The problem in other words; the finding’s own text when absent. No personal data',
  })
  @IsOptional()
  @IsString()
  @Length(1, PROBLEM_TEXT_MAX_LENGTH)
  description?: string;

  @ApiProperty({ enum: PROBLEM_CATEGORIES })
  @IsIn(PROBLEM_CATEGORIES, { message: `$property must be one of: ${PROBLEM_CATEGORIES.join(', ')}` })
  category: ProblemCategory;

  @ApiProperty({ description: 'User id of the staff member who owns the problem', example: 'pm-east-12' })
  @IsStaffId()
  ownerId: string;

  @ApiProperty({ format: 'date', description: 'YYYY-MM-DD in the group’s time zone; not in the past' })
  @IsCalendarDate()
  dueDate: string;
}
