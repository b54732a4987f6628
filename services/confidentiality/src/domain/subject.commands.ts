import type {
  AccessPurpose,
  ConsentDecision,
  ConsentPurpose,
  ErasureGround,
  LegalHoldReason,
  PersonalDataField,
} from '@cx/contracts';

/**
 * Every command names its subject and arrives with `now`: the decider has no clock of its own. Commands carry
 * categories of personal data, never values: what the decider sees is what its events may say.
 */
interface OnSubject {
  subjectId: string;
  now: Date;
}

export interface RegisterSubject extends OnSubject {
  type: 'RegisterSubject';
  categories: PersonalDataField[];
}

/** The handler compares the stored data with the corrected one and names the categories that differ. */
export interface CorrectSubject extends OnSubject {
  type: 'CorrectSubject';
  correctedFields: PersonalDataField[];
  removedFields: PersonalDataField[];
}

export interface RecordConsent extends OnSubject {
  type: 'RecordConsent';
  purpose: ConsentPurpose;
  decision: ConsentDecision;
  decidedAt: Date;
}

export interface RevealPersonalData extends OnSubject {
  type: 'RevealPersonalData';
  /** Null reveals every category the subject has. */
  fields: PersonalDataField[] | null;
  revealedTo: string;
  purpose: AccessPurpose;
  /** The grant the access decision found: no unmasked read without one. */
  grantId: string;
}

export interface ExportSubjectData extends OnSubject {
  type: 'ExportSubjectData';
  exportedBy: string;
}

export interface PlaceLegalHold extends OnSubject {
  type: 'PlaceLegalHold';
  holdId: string;
  reason: LegalHoldReason;
  reference: string;
}

export interface ReleaseLegalHold extends OnSubject {
  type: 'ReleaseLegalHold';
  holdId: string;
}

export interface EraseSubject extends OnSubject {
  type: 'EraseSubject';
  ground: ErasureGround;
}

/** Sent by the retention job: erases the subject once its retention period has run, unless a legal hold applies. */
export interface EnforceRetention extends OnSubject {
  type: 'EnforceRetention';
}

export type SubjectCommand =
  | RegisterSubject
  | CorrectSubject
  | RecordConsent
  | RevealPersonalData
  | ExportSubjectData
  | PlaceLegalHold
  | ReleaseLegalHold
  | EraseSubject
  | EnforceRetention;
