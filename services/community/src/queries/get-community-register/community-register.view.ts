import { ApiProperty } from '@nestjs/swagger';

/** The register in figures; whether one resident is on it is asked through their registrations or care requests. */
export class CommunityRegisterView {
  @ApiProperty({ example: 'SH-PUDONG-07' }) community: string;
  @ApiProperty() residents: number;
  @ApiProperty({ description: 'Of them, on the elderly care register' }) elderlyCare: number;
  @ApiProperty({ minimum: 0, description: 'Also the ETag; 0 before the first registration' }) version: number;
}
