import { ApiProperty } from '@nestjs/swagger';
import { RowRejectionView } from '../row-rejection.view';

export class RecordedRowView {
  @ApiProperty() row: number;
  @ApiProperty({ format: 'uuid' }) activityId: string;
}

/** What a bulk upload did, row by row: rows = accepted + rejected. */
export class ParticipationUploadReport {
  @ApiProperty({ format: 'uuid' }) campaignId: string;
  @ApiProperty({
    format: 'uuid',
    nullable: true,
    type: String,
    description: 'The stream of the recorded activities; null when every row was refused',
  })
  submissionId: string | null;
  @ApiProperty() rows: number;
  @ApiProperty() accepted: number;
  @ApiProperty() rejected: number;
  @ApiProperty({ type: [RecordedRowView], description: 'Each recorded row and the id its activity got' })
  activities: RecordedRowView[];
  @ApiProperty({ type: [RowRejectionView], description: 'Each refused row, by row number' })
  rejections: RowRejectionView[];
}
