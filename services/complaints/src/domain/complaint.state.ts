import type { ComplaintFiledV1, EscalationLevel, ResolutionOutcome } from '@cx/contracts';

export interface EscalationStep {
  level: EscalationLevel;
  reachedAt: string;
  reason: string | null;
}

interface Filed {
  complaintId: string;
  details: ComplaintFiledV1;
  escalationLevel: EscalationLevel;
  escalationTrail: EscalationStep[];
}

/** A union on status: fields that exist only once resolved are checked by the compiler. */
export type ComplaintState =
  | { status: 'not_filed' }
  | ({ status: 'open' } & Filed)
  | ({ status: 'resolved'; outcome: ResolutionOutcome; resolvedAt: string } & Filed);

export type ComplaintStatus = ComplaintState['status'];
