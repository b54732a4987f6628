import { ApiProperty } from '@nestjs/swagger';
import { REVIEW_TEXT_MAX_LENGTH } from '@cx/contracts';
import { IsISO8601, IsString, Length, Matches } from 'class-validator';

export class AddImprovementActionRequest {
  @ApiProperty({ maxLength: REVIEW_TEXT_MAX_LENGTH, description: 'What to change; no personal data' })
  @IsString()
  @Length(1, REVIEW_TEXT_MAX_LENGTH)
  description: string;

  @ApiProperty({ description: 'User id of the owner, who reports the action done', example: 'pm-east-12' })
  @IsString()
  @Matches(/^[A-Za-z0-9._:@-]{1,128}$/, { message: 'ownerId must be a user id (1-128 letters, digits, . _ : @ -)' })
  ownerId: string;

  @ApiProperty({ format: 'date', description: 'YYYY-MM-DD in the group’s time zone; not in the past' })
  @Matches(/^\d{4}-\d{2}-\d{2}$/, { message: 'dueDate must be a date, YYYY-MM-DD' })
  @IsISO8601({ strict: true }, { message: 'dueDate must be a calendar date' })
  dueDate: string;
}
