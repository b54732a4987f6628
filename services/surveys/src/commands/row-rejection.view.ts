import { ApiProperty } from '@nestjs/swagger';

export class RowRejectionView {
  @ApiProperty({ description: 'The row in the request, from 1' }) row: number;
  @ApiProperty({ nullable: true, type: String, description: 'The row’s subject id as sent' }) subjectId: string | null;
  @ApiProperty({ example: 'rating_out_of_range', description: 'Stable reason code (README, "Row rejections")' })
  reason: string;
  @ApiProperty({ nullable: true, type: String, example: 'answers[2].value', description: 'The field at fault' })
  field: string | null;
  @ApiProperty({ example: 'q_repair_speed is rated 1 to 5; not 7' }) detail: string;
}
