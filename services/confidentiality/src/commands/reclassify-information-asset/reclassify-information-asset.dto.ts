import { ApiProperty } from '@nestjs/swagger';
import { CONFIDENTIALITY_LEVELS, ConfidentialityLevel } from '@cx/contracts';
import { IsIn } from 'class-validator';
import { ReasonRequest } from '../confidentiality-reason';

export class ReclassifyInformationAssetRequest extends ReasonRequest {
  @ApiProperty({ enum: CONFIDENTIALITY_LEVELS, description: 'The new level; not the current one' })
  @IsIn(CONFIDENTIALITY_LEVELS)
  level: ConfidentialityLevel;
}
