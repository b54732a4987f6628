import type {
  ClockPauseReason,
  ComplaintCategory,
  ComplaintChannel,
  ComplaintSeverity,
  ContactChannel,
  ContactDirection,
  ContactOutcome,
  EscalationLevel,
  RejectionReason,
  ResolutionOutcome,
} from '@cx/contracts';

/** Every command names its complaint and arrives with `now`: the decider has no clock of its own. */
interface OnComplaint {
  complaintId: string;
  now: Date;
}

export interface FileComplaint extends OnComplaint {
  type: 'FileComplaint';
  customerId: string;
  project: string;
  region: string;
  category: ComplaintCategory;
  severity: ComplaintSeverity;
  channel: ComplaintChannel;
  /** The survey response a `survey_follow_up` complaint follows up. */
  surveyResponseId?: string;
}

export interface AcknowledgeComplaint extends OnComplaint {
  type: 'AcknowledgeComplaint';
}

export interface AssignComplaint extends OnComplaint {
  type: 'AssignComplaint';
  handlerId: string;
}

export interface RecordCustomerContact extends OnComplaint {
  type: 'RecordCustomerContact';
  direction: ContactDirection;
  channel: ContactChannel;
  outcome: ContactOutcome;
  contactedAt: Date;
}

export interface RespondToCustomer extends OnComplaint {
  type: 'RespondToCustomer';
  channel: ContactChannel;
}

export interface ResolveComplaint extends OnComplaint {
  type: 'ResolveComplaint';
  outcome: ResolutionOutcome;
}

export interface ConfirmResolution extends OnComplaint {
  type: 'ConfirmResolution';
}

export interface RejectResolution extends OnComplaint {
  type: 'RejectResolution';
  reason: RejectionReason;
}

export interface ReopenComplaint extends OnComplaint {
  type: 'ReopenComplaint';
  reason: string;
}

export interface CloseComplaint extends OnComplaint {
  type: 'CloseComplaint';
  satisfaction: number;
}

export interface EscalateComplaint extends OnComplaint {
  type: 'EscalateComplaint';
  reason: string;
}

export interface DeEscalateComplaint extends OnComplaint {
  type: 'DeEscalateComplaint';
  reason: string;
}

export interface ChangeSeverity extends OnComplaint {
  type: 'ChangeSeverity';
  severity: ComplaintSeverity;
  reason: string;
}

export interface AddAttachment extends OnComplaint {
  type: 'AddAttachment';
  attachmentId: string;
  url: string;
  sha256: string;
  mediaType: string;
}

/** Sent by the SLA scheduler: raise whatever at-risk or breach alerts are due at `now`. */
export interface CheckSlaClocks extends OnComplaint {
  type: 'CheckSlaClocks';
}

export interface PauseClock extends OnComplaint {
  type: 'PauseClock';
  reason: ClockPauseReason;
}

export interface ResumeClock extends OnComplaint {
  type: 'ResumeClock';
}

export interface IssueCeoInstruction extends OnComplaint {
  type: 'IssueCeoInstruction';
  instructionId: string;
  ownerId: string;
  ownerLevel: EscalationLevel;
  dueAt: Date;
  note: string;
}

export interface ReportOnCeoInstruction extends OnComplaint {
  type: 'ReportOnCeoInstruction';
  instructionId: string;
  /** Who reports: only the accountable owner may. */
  reporterId: string;
  report: string;
}

export interface AcceptCeoReport extends OnComplaint {
  type: 'AcceptCeoReport';
  instructionId: string;
}

export interface SendBackCeoReport extends OnComplaint {
  type: 'SendBackCeoReport';
  instructionId: string;
  reason: string;
}

export type ComplaintCommand =
  | FileComplaint
  | AcknowledgeComplaint
  | AssignComplaint
  | RecordCustomerContact
  | RespondToCustomer
  | ResolveComplaint
  | ConfirmResolution
  | RejectResolution
  | ReopenComplaint
  | CloseComplaint
  | EscalateComplaint
  | DeEscalateComplaint
  | ChangeSeverity
  | AddAttachment
  | CheckSlaClocks
  | PauseClock
  | ResumeClock
  | IssueCeoInstruction
  | ReportOnCeoInstruction
  | AcceptCeoReport
  | SendBackCeoReport;
