import { ApiProperty } from '@nestjs/swagger';
import { CONSENT_DECISIONS, CONSENT_PURPOSES, ConsentDecision, ConsentPurpose } from '@cx/contracts';
import { IsIn, IsISO8601 } from 'class-validator';

export class RecordConsentRequest {
  @ApiProperty({ enum: CONSENT_PURPOSES })
  @IsIn(CONSENT_PURPOSES)
  purpose: ConsentPurpose;

  @ApiProperty({ enum: CONSENT_DECISIONS })
  @IsIn(CONSENT_DECISIONS)
  decision: ConsentDecision;

  @ApiProperty({
    format: 'date-time',
    description: 'When the subject decided (e.g. the date on the form); not later than now',
  })
  @IsISO8601({ strict: true }, { message: 'decidedAt must be an ISO 8601 date-time' })
  decidedAt: string;
}
