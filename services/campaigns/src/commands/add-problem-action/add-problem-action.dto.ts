import { ApiProperty } from '@nestjs/swagger';
import { PROBLEM_TEXT_MAX_LENGTH } from '@cx/contracts';
import { IsString, Length } from 'class-validator';
import { IsCalendarDate } from '../calendar-date';
import { IsStaffId } from '../staff-id';

export class AddProblemActionRequest {
  @ApiProperty({ maxLength: PROBLEM_TEXT_MAX_LENGTH, description: 'What to change; no personal data' })
  @IsString()
  @Length(1, PROBLEM_TEXT_MAX_LENGTH)
  description: string;

  @ApiProperty({ description: 'User id of the owner, who reports the action done', example: 'pm-east-12' })
  @IsStaffId()
  ownerId: string;

  @ApiProperty({ format: 'date', description: 'YYYY-MM-DD in the group’s time zone; not in the past' })
  @IsCalendarDate()
  dueDate: string;
}
