import { ApiProperty } from '@nestjs/swagger';

export class DataKeysRewrappedView {
  @ApiProperty({ example: 'k2', description: 'Every data key is now wrapped under this master key' })
  activeMasterKeyId: string;
  @ApiProperty({ description: 'Data keys that were under another master key and are re-wrapped' }) rewrapped: number;
}
