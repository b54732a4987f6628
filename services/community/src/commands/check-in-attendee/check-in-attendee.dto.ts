import { ApiProperty } from '@nestjs/swagger';
import { Matches } from 'class-validator';
import { CHECK_IN_CODE_PATTERN } from '../register-for-activity/check-in-code';

export class ScanCheckInCodeRequest {
  @ApiProperty({ example: '7K3M9QX2D4HV8N6T', description: 'The code from the resident’s QR code or screen' })
  @Matches(CHECK_IN_CODE_PATTERN, { message: '$property must be a check-in code (16 letters and digits)' })
  code: string;
}
