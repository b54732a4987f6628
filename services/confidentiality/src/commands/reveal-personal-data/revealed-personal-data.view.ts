import { ApiProperty } from '@nestjs/swagger';
import {
  ACCESS_PURPOSES,
  CONFIDENTIALITY_LEVELS,
  ConfidentialityLevel,
  INFORMATION_CATEGORIES,
  InformationCategory,
  PERSONAL_DATA_FIELDS,
  PersonalDataField,
} from '@cx/contracts';
import { PersonalDataView } from '../../queries/get-subject/subject.view';

/** The label data in clear carries (ISO/IEC 27001:2022 5.13): its category and the level of what is shown. */
export class ClassificationView {
  @ApiProperty({ enum: INFORMATION_CATEGORIES }) category: InformationCategory;
  @ApiProperty({ enum: CONFIDENTIALITY_LEVELS, description: 'The highest level among the fields in clear' })
  level: ConfidentialityLevel;
}

/** The revealed categories in clear, the others still masked; the read is on the record (PersonalDataRevealed). */
export class RevealedPersonalDataView {
  @ApiProperty({ example: 'subj_4kT9wQ2mZp7LxR3vB8nC5dYh' }) subjectId: string;
  @ApiProperty({ enum: PERSONAL_DATA_FIELDS, isArray: true, description: 'The categories shown in clear' })
  fields: PersonalDataField[];
  @ApiProperty({ enum: ACCESS_PURPOSES }) purpose: string;
  @ApiProperty({ format: 'uuid', description: 'The access grant the read was allowed under' }) grantId: string;
  @ApiProperty({ type: ClassificationView }) classification: ClassificationView;
  @ApiProperty({ format: 'date-time' }) revealedAt: string;
  @ApiProperty({ type: PersonalDataView }) personalData: PersonalDataView;
  @ApiProperty({ minimum: 1 }) version: number;
}
