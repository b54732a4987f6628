import { ApiProperty } from '@nestjs/swagger';

export class RowRejectionView {
  @ApiProperty({ description: 'The row in the request, from 1; a CSV header is not a row' }) row: number;
  @ApiProperty({ nullable: true, type: String, description: 'The row’s person id as sent' }) personId: string | null;
  @ApiProperty({ example: 'unknown_segment', description: 'Stable reason code (README, "Row rejections")' })
  reason: string;
  @ApiProperty({ nullable: true, type: String, description: 'The field at fault (the CSV column for CSV input)' })
  field: string | null;
  @ApiProperty({ example: 'segment must be employee or management' }) detail: string;
}
