import { ApiProperty } from '@nestjs/swagger';
import { ERASURE_GROUNDS, ErasureGround } from '@cx/contracts';
import { IsIn } from 'class-validator';

export class EraseSubjectRequest {
  @ApiProperty({ enum: ERASURE_GROUNDS, description: 'The ground for deletion (PIPL art. 47)' })
  @IsIn(ERASURE_GROUNDS)
  ground: ErasureGround;
}
