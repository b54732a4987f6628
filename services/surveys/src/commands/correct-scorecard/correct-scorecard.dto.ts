import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { SCORECARD_REASON_MAX_LENGTH } from '@cx/contracts';
import { ArrayMaxSize, IsArray, IsOptional, IsString, IsUUID, Length } from 'class-validator';

export const EXCLUSIONS_MAX_COUNT = 1000;

export class CorrectScorecardRequest {
  @ApiProperty({ maxLength: SCORECARD_REASON_MAX_LENGTH, example: 'Vendor calls of 12 May could not be evidenced' })
  @IsString()
  @Length(1, SCORECARD_REASON_MAX_LENGTH)
  reason: string;

  @ApiPropertyOptional({
    type: [String],
    format: 'uuid',
    description: 'Complete responses to leave out of the figures from now on; the register is read again either way',
  })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(EXCLUSIONS_MAX_COUNT)
  @IsUUID('all', { each: true })
  excludeResponseIds?: string[];
}
