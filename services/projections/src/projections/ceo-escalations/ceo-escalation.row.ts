import type { ComplaintCategory, ComplaintChannel, ComplaintSeverity, EscalationLevel } from '@cx/contracts';

export interface EscalationStep {
  level: EscalationLevel;
  reachedAt: string;
  reason: string | null;
}

/** One complaint's escalation state: a row of reporting.complaint_escalations_v1. */
export interface ComplaintEscalationRow {
  complaintId: string;
  project: string;
  region: string;
  category: ComplaintCategory;
  severity: ComplaintSeverity;
  channel: ComplaintChannel;
  status: 'open' | 'resolved';
  escalationLevel: EscalationLevel;
  escalationTrail: EscalationStep[];
  filedAt: string;
  reachedCeoOfficeAt: string | null;
  resolvedAt: string | null;
  slaState: 'on_time' | 'at_risk' | 'breached';
  /** Times responsibility moved: escalations, de-escalations, reassignments, CEO instructions. */
  handOffs: number;
  /** The same customer complained in the same category within the 90 days before. */
  repeatComplaint: boolean;
  /** The stream version last applied: an event at or below it is a duplicate and changes nothing. */
  lastStreamVersion: number;
  lastPosition: string;
}
