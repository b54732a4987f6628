import type {
  AccessPurpose,
  ConsentDecision,
  ConsentPurpose,
  ErasureGround,
  LegalHoldReason,
  PersonalDataField,
} from '@cx/contracts';

export interface CorrectionRecord {
  correctedFields: PersonalDataField[];
  removedFields: PersonalDataField[];
  correctedAt: string;
}

export interface ConsentRecord {
  purpose: ConsentPurpose;
  decision: ConsentDecision;
  decidedAt: string;
  recordedAt: string;
}

export interface LegalHold {
  holdId: string;
  reason: LegalHoldReason;
  reference: string;
  placedAt: string;
  /** Null while the hold applies. */
  releasedAt: string | null;
}

/** An unmasked read: who saw which categories, why, and under which grant (null for reads before grants). */
export interface Disclosure {
  fields: PersonalDataField[];
  revealedTo: string;
  purpose: AccessPurpose;
  grantId: string | null;
  revealedAt: string;
}

/** The retention period ended under a legal hold: erasure waits, and this one is not reported again. */
export interface ErasureDeferral {
  retainUntil: string;
  legalHoldIds: string[];
  deferredAt: string;
}

export interface DataExport {
  exportedBy: string;
  exportedAt: string;
}

/** What a registered subject's stream tells: categories held and the trail of what was done with them. */
export interface Registered {
  subjectId: string;
  categories: PersonalDataField[];
  registeredAt: string;
  corrections: CorrectionRecord[];
  consents: ConsentRecord[];
  legalHolds: LegalHold[];
  disclosures: Disclosure[];
  exports: DataExport[];
  erasureDeferral: ErasureDeferral | null;
}

/**
 * not_registered → registered → erased. An erased subject keeps only the fact and the ground of its erasure:
 * its trail goes with its data.
 */
export type SubjectState =
  | { status: 'not_registered' }
  | ({ status: 'registered' } & Registered)
  | { status: 'erased'; subjectId: string; ground: ErasureGround; erasedAt: string };

export type SubjectStatus = SubjectState['status'];
export type RegisteredSubject = Extract<SubjectState, { status: 'registered' }>;

/** The latest decision per purpose: what the subject currently consents to. */
export function currentConsents(state: Registered): ConsentRecord[] {
  const latest = new Map<ConsentPurpose, ConsentRecord>();
  for (const consent of state.consents) latest.set(consent.purpose, consent);
  return [...latest.values()];
}

export function activeLegalHolds(state: Registered): LegalHold[] {
  return state.legalHolds.filter((hold) => hold.releasedAt === null);
}
