import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ACCESS_PURPOSES, AccessPurpose, PERSONAL_DATA_FIELDS, PersonalDataField } from '@cx/contracts';
import { ArrayMinSize, ArrayUnique, IsArray, IsIn, IsOptional } from 'class-validator';

export class RevealPersonalDataRequest {
  @ApiProperty({ enum: ACCESS_PURPOSES, description: 'Why the data is needed in clear; recorded in the audit event' })
  @IsIn(ACCESS_PURPOSES)
  purpose: AccessPurpose;

  @ApiPropertyOptional({
    enum: PERSONAL_DATA_FIELDS,
    isArray: true,
    description: 'The categories to reveal (only what is needed); all the subject has when left out',
  })
  @IsOptional()
  @IsArray()
  @ArrayMinSize(1)
  @ArrayUnique()
  @IsIn(PERSONAL_DATA_FIELDS, { each: true })
  fields?: PersonalDataField[];
}
