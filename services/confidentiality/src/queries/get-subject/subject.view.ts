import { ApiProperty } from '@nestjs/swagger';
import {
  CONSENT_DECISIONS,
  CONSENT_PURPOSES,
  LEGAL_HOLD_REASONS,
  PERSONAL_DATA_FIELDS,
  PersonalDataField,
} from '@cx/contracts';
import type { PersonalData } from '../../domain/personal-data/personal-data';
import { activeLegalHolds, currentConsents, RegisteredSubject } from '../../domain/subject.state';

export class AddressView {
  @ApiProperty() province: string;
  @ApiProperty() city: string;
  @ApiProperty() district: string;
  @ApiProperty({ description: 'Street, building and unit; `****` when masked' }) detail: string;
}

export class PersonalDataView {
  @ApiProperty({ example: '王*' }) name: string;
  @ApiProperty({ nullable: true, type: String, example: '138****5678' }) phone: string | null;
  @ApiProperty({ nullable: true, type: String, example: '110105********002X' }) idNumber: string | null;
  @ApiProperty({ nullable: true, type: String, example: 'w***@example.com' }) email: string | null;
  @ApiProperty({ nullable: true, type: AddressView }) address: AddressView | null;
}

export class ConsentView {
  @ApiProperty({ enum: CONSENT_PURPOSES }) purpose: string;
  @ApiProperty({ enum: CONSENT_DECISIONS }) decision: string;
  @ApiProperty({ format: 'date-time' }) decidedAt: string;
  @ApiProperty({ format: 'date-time' }) recordedAt: string;
}

export class LegalHoldView {
  @ApiProperty({ format: 'uuid' }) holdId: string;
  @ApiProperty({ enum: LEGAL_HOLD_REASONS }) reason: string;
  @ApiProperty({ example: '(2026)沪0115民初12345号' }) reference: string;
  @ApiProperty({ format: 'date-time' }) placedAt: string;
  @ApiProperty({ nullable: true, type: String, format: 'date-time', description: 'Null while it applies' })
  releasedAt: string | null;
}

/** A subject as every role that may read it sees it: masked. `version` is also the ETag. */
export class SubjectView {
  @ApiProperty({ example: 'subj_4kT9wQ2mZp7LxR3vB8nC5dYh' }) subjectId: string;
  @ApiProperty({ enum: ['registered'] }) status: 'registered';
  @ApiProperty({ type: PersonalDataView, description: 'Masked' }) personalData: PersonalDataView;
  @ApiProperty({ enum: PERSONAL_DATA_FIELDS, isArray: true, description: 'The categories the vault holds' })
  categories: PersonalDataField[];
  @ApiProperty({ type: [ConsentView], description: 'The latest decision per purpose' }) consents: ConsentView[];
  @ApiProperty({ type: [LegalHoldView], description: 'Holds in force: erasure waits for them' })
  legalHolds: LegalHoldView[];
  @ApiProperty({ format: 'date-time' }) registeredAt: string;
  @ApiProperty({ minimum: 1 }) version: number;
}

export function toSubjectView(state: RegisteredSubject, version: number, personalData: PersonalData): SubjectView {
  return {
    subjectId: state.subjectId,
    status: state.status,
    personalData,
    categories: state.categories,
    consents: currentConsents(state),
    legalHolds: activeLegalHolds(state),
    registeredAt: state.registeredAt,
    version,
  };
}
