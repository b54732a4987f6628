import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { CARE_RECURRENCES, CARE_SERVICE_KINDS, CareRecurrence, CareServiceKind } from '@cx/contracts';
import { IsIn, IsOptional } from 'class-validator';
import { IsCommunityCode, IsResidentId } from '../field-shapes';

export class RequestCareServiceRequest {
  @ApiProperty({ example: 'SH-PUDONG-07', description: 'The community’s project code' })
  @IsCommunityCode()
  community: string;

  @ApiProperty({ example: 'subj_7Hq2kLm9Xa', description: 'The resident (subject id), on the community register' })
  @IsResidentId()
  residentId: string;

  @ApiProperty({ enum: CARE_SERVICE_KINDS })
  @IsIn(CARE_SERVICE_KINDS, { message: `$property must be one of: ${CARE_SERVICE_KINDS.join(', ')}` })
  serviceKind: CareServiceKind;

  @ApiPropertyOptional({
    enum: CARE_RECURRENCES,
    description: 'Absent: one visit. Recurring: elderly_check_in or accessibility_help, for the elderly care register',
  })
  @IsOptional()
  @IsIn(CARE_RECURRENCES, { message: `$property must be one of: ${CARE_RECURRENCES.join(', ')}` })
  recurrence?: CareRecurrence;
}
