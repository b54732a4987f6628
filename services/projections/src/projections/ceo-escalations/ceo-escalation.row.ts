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
  /** The stream version last applied: an event at or below it is a duplicate and changes nothing. */
  lastStreamVersion: number;
  lastPosition: string;
}
