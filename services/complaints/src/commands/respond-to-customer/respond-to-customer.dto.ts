import { ApiProperty } from '@nestjs/swagger';
import { CONTACT_CHANNELS, ContactChannel } from '@cx/contracts';
import { IsIn } from 'class-validator';

export class RespondToCustomerRequest {
  @ApiProperty({ enum: CONTACT_CHANNELS, description: 'How the response was given' })
  @IsIn(CONTACT_CHANNELS)
  channel: ContactChannel;
}
