import { ApiProperty } from '@nestjs/swagger';
import { IsString, Matches } from 'class-validator';

export class AssignComplaintRequest {
  @ApiProperty({ description: 'User id (token `sub`) of the handler', example: 'staff-1042' })
  @IsString()
  @Matches(/^[A-Za-z0-9._:@-]{1,128}$/, { message: 'handlerId must be a user id (1-128 letters, digits, . _ : @ -)' })
  handlerId: string;
}
