import type { ComplaintEscalatedV1, ComplaintFiledV1, ComplaintResolvedV1, EventEnvelope } from '@cx/contracts';
import type { ComplaintEscalationRow } from './ceo-escalation.row';

/**
 * Pure and idempotent (STYLE.md §10): the row (or null) and an event in, the new row out.
 * Events this read model does not need leave the row as it is.
 */
export function evolveComplaintEscalation(
  row: ComplaintEscalationRow | null,
  event: EventEnvelope,
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
        ...applied,
      };
    }
    case 'ComplaintResolved': {
      if (!row) return null;
      const data = event.data as ComplaintResolvedV1;
      return { ...row, status: 'resolved', resolvedAt: data.resolvedAt, ...applied };
    }
    default:
      return row;
  }
}
