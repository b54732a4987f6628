import { ApiProperty } from '@nestjs/swagger';
import { ACCESS_PURPOSES, PERSONAL_DATA_FIELDS, PersonalDataField } from '@cx/contracts';
import { PersonalDataView } from '../../queries/get-subject/subject.view';

/** The revealed categories in clear, the others still masked; the read is on the record (PersonalDataRevealed). */
export class RevealedPersonalDataView {
  @ApiProperty({ example: 'subj_4kT9wQ2mZp7LxR3vB8nC5dYh' }) subjectId: string;
  @ApiProperty({ enum: PERSONAL_DATA_FIELDS, isArray: true, description: 'The categories shown in clear' })
  fields: PersonalDataField[];
  @ApiProperty({ enum: ACCESS_PURPOSES }) purpose: string;
  @ApiProperty({ format: 'date-time' }) revealedAt: string;
  @ApiProperty({ type: PersonalDataView }) personalData: PersonalDataView;
  @ApiProperty({ minimum: 1 }) version: number;
}
