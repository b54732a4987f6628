import { COMPLAINT_STREAM_TYPE, ComplaintFiledV1, EventEnvelope, SubjectErasedV1 } from '@cx/contracts';
import type { ComplaintEscalationRow } from './ceo-escalation.row';
import { evolveComplaintEscalation } from './ceo-escalations.projection';

/** A remembered filing (complaint_customers); times are Postgres' microseconds since the epoch, compared exactly. */
export interface RememberedFiling {
  complaintId: string;
  customerId: string;
  category: string;
  filedAt: bigint;
}

/** A filing time and its repeat window, as Postgres reckons them (days in the session's time zone). */
export interface RepeatWindow {
  filedAt: bigint;
  from: bigint;
  to: bigint;
}

/** What the tables held, before a run of events, about the complaints and customers the run touches. */
export interface EscalationState {
  /** Every complaint of the run, by lower-case id; null when it has no row yet. */
  rows: ReadonlyMap<string, ComplaintEscalationRow | null>;
  /** Those of the run's filing customers the vault has erased. */
  erasedSubjects: ReadonlySet<string>;
  /** Remembered filings of the run's filing customers in the categories filed, and of the run's filed complaints. */
  filings: readonly RememberedFiling[];
  /** By the `filedAt` text of each of the run's filings. */
  windows: ReadonlyMap<string, RepeatWindow>;
}

/** What a run of events changes, to be written in a few statements. */
export interface EscalationChanges {
  /** The last state of every row the run changed. */
  rows: ComplaintEscalationRow[];
  /** Every change in order: a history version each, valid from when its event was recorded. */
  versions: { row: ComplaintEscalationRow; validFrom: string }[];
  /** Subjects the vault erased: remembered as erased, their filings forgotten. */
  erasedSubjects: string[];
  /** Filings to remember (those an erasure later in the run forgot are left out). */
  filings: Pick<ComplaintFiledV1, 'complaintId' | 'customerId' | 'category' | 'filedAt'>[];
  /** Complaints a filing of the run made repeats of, in their row and every version of their history. */
  repeats: string[];
}

const pairOf = (customerId: string, category: string) => JSON.stringify([customerId, category]);

/**
 * The rules of the CEO escalation view for a run of events, applied in order to what the tables held before
 * the first (`apply` is a run of one). Pure: the erasures, who filed what and the repeats found so far are kept
 * in memory as the tables would have them after each event.
 *
 * Repeats: a filing is a repeat when the same customer filed in the same category within the window before it.
 * Complaints of one customer may sit on different partitions and arrive in either order, so a filing also marks
 * the later ones it makes repeats of: being a repeat is a fact about the filing. An erased subject's filings are
 * forgotten and never remembered again; complaints already flagged stay flagged (the flag says nothing about who).
 */
export function foldEscalations(events: readonly EventEnvelope[], state: EscalationState): EscalationChanges {
  const rows = new Map(state.rows);
  const erased = new Set(state.erasedSubjects);
  const remembered = new Map<string, Map<string, RememberedFiling>>();
  const rememberedComplaints = new Set<string>();
  const remember = (filing: RememberedFiling) => {
    rememberedComplaints.add(filing.complaintId);
    const pair = pairOf(filing.customerId, filing.category);
    remembered.set(pair, (remembered.get(pair) ?? new Map()).set(filing.complaintId, filing));
  };
  state.filings.forEach(remember);
  const changed = new Set<string>();
  const versions: EscalationChanges['versions'] = [];
  const erasures = new Set<string>();
  const newFilings = new Map<string, ComplaintFiledV1>();
  const repeats = new Set<string>();

  const forget = (subjectId: string) => {
    for (const [pair, filings] of remembered) {
      for (const [complaintId, filing] of filings) {
        if (filing.customerId !== subjectId) continue;
        filings.delete(complaintId);
        rememberedComplaints.delete(complaintId);
      }
      if (filings.size === 0) remembered.delete(pair);
    }
    for (const [complaintId, filing] of newFilings) if (filing.customerId === subjectId) newFilings.delete(complaintId);
  };

  /** Remembers who filed, marks the later filings this one repeats, and answers whether it repeats an earlier one. */
  const rememberFilingAndFindRepeat = (data: ComplaintFiledV1): boolean => {
    if (erased.has(data.customerId)) return false;
    const complaintId = data.complaintId.toLowerCase();
    const window = state.windows.get(data.filedAt)!;
    if (!rememberedComplaints.has(complaintId)) {
      remember({ complaintId, customerId: data.customerId, category: data.category, filedAt: window.filedAt });
      newFilings.set(complaintId, data);
    }
    const others = [...(remembered.get(pairOf(data.customerId, data.category))?.values() ?? [])].filter(
      (other) => other.complaintId !== complaintId,
    );
    for (const later of others.filter((o) => o.filedAt > window.filedAt && o.filedAt <= window.to)) {
      repeats.add(later.complaintId);
      const row = rows.get(later.complaintId);
      if (row && !row.repeatComplaint) rows.set(later.complaintId, { ...row, repeatComplaint: true });
    }
    return others.some((earlier) => earlier.filedAt < window.filedAt && earlier.filedAt >= window.from);
  };

  for (const event of events) {
    if (event.type === 'SubjectErased') {
      const { subjectId } = event.data as SubjectErasedV1;
      erased.add(subjectId);
      erasures.add(subjectId);
      forget(subjectId);
      continue;
    }
    if (event.streamType !== COMPLAINT_STREAM_TYPE) continue;
    const complaintId = event.streamId.toLowerCase();
    const row = rows.get(complaintId) ?? null;
    const repeatComplaint =
      event.type === 'ComplaintFiled' && row === null
        ? rememberFilingAndFindRepeat(event.data as ComplaintFiledV1)
        : false;
    const next = evolveComplaintEscalation(row, event, { repeatComplaint });
    if (next && next !== row) {
      rows.set(complaintId, next);
      changed.add(complaintId);
      versions.push({ row: next, validFrom: event.occurredAt });
    }
  }
  return {
    rows: [...changed].map((complaintId) => rows.get(complaintId)!),
    versions,
    erasedSubjects: [...erasures],
    filings: [...newFilings.values()].map(({ complaintId, customerId, category, filedAt }) => ({
      complaintId,
      customerId,
      category,
      filedAt,
    })),
    repeats: [...repeats],
  };
}
