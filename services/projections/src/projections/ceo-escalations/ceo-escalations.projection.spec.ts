import type { EventEnvelope } from '@cx/contracts';
import type { ComplaintEscalationRow } from './ceo-escalation.row';
import { evolveComplaintEscalation } from './ceo-escalations.projection';

const complaintId = '0f8e3f5e-8a8e-4c55-9a55-6f2b0c7d1a11';
let position = 0;
const envelope = (streamVersion: number, type: string, data: object): EventEnvelope => ({
  id: `00000000-0000-4000-8000-${String(streamVersion).padStart(12, '0')}`,
  type,
  schemaVersion: 1,
  streamId: complaintId,
  streamType: 'Complaint',
  streamVersion,
  position: String(++position),
  occurredAt: '2026-11-25T08:00:00.000Z',
  correlationId: 'c-1',
  causationId: null,
  actor: { type: 'user', id: 'u-1' },
  data,
});

const filed = (channel = 'hotline', escalationLevel = 'frontline') =>
  envelope(1, 'ComplaintFiled', {
    complaintId,
    customerId: 'subj_7Hq2kLm9Xa',
    project: 'SH-PUDONG-07',
    region: 'east-china',
    category: 'delivery',
    severity: 'medium',
    channel,
    escalationLevel,
    filedAt: '2026-11-25T08:00:00.000Z',
  });
const escalated = (v: number, fromLevel: string, toLevel: string) =>
  envelope(v, 'ComplaintEscalated', {
    complaintId,
    fromLevel,
    toLevel,
    reason: `to ${toLevel}`,
    escalatedAt: `2026-11-2${v}T09:00:00.000Z`,
  });
const resolved = (v: number) =>
  envelope(v, 'ComplaintResolved', { complaintId, outcome: 'repaired', resolvedAt: '2026-11-29T09:00:00.000Z' });

const replay = (...events: EventEnvelope[]) =>
  events.reduce<ComplaintEscalationRow | null>((row, event) => evolveComplaintEscalation(row, event), null);

describe('CEO escalation read model', () => {
  it('starts a complaint at its entry level with a one-step trail', () => {
    expect(replay(filed())).toMatchObject({
      status: 'open',
      escalationLevel: 'frontline',
      escalationTrail: [{ level: 'frontline', reason: null }],
      reachedCeoOfficeAt: null,
      lastStreamVersion: 1,
    });
  });

  it('records when a ceo_direct complaint reached the CEO office: at filing', () => {
    expect(replay(filed('ceo_direct', 'ceo_office'))).toMatchObject({
      escalationLevel: 'ceo_office',
      reachedCeoOfficeAt: '2026-11-25T08:00:00.000Z',
    });
  });

  it('follows escalations up the ladder and keeps the trail with reasons', () => {
    const row = replay(
      filed(),
      escalated(2, 'frontline', 'project'),
      escalated(3, 'project', 'region'),
      escalated(4, 'region', 'group_service'),
      escalated(5, 'group_service', 'ceo_office'),
    );
    expect(row?.escalationLevel).toBe('ceo_office');
    expect(row?.escalationTrail.map((s) => s.level)).toEqual([
      'frontline',
      'project',
      'region',
      'group_service',
      'ceo_office',
    ]);
    expect(row?.reachedCeoOfficeAt).toBe('2026-11-25T09:00:00.000Z');
  });

  it('closes the complaint on resolution', () => {
    expect(replay(filed(), resolved(2))).toMatchObject({ status: 'resolved', resolvedAt: '2026-11-29T09:00:00.000Z' });
  });

  it('puts a reopened or rejected resolution back into the open view', () => {
    const reopened = envelope(3, 'ComplaintReopened', {
      complaintId,
      reason: 'back',
      reopenedAt: '2026-11-30T09:00:00.000Z',
    });
    const rejected = envelope(3, 'ResolutionRejected', {
      complaintId,
      reason: 'not_fixed',
      rejectedAt: '2026-11-30T09:00:00.000Z',
    });
    expect(replay(filed(), resolved(2), reopened)).toMatchObject({ status: 'open', resolvedAt: null });
    expect(replay(filed(), resolved(2), rejected)).toMatchObject({ status: 'open', resolvedAt: null });
  });

  it('follows a de-escalation down the ladder and a severity change', () => {
    const row = replay(
      filed(),
      escalated(2, 'frontline', 'project'),
      envelope(3, 'ComplaintDeEscalated', {
        complaintId,
        fromLevel: 'project',
        toLevel: 'frontline',
        reason: 'local',
        deEscalatedAt: '2026-11-26T10:00:00.000Z',
      }),
      envelope(4, 'ComplaintSeverityChanged', {
        complaintId,
        fromSeverity: 'medium',
        toSeverity: 'critical',
        reason: 'x',
        changedAt: '2026-11-26T11:00:00.000Z',
      }),
    );
    expect(row).toMatchObject({ escalationLevel: 'frontline', severity: 'critical', lastStreamVersion: 4 });
    expect(row?.escalationTrail.map((s) => s.reason)).toEqual([null, 'to project', 'local']);
  });

  it('shows the worst SLA state: at risk, then breached, never back to at risk', () => {
    const atRisk = (v: number) =>
      envelope(v, 'ComplaintSlaAtRisk', {
        complaintId,
        target: 'resolution',
        deadline: '2026-11-26T08:00:00.000Z',
        raisedAt: '2026-11-26T02:00:00.000Z',
      });
    const breached = envelope(3, 'ComplaintSlaBreached', {
      complaintId,
      target: 'acknowledgement',
      deadline: '2026-11-25T10:00:00.000Z',
      escalationLevel: 'frontline',
      breachedAt: '2026-11-25T10:00:00.000Z',
    });
    expect(replay(filed(), atRisk(2))?.slaState).toBe('at_risk');
    expect(replay(filed(), atRisk(2), breached)?.slaState).toBe('breached');
    expect(replay(filed(), breached, atRisk(4))?.slaState).toBe('breached');
  });

  it('counts hand-offs: escalations, de-escalations, reassignments and CEO instructions, not the first assignment', () => {
    const assigned = (v: number, previousHandlerId: string | null) =>
      envelope(v, 'ComplaintAssigned', {
        complaintId,
        handlerId: `h${v}`,
        previousHandlerId,
        assignedAt: '2026-11-25T09:00:00.000Z',
      });
    const row = replay(
      filed(),
      assigned(2, null),
      escalated(3, 'frontline', 'project'),
      assigned(4, 'h2'),
      envelope(5, 'ComplaintDeEscalated', {
        complaintId,
        fromLevel: 'project',
        toLevel: 'frontline',
        reason: 'r',
        deEscalatedAt: '2026-11-26T10:00:00.000Z',
      }),
    );
    expect(row?.handOffs).toBe(3);
  });

  it('marks a repeat complaint when the filing context says so', () => {
    expect(evolveComplaintEscalation(null, filed(), { repeatComplaint: true })?.repeatComplaint).toBe(true);
    expect(replay(filed())?.repeatComplaint).toBe(false);
  });

  it('is idempotent: a redelivered event changes nothing', () => {
    const once = replay(filed(), escalated(2, 'frontline', 'project'));
    const twice = evolveComplaintEscalation(once, escalated(2, 'frontline', 'project'));
    expect(twice).toBe(once);
    expect(evolveComplaintEscalation(once, filed())).toBe(once);
  });

  it('leaves the row alone for event types it does not need', () => {
    const row = replay(filed());
    expect(evolveComplaintEscalation(row, { ...envelope(2, 'SomethingElse', {}) })).toBe(row);
  });
});
