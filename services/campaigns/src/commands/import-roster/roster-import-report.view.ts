import { ApiProperty } from '@nestjs/swagger';
import { RowRejectionView } from '../row-rejection.view';

/** What an import did, row by row: rows = accepted + updated + unchanged + rejected. */
export class RosterImportReport {
  @ApiProperty({ format: 'uuid' }) campaignId: string;
  @ApiProperty({
    format: 'uuid',
    nullable: true,
    type: String,
    description: 'In its events; null when nothing changed',
  })
  importId: string | null;
  @ApiProperty({ description: 'Rows in the request (people), a CSV header not counted' }) rows: number;
  @ApiProperty({ description: 'People new on the roster' }) accepted: number;
  @ApiProperty({ description: 'People on the roster whose entry (or name) changed' }) updated: number;
  @ApiProperty({ description: 'People on the roster already, exactly as imported' }) unchanged: number;
  @ApiProperty() rejected: number;
  @ApiProperty({ type: [RowRejectionView], description: 'Each refused row, by row number' })
  rejections: RowRejectionView[];
  @ApiProperty({ minimum: 0, description: 'The roster’s version after the import; also the ETag' }) version: number;
}
