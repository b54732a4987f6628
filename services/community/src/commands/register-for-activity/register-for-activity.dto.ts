import { ApiProperty } from '@nestjs/swagger';
import { PARTY_SIZE_MAX } from '@cx/contracts';
import { IsInt, Max, Min } from 'class-validator';
import { IsResidentId } from '../field-shapes';

export class RegisterForActivityRequest {
  @ApiProperty({ example: 'subj_7Hq2kLm9Xa', description: 'The resident (subject id), on the community register' })
  @IsResidentId()
  residentId: string;

  @ApiProperty({ minimum: 1, maximum: PARTY_SIZE_MAX, description: 'People coming, the resident included' })
  @IsInt({ message: '$property must be a whole number' })
  @Min(1)
  @Max(PARTY_SIZE_MAX)
  partySize: number;
}
