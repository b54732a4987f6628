import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { RESIDENTS_PER_REGISTRATION } from '@cx/contracts';
import { Type } from 'class-transformer';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsBoolean, IsOptional, ValidateNested } from 'class-validator';
import { IsResidentId } from '../field-shapes';

export class ResidentEntry {
  @ApiProperty({ example: 'subj_7Hq2kLm9Xa', description: 'Subject id from the confidentiality vault' })
  @IsResidentId()
  residentId: string;

  @ApiPropertyOptional({
    default: false,
    description: 'On the elderly care register ("Love Care"); recurring care needs it',
  })
  @IsOptional()
  @IsBoolean()
  elderlyCare?: boolean;
}

export class RegisterResidentsRequest {
  @ApiProperty({ type: [ResidentEntry], maxItems: RESIDENTS_PER_REGISTRATION })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(RESIDENTS_PER_REGISTRATION)
  @ValidateNested({ each: true })
  @Type(() => ResidentEntry)
  residents: ResidentEntry[];
}
