import type { ComplaintFiledV1, ComplaintSeverity, EscalationLevel, ResolutionOutcome } from '@cx/contracts';

export interface EscalationStep {
  level: EscalationLevel;
  reachedAt: string;
  reason: string | null;
}

export interface ClockPause {
  from: string;
  /** Null while the pause lasts. */
  to: string | null;
}

export interface CeoInstructionStep {
  step: 'issued' | 'reported' | 'accepted' | 'sent_back';
  at: string;
  text: string | null;
}

/** The CEO office's instruction to an accountable owner, and its trail. */
export interface CeoInstruction {
  instructionId: string;
  ownerId: string;
  ownerLevel: EscalationLevel;
  dueAt: string;
  status: 'open' | 'reported' | 'accepted';
  steps: CeoInstructionStep[];
}

export interface AttachmentReference {
  attachmentId: string;
  url: string;
  sha256: string;
  mediaType: string;
  addedAt: string;
}

/** What every filed complaint has, whatever its status. */
export interface Filed {
  complaintId: string;
  details: ComplaintFiledV1;
  severity: ComplaintSeverity;
  escalationLevel: EscalationLevel;
  escalationTrail: EscalationStep[];
  handlerId: string | null;
  acknowledgedAt: string | null;
  firstRespondedAt: string | null;
  contacts: number;
  reopenCount: number;
  attachments: AttachmentReference[];
  clockPauses: ClockPause[];
  /** SLA alerts already raised, as `<target>:at_risk` / `<target>:breached`: each fires once. */
  slaAlerts: string[];
  ceoInstructions: CeoInstruction[];
  /** Times responsibility moved (escalation, de-escalation, reassignment, CEO instruction): fewer is flatter. */
  handOffs: number;
}

export interface Resolution {
  outcome: ResolutionOutcome;
  resolvedAt: string;
}

/**
 * registered → acknowledged → in_progress (a handler is assigned) → resolved → resolution_confirmed → closed;
 * a rejected resolution or a reopening goes back to in_progress. A union on status: fields that exist only in
 * some states (the handler once in progress, the resolution, the satisfaction) are checked by the compiler.
 */
export type ComplaintState =
  | { status: 'not_filed' }
  | ({ status: 'registered' } & Filed)
  | ({ status: 'acknowledged' } & Filed)
  | ({ status: 'in_progress'; handlerId: string } & Filed)
  | ({ status: 'resolved' } & Filed & Resolution)
  | ({ status: 'resolution_confirmed'; confirmedAt: string } & Filed & Resolution)
  | ({ status: 'closed'; satisfaction: number; closedAt: string } & Filed & Resolution);

export type ComplaintStatus = ComplaintState['status'];
export type FiledComplaint = Exclude<ComplaintState, { status: 'not_filed' }>;

/** Statuses in which the complaint is still being handled (not yet resolved). */
export const HANDLING_STATUSES = ['registered', 'acknowledged', 'in_progress'] as const;
export type HandlingStatus = (typeof HANDLING_STATUSES)[number];
