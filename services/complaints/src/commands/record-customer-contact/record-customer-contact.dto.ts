import { ApiProperty } from '@nestjs/swagger';
import {
  CONTACT_CHANNELS,
  CONTACT_DIRECTIONS,
  CONTACT_OUTCOMES,
  ContactChannel,
  ContactDirection,
  ContactOutcome,
} from '@cx/contracts';
import { IsIn, IsISO8601 } from 'class-validator';

export class RecordCustomerContactRequest {
  @ApiProperty({ enum: CONTACT_DIRECTIONS })
  @IsIn(CONTACT_DIRECTIONS)
  direction: ContactDirection;

  @ApiProperty({ enum: CONTACT_CHANNELS })
  @IsIn(CONTACT_CHANNELS)
  channel: ContactChannel;

  @ApiProperty({ enum: CONTACT_OUTCOMES })
  @IsIn(CONTACT_OUTCOMES)
  outcome: ContactOutcome;

  @ApiProperty({ format: 'date-time', description: 'When the contact happened; not in the future' })
  @IsISO8601({ strict: true }, { message: 'contactedAt must be an ISO 8601 timestamp' })
  contactedAt: string;
}
