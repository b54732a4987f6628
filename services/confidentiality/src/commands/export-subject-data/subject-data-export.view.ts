import { ApiProperty } from '@nestjs/swagger';
import { ACCESS_PURPOSES, PERSONAL_DATA_FIELDS, PersonalDataField } from '@cx/contracts';
import type { PersonalData } from '../../domain/personal-data/personal-data';
import type { RegisteredSubject } from '../../domain/subject.state';
import { ConsentView, LegalHoldView, PersonalDataView } from '../../queries/get-subject/subject.view';

export class CorrectionView {
  @ApiProperty({ enum: PERSONAL_DATA_FIELDS, isArray: true }) correctedFields: PersonalDataField[];
  @ApiProperty({ enum: PERSONAL_DATA_FIELDS, isArray: true }) removedFields: PersonalDataField[];
  @ApiProperty({ format: 'date-time' }) correctedAt: string;
}

export class DisclosureView {
  @ApiProperty({ enum: PERSONAL_DATA_FIELDS, isArray: true }) fields: PersonalDataField[];
  @ApiProperty({ description: 'User id of whoever saw the data in clear' }) revealedTo: string;
  @ApiProperty({ enum: ACCESS_PURPOSES }) purpose: string;
  @ApiProperty({
    nullable: true,
    type: String,
    format: 'uuid',
    description: 'The access grant it was allowed under; null for reads on the dpo role, before grants existed',
  })
  grantId: string | null;
  @ApiProperty({ format: 'date-time' }) revealedAt: string;
}

export class DataExportView {
  @ApiProperty() exportedBy: string;
  @ApiProperty({ format: 'date-time' }) exportedAt: string;
}

/** Everything held about the subject (data-subject access request): its data in clear, consents and trails. */
export class SubjectDataExportView {
  @ApiProperty({ example: 'subj_4kT9wQ2mZp7LxR3vB8nC5dYh' }) subjectId: string;
  @ApiProperty() exportedBy: string;
  @ApiProperty({ format: 'date-time' }) exportedAt: string;
  @ApiProperty({ type: PersonalDataView, description: 'In clear' }) personalData: PersonalDataView;
  @ApiProperty({ enum: PERSONAL_DATA_FIELDS, isArray: true }) categories: PersonalDataField[];
  @ApiProperty({ format: 'date-time' }) registeredAt: string;
  @ApiProperty({ type: [CorrectionView] }) corrections: CorrectionView[];
  @ApiProperty({ type: [ConsentView], description: 'Every decision recorded, oldest first' }) consents: ConsentView[];
  @ApiProperty({ type: [LegalHoldView], description: 'Every hold, released ones included' })
  legalHolds: LegalHoldView[];
  @ApiProperty({ type: [DisclosureView], description: 'Every unmasked read' }) disclosures: DisclosureView[];
  @ApiProperty({ type: [DataExportView] }) earlierExports: DataExportView[];
  @ApiProperty({ minimum: 1 }) version: number;
}

export function toSubjectDataExportView(
  state: RegisteredSubject,
  data: PersonalData,
  thisExport: DataExportView,
  version: number,
): SubjectDataExportView {
  return {
    subjectId: state.subjectId,
    ...thisExport,
    personalData: data,
    categories: state.categories,
    registeredAt: state.registeredAt,
    corrections: state.corrections,
    consents: state.consents,
    legalHolds: state.legalHolds,
    disclosures: state.disclosures,
    earlierExports: state.exports,
    version,
  };
}
