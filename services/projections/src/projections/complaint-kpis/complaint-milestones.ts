import type {
  ComplaintClosedV1,
  ComplaintEscalatedV1,
  ComplaintFiledV1,
  ComplaintRespondedV1,
  ComplaintSlaBreachedV1,
  EventEnvelope,
  SlaTarget,
} from '@cx/contracts';

/** Something the complaint KPIs count, dated when it happened. */
export type MilestoneKind =
  | 'received'
  | 'acknowledged'
  | 'first_response'
  | 'resolved'
  | 'reopened'
  | 'reached_ceo_office'
  | 'sla_breached'
  | 'closed';

export interface ComplaintMilestone {
  complaintId: string;
  streamVersion: number;
  kind: MilestoneKind;
  occurredAt: string;
  project: string;
  region: string;
  category: string;
  /** Severity at filing: the daily figures group by what came in. */
  severity: string;
  /** The target a breach missed, or the target a milestone meets. */
  slaTarget: SlaTarget | null;
  /** For acknowledged, first_response and resolved: met before its deadline (no breach of that target before). */
  withinSla: boolean | null;
  /** Elapsed (calendar) hours from filing to this milestone; null for the filing itself. */
  hoursSinceFiling: number | null;
  /** For closed: the customer's satisfaction with the handling, 1-5. */
  satisfaction: number | null;
}

/** What the milestones recorded before this event say about the complaint. */
export interface MilestoneContext {
  filing: { project: string; region: string; category: string; severity: string; filedAt: string } | null;
  breachedTargets: readonly SlaTarget[];
  reachedCeoOffice: boolean;
}

const HOUR_MS = 3_600_000;

/** The milestones a later event's context is read from. */
export const CONTEXT_KINDS: readonly MilestoneKind[] = ['received', 'sla_breached', 'reached_ceo_office'];

/** What a complaint's milestones recorded before the given stream version say: its filing, breaches, CEO office. */
export function contextOf(recorded: readonly ComplaintMilestone[], beforeVersion: number): MilestoneContext {
  const before = recorded.filter((m) => m.streamVersion < beforeVersion && CONTEXT_KINDS.includes(m.kind));
  const received = before.find((m) => m.kind === 'received');
  return {
    filing: received
      ? {
          project: received.project,
          region: received.region,
          category: received.category,
          severity: received.severity,
          filedAt: received.occurredAt,
        }
      : null,
    breachedTargets: before.filter((m) => m.kind === 'sla_breached').map((m) => m.slaTarget!),
    reachedCeoOffice: before.some((m) => m.kind === 'reached_ceo_office'),
  };
}

/**
 * The milestones a run of events marks, each event read in the context of the milestones recorded before it:
 * those stored (`recorded`: at least the context kinds of every complaint with an event other than its filing)
 * and those of the run's earlier events. A milestone already recorded under the same key is kept, not replaced.
 */
export function milestonesOfRun(
  events: readonly EventEnvelope[],
  recorded: readonly ComplaintMilestone[],
): ComplaintMilestone[] {
  const byComplaint = new Map<string, ComplaintMilestone[]>();
  const keys = new Set<string>();
  const record = (m: ComplaintMilestone) => {
    const complaintId = m.complaintId.toLowerCase();
    const key = JSON.stringify([complaintId, m.streamVersion, m.kind]);
    if (keys.has(key)) return false;
    keys.add(key);
    const ofComplaint = byComplaint.get(complaintId) ?? [];
    ofComplaint.push(m);
    byComplaint.set(complaintId, ofComplaint);
    return true;
  };
  recorded.forEach(record);
  const marked: ComplaintMilestone[] = [];
  for (const event of events) {
    const context =
      event.type === 'ComplaintFiled'
        ? { filing: null, breachedTargets: [], reachedCeoOffice: false }
        : contextOf(byComplaint.get(event.streamId.toLowerCase()) ?? [], event.streamVersion);
    for (const m of milestonesOf(event, context)) if (record(m)) marked.push(m);
  }
  return marked;
}

/**
 * Pure: one Complaint event and its context in, the milestones it marks out. Stored with the key
 * (complaint, stream version, kind), so a redelivered event adds nothing.
 */
export function milestonesOf(event: EventEnvelope, context: MilestoneContext): ComplaintMilestone[] {
  if (event.type === 'ComplaintFiled') {
    const data = event.data as ComplaintFiledV1;
    const filing = { ...context, filing: data };
    const received = milestone(event, filing, 'received', data.filedAt);
    return data.escalationLevel === 'ceo_office'
      ? [received, milestone(event, filing, 'reached_ceo_office', data.filedAt)]
      : [received];
  }
  if (!context.filing) return [];
  const met = (target: SlaTarget) => ({ slaTarget: target, withinSla: !context.breachedTargets.includes(target) });
  switch (event.type) {
    case 'ComplaintAcknowledged': {
      const { acknowledgedAt } = event.data as { acknowledgedAt: string };
      return [milestone(event, context, 'acknowledged', acknowledgedAt, met('acknowledgement'))];
    }
    case 'ComplaintResponded': {
      const data = event.data as ComplaintRespondedV1;
      return data.firstResponse
        ? [milestone(event, context, 'first_response', data.respondedAt, met('first_response'))]
        : [];
    }
    case 'ComplaintResolved': {
      const { resolvedAt } = event.data as { resolvedAt: string };
      return [milestone(event, context, 'resolved', resolvedAt, met('resolution'))];
    }
    case 'ComplaintReopened': {
      const { reopenedAt } = event.data as { reopenedAt: string };
      return [milestone(event, context, 'reopened', reopenedAt)];
    }
    case 'ComplaintEscalated': {
      const data = event.data as ComplaintEscalatedV1;
      return data.toLevel === 'ceo_office' && !context.reachedCeoOffice
        ? [milestone(event, context, 'reached_ceo_office', data.escalatedAt)]
        : [];
    }
    case 'ComplaintSlaBreached': {
      const data = event.data as ComplaintSlaBreachedV1;
      return [milestone(event, context, 'sla_breached', data.breachedAt, { slaTarget: data.target })];
    }
    case 'ComplaintClosed': {
      const data = event.data as ComplaintClosedV1;
      return [milestone(event, context, 'closed', data.closedAt, { satisfaction: data.satisfaction })];
    }
    default:
      return [];
  }
}

function milestone(
  event: EventEnvelope,
  context: MilestoneContext,
  kind: MilestoneKind,
  occurredAt: string,
  facts: Partial<Pick<ComplaintMilestone, 'slaTarget' | 'withinSla' | 'satisfaction'>> = {},
): ComplaintMilestone {
  const { project, region, category, severity, filedAt } = context.filing!;
  return {
    complaintId: event.streamId,
    streamVersion: event.streamVersion,
    kind,
    occurredAt,
    project,
    region,
    category,
    severity,
    slaTarget: null,
    withinSla: null,
    hoursSinceFiling: kind === 'received' ? null : (Date.parse(occurredAt) - Date.parse(filedAt)) / HOUR_MS,
    satisfaction: null,
    ...facts,
  };
}
