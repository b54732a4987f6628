import { ApiProperty } from '@nestjs/swagger';
import { RowRejectionView } from '../row-rejection.view';

export class RecordedResponseRowView {
  @ApiProperty() row: number;
  @ApiProperty({ format: 'uuid' }) responseId: string;
}

/** What a vendor's batch did, row by row: rows = accepted + rejected; nothing is stored for a refused row. */
export class ResponseUploadReport {
  @ApiProperty({ format: 'uuid' }) waveId: string;
  @ApiProperty({
    format: 'uuid',
    nullable: true,
    type: String,
    description: 'The stream of the recorded responses; null when every row was refused',
  })
  submissionId: string | null;
  @ApiProperty() rows: number;
  @ApiProperty() accepted: number;
  @ApiProperty() rejected: number;
  @ApiProperty({ type: [RecordedResponseRowView], description: 'Each recorded row and the id its response got' })
  responses: RecordedResponseRowView[];
  @ApiProperty({ type: [RowRejectionView], description: 'Each refused row, by row number' })
  rejections: RowRejectionView[];
}
