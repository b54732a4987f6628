import type {
  ComplaintDeEscalatedV1,
  ComplaintEscalatedV1,
  ComplaintFiledV1,
  ComplaintSeverityChangedV1,
  EventEnvelope,
} from '@cx/contracts';
import type { ComplaintEscalationRow } from './ceo-escalation.row';

/** What the projection looked up before evolving: whether a filed complaint repeats an earlier one. */
export interface FilingContext {
  repeatComplaint: boolean;
}

/**
 * Pure and idempotent (STYLE.md §10): the row (or null) and an event in, the new row out.
 * Events this read model does not need leave the row as it is.
 */
export function evolveComplaintEscalation(
  row: ComplaintEscalationRow | null,
  event: EventEnvelope,
  context: FilingContext = { repeatComplaint: false },
): ComplaintEscalationRow | null {
  if (row && event.streamVersion <= row.lastStreamVersion) return row;
  const applied = { lastStreamVersion: event.streamVersion, lastPosition: event.position };
  switch (event.type) {
    case 'ComplaintFiled': {
      if (row) return row;
      const data = event.data as ComplaintFiledV1;
      return {
        complaintId: data.complaintId,
        project: data.project,
        region: data.region,
        category: data.category,
        severity: data.severity,
        channel: data.channel,
        status: 'open',
        escalationLevel: data.escalationLevel,
        escalationTrail: [{ level: data.escalationLevel, reachedAt: data.filedAt, reason: null }],
        filedAt: data.filedAt,
        reachedCeoOfficeAt: data.escalationLevel === 'ceo_office' ? data.filedAt : null,
        resolvedAt: null,
        slaState: 'on_time',
        handOffs: 0,
        repeatComplaint: context.repeatComplaint,
        ...applied,
      };
    }
    case 'ComplaintEscalated': {
      if (!row) return null;
      const data = event.data as ComplaintEscalatedV1;
      return {
        ...row,
        escalationLevel: data.toLevel,
        escalationTrail: [
          ...row.escalationTrail,
          { level: data.toLevel, reachedAt: data.escalatedAt, reason: data.reason },
        ],
        reachedCeoOfficeAt: row.reachedCeoOfficeAt ?? (data.toLevel === 'ceo_office' ? data.escalatedAt : null),
        handOffs: row.handOffs + 1,
        ...applied,
      };
    }
    case 'ComplaintDeEscalated': {
      if (!row) return null;
      const data = event.data as ComplaintDeEscalatedV1;
      return {
        ...row,
        escalationLevel: data.toLevel,
        escalationTrail: [
          ...row.escalationTrail,
          { level: data.toLevel, reachedAt: data.deEscalatedAt, reason: data.reason },
        ],
        handOffs: row.handOffs + 1,
        ...applied,
      };
    }
    case 'ComplaintSeverityChanged': {
      if (!row) return null;
      return { ...row, severity: (event.data as ComplaintSeverityChangedV1).toSeverity, ...applied };
    }
    case 'ComplaintResolved':
      return (
        row && { ...row, status: 'resolved', resolvedAt: (event.data as { resolvedAt: string }).resolvedAt, ...applied }
      );
    case 'ComplaintAssigned': {
      const reassigned = (event.data as { previousHandlerId: string | null }).previousHandlerId !== null;
      return row && { ...row, handOffs: row.handOffs + (reassigned ? 1 : 0), ...applied };
    }
    case 'CeoInstructionIssued':
      return row && { ...row, handOffs: row.handOffs + 1, ...applied };
    case 'ComplaintSlaAtRisk':
      return row && { ...row, slaState: row.slaState === 'breached' ? 'breached' : 'at_risk', ...applied };
    case 'ComplaintSlaBreached':
      return row && { ...row, slaState: 'breached', ...applied };
    case 'ResolutionRejected':
    case 'ComplaintReopened':
      return row && { ...row, status: 'open', resolvedAt: null, ...applied };
    default:
      return row;
  }
}
