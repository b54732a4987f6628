import type { EventEnvelope } from '@cx/contracts';
import { MilestoneContext, milestonesOf } from './complaint-milestones';

const complaintId = '0f8e3f5e-8a8e-4c55-9a55-6f2b0c7d1a11';
const filedAt = '2026-11-25T01:00:00.000Z';
const filing = { project: 'SH-PUDONG-07', region: 'east-china', category: 'delivery', severity: 'high', filedAt };
const fresh: MilestoneContext = { filing: null, breachedTargets: [], reachedCeoOffice: false };
const known: MilestoneContext = { filing, breachedTargets: [], reachedCeoOffice: false };

const envelope = (streamVersion: number, type: string, data: Record<string, unknown>): EventEnvelope => ({
  id: `e${streamVersion}`,
  type,
  schemaVersion: 1,
  streamId: complaintId,
  streamType: 'Complaint',
  streamVersion,
  position: String(streamVersion),
  occurredAt: filedAt,
  correlationId: 'c',
  causationId: null,
  actor: { type: 'user', id: 'agent-1' },
  data: { complaintId, ...data },
});

const filed = (escalationLevel: string) =>
  envelope(1, 'ComplaintFiled', {
    customerId: 'subj_7Hq2kLm9Xa',
    project: filing.project,
    region: filing.region,
    category: filing.category,
    severity: 'high',
    channel: escalationLevel === 'ceo_office' ? 'ceo_direct' : 'hotline',
    escalationLevel,
    filedAt,
  });

describe('complaint milestones', () => {
  it('counts a filing as received, and as reaching the CEO office when it starts there', () => {
    expect(milestonesOf(filed('frontline'), fresh).map((m) => m.kind)).toEqual(['received']);
    const ceo = milestonesOf(filed('ceo_office'), fresh);
    expect(ceo.map((m) => [m.kind, m.hoursSinceFiling])).toEqual([
      ['received', null],
      ['reached_ceo_office', 0],
    ]);
    expect(ceo[0]).toMatchObject({ project: 'SH-PUDONG-07', region: 'east-china', category: 'delivery' });
  });

  it('meets a target on time unless that target was breached before', () => {
    const acknowledged = envelope(2, 'ComplaintAcknowledged', { acknowledgedAt: '2026-11-25T02:30:00.000Z' });
    expect(milestonesOf(acknowledged, known)).toEqual([
      expect.objectContaining({
        kind: 'acknowledged',
        slaTarget: 'acknowledgement',
        withinSla: true,
        hoursSinceFiling: 1.5,
      }),
    ]);
    const late = milestonesOf(acknowledged, { ...known, breachedTargets: ['acknowledgement'] });
    expect(late[0].withinSla).toBe(false);
    const otherBreach = milestonesOf(acknowledged, { ...known, breachedTargets: ['resolution'] });
    expect(otherBreach[0].withinSla).toBe(true);
  });

  it('counts only the first response, every resolution with its hours, and each reopening', () => {
    const responded = (firstResponse: boolean) =>
      envelope(3, 'ComplaintResponded', { channel: 'phone', firstResponse, respondedAt: filedAt });
    expect(milestonesOf(responded(true), known).map((m) => m.kind)).toEqual(['first_response']);
    expect(milestonesOf(responded(false), known)).toEqual([]);
    const resolved = envelope(4, 'ComplaintResolved', { outcome: 'repaired', resolvedAt: '2026-11-26T01:00:00.000Z' });
    expect(milestonesOf(resolved, known)[0]).toMatchObject({ kind: 'resolved', hoursSinceFiling: 24, withinSla: true });
    const reopened = envelope(5, 'ComplaintReopened', { reason: 'r', reopenedAt: filedAt });
    expect(milestonesOf(reopened, known).map((m) => m.kind)).toEqual(['reopened']);
  });

  it('counts reaching the CEO office once, however often the complaint climbs back', () => {
    const toCeo = envelope(6, 'ComplaintEscalated', {
      fromLevel: 'group_service',
      toLevel: 'ceo_office',
      reason: 'r',
      escalatedAt: filedAt,
    });
    expect(milestonesOf(toCeo, known).map((m) => m.kind)).toEqual(['reached_ceo_office']);
    expect(milestonesOf(toCeo, { ...known, reachedCeoOffice: true })).toEqual([]);
    const toRegion = envelope(6, 'ComplaintEscalated', {
      fromLevel: 'project',
      toLevel: 'region',
      reason: 'r',
      escalatedAt: filedAt,
    });
    expect(milestonesOf(toRegion, known)).toEqual([]);
  });

  it('records breaches with their target and closures with the satisfaction', () => {
    const breached = envelope(7, 'ComplaintSlaBreached', {
      target: 'first_response',
      deadline: filedAt,
      escalationLevel: 'frontline',
      breachedAt: filedAt,
    });
    expect(milestonesOf(breached, known)[0]).toMatchObject({ kind: 'sla_breached', slaTarget: 'first_response' });
    const closed = envelope(8, 'ComplaintClosed', { satisfaction: 5, closedAt: filedAt });
    expect(milestonesOf(closed, known)[0]).toMatchObject({ kind: 'closed', satisfaction: 5 });
  });

  it('marks nothing for a complaint whose filing it has not seen, nor for events it does not count', () => {
    expect(milestonesOf(envelope(2, 'ComplaintAcknowledged', { acknowledgedAt: filedAt }), fresh)).toEqual([]);
    expect(milestonesOf(envelope(2, 'ComplaintAssigned', { handlerId: 'h', previousHandlerId: null }), known)).toEqual(
      [],
    );
  });
});
