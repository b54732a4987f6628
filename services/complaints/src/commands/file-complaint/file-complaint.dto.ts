import { ApiProperty } from '@nestjs/swagger';
import {
  COMPLAINT_CATEGORIES,
  COMPLAINT_CHANNELS,
  COMPLAINT_SEVERITIES,
  ComplaintCategory,
  ComplaintChannel,
  ComplaintSeverity,
  ORG_CODE_PATTERN,
  SUBJECT_ID_PATTERN,
} from '@cx/contracts';
import { IsIn, IsString, Length, Matches } from 'class-validator';

export const DESCRIPTION_MAX_LENGTH = 4000;

export class FileComplaintRequest {
  @ApiProperty({
    description: 'Subject id from the confidentiality vault; never a name or phone number',
    example: 'subj_7Hq2kLm9Xa',
  })
  @IsString()
  @Matches(new RegExp(SUBJECT_ID_PATTERN), {
    message: 'customerId must be a subject id (subj_…), not a name or phone number',
  })
  customerId: string;

  @ApiProperty({ example: 'SH-PUDONG-07' })
  @IsString()
  @Matches(new RegExp(ORG_CODE_PATTERN), { message: 'project must be a project code (letters, digits, _ and -)' })
  project: string;

  @ApiProperty({ example: 'east-china' })
  @IsString()
  @Matches(new RegExp(ORG_CODE_PATTERN), { message: 'region must be a region code (letters, digits, _ and -)' })
  region: string;

  @ApiProperty({ enum: COMPLAINT_CATEGORIES })
  @IsIn(COMPLAINT_CATEGORIES)
  category: ComplaintCategory;

  @ApiProperty({ enum: COMPLAINT_SEVERITIES })
  @IsIn(COMPLAINT_SEVERITIES)
  severity: ComplaintSeverity;

  @ApiProperty({ enum: COMPLAINT_CHANNELS, description: '`ceo_direct` complaints start at the CEO office' })
  @IsIn(COMPLAINT_CHANNELS)
  channel: ComplaintChannel;

  @ApiProperty({
    maxLength: DESCRIPTION_MAX_LENGTH,
    description: 'The customer’s words; kept in this service only, never in events',
  })
  @IsString()
  @Length(1, DESCRIPTION_MAX_LENGTH)
  description: string;
}
