import type { ComplaintCategory, ComplaintChannel, ComplaintSeverity, ResolutionOutcome } from '@cx/contracts';

export interface FileComplaint {
  type: 'FileComplaint';
  complaintId: string;
  customerId: string;
  project: string;
  region: string;
  category: ComplaintCategory;
  severity: ComplaintSeverity;
  channel: ComplaintChannel;
  now: Date;
}

export interface EscalateComplaint {
  type: 'EscalateComplaint';
  complaintId: string;
  reason: string;
  now: Date;
}

export interface ResolveComplaint {
  type: 'ResolveComplaint';
  complaintId: string;
  outcome: ResolutionOutcome;
  now: Date;
}

export type ComplaintCommand = FileComplaint | EscalateComplaint | ResolveComplaint;
