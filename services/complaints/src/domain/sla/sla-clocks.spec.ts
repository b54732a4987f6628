import { spec } from '@cx/testing';
import type { ComplaintCommand } from '../complaint.commands';
import { createComplaintDecider } from '../complaint.decider';
import { ComplaintClockConflict } from '../complaint.errors';
import type { ComplaintEvent } from '../complaint.events';
import { DEFAULT_SLA_POLICY, SlaPolicy } from './sla-policy';

// Business hours Mon-Fri 09:00-18:00 Beijing; housing_quality counts business hours, maintenance calendar hours.
const policy: SlaPolicy = DEFAULT_SLA_POLICY;
const decider = createComplaintDecider(policy);
const complaintId = '0f8e3f5e-8a8e-4c55-9a55-6f2b0c7d1a11';
const beijing = (local: string) => new Date(`${local}+08:00`);
const filedAt = beijing('2026-11-25T10:00:00'); // a Wednesday

const filed = (
  severity: 'high' | 'critical' = 'high',
  category = 'housing_quality',
  level = 'frontline',
): ComplaintEvent =>
  ({
    type: 'ComplaintFiled',
    data: {
      complaintId,
      customerId: 'subj_7Hq2kLm9Xa',
      project: 'SH-PUDONG-07',
      region: 'east-china',
      category,
      severity,
      channel: 'hotline',
      escalationLevel: level,
      filedAt: filedAt.toISOString(),
    },
  }) as ComplaintEvent;
const check = (now: Date): ComplaintCommand => ({ type: 'CheckSlaClocks', complaintId, now });
const iso = (d: Date) => d.toISOString();

describe('SLA clocks', () => {
  describe('when a high housing-quality complaint (2 business hours to acknowledge) is registered', () => {
    it('raises nothing before 75% of the target', () => {
      spec(decider)
        .given([filed()])
        .when(check(beijing('2026-11-25T11:29:00')))
        .then([]);
    });

    it('flags acknowledgement at risk at 75% of the target', () => {
      const now = beijing('2026-11-25T11:30:00');
      spec(decider)
        .given([filed()])
        .when(check(now))
        .then([
          {
            type: 'ComplaintSlaAtRisk',
            data: {
              complaintId,
              target: 'acknowledgement',
              deadline: iso(beijing('2026-11-25T12:00:00')),
              raisedAt: iso(now),
            },
          },
        ]);
    });

    it('breaches at the deadline and escalates one level, with the target in the reason', () => {
      const now = beijing('2026-11-25T12:00:00');
      spec(decider)
        .given([filed()])
        .when(check(now))
        .then([
          {
            type: 'ComplaintSlaBreached',
            data: {
              complaintId,
              target: 'acknowledgement',
              deadline: iso(now),
              escalationLevel: 'frontline',
              breachedAt: iso(now),
            },
          },
          {
            type: 'ComplaintEscalated',
            data: {
              complaintId,
              fromLevel: 'frontline',
              toLevel: 'project',
              reason: 'SLA breach: acknowledgement target of 2 business hours missed',
              escalatedAt: iso(now),
            },
          },
        ]);
    });

    it('counts business hours: filed Friday 17:00, the 2-hour deadline is Monday 10:00', () => {
      const friday = {
        ...filed(),
        data: { ...(filed().data as object), filedAt: iso(beijing('2026-11-27T17:00:00')) },
      } as ComplaintEvent;
      spec(decider)
        .given([friday])
        .when(check(beijing('2026-11-30T09:59:00')))
        .then([
          {
            type: 'ComplaintSlaAtRisk',
            data: {
              complaintId,
              target: 'acknowledgement',
              deadline: iso(beijing('2026-11-30T10:00:00')),
              raisedAt: iso(beijing('2026-11-30T09:59:00')),
            },
          },
        ]);
    });

    it('raises each alert once', () => {
      const now = beijing('2026-11-25T12:00:00');
      const breached: ComplaintEvent[] = [
        {
          type: 'ComplaintSlaBreached',
          data: {
            complaintId,
            target: 'acknowledgement',
            deadline: iso(now),
            escalationLevel: 'frontline',
            breachedAt: iso(now),
          },
        },
        {
          type: 'ComplaintEscalated',
          data: { complaintId, fromLevel: 'frontline', toLevel: 'project', reason: 'x', escalatedAt: iso(now) },
        },
      ];
      spec(decider)
        .given([filed(), ...breached])
        .when(check(beijing('2026-11-25T12:30:00')))
        .then([]);
    });

    it('stops the acknowledgement clock once acknowledged', () => {
      const acknowledged: ComplaintEvent = {
        type: 'ComplaintAcknowledged',
        data: { complaintId, acknowledgedAt: iso(filedAt) },
      };
      spec(decider)
        .given([filed(), acknowledged])
        .when(check(beijing('2026-11-25T12:30:00')))
        .then([]);
    });
  });

  it('records a breach the scheduler has not seen yet before a late acknowledgement', () => {
    const now = beijing('2026-11-25T12:01:00');
    spec(decider)
      .given([filed()])
      .when({ type: 'AcknowledgeComplaint', complaintId, now })
      .then([
        {
          type: 'ComplaintSlaBreached',
          data: {
            complaintId,
            target: 'acknowledgement',
            deadline: iso(beijing('2026-11-25T12:00:00')),
            escalationLevel: 'frontline',
            breachedAt: iso(now),
          },
        },
        {
          type: 'ComplaintEscalated',
          data: {
            complaintId,
            fromLevel: 'frontline',
            toLevel: 'project',
            reason: 'SLA breach: acknowledgement target of 2 business hours missed',
            escalatedAt: iso(now),
          },
        },
        { type: 'ComplaintAcknowledged', data: { complaintId, acknowledgedAt: iso(now) } },
      ]);
  });

  it('decides the command on the escalated complaint: a manual escalation goes one level further', () => {
    const now = beijing('2026-11-25T12:01:00');
    spec(decider)
      .given([filed()])
      .when({ type: 'EscalateComplaint', complaintId, reason: 'customer called the CEO line', now })
      .then([
        expect.objectContaining({ type: 'ComplaintSlaBreached' }),
        expect.objectContaining({ type: 'ComplaintEscalated', data: expect.objectContaining({ toLevel: 'project' }) }),
        expect.objectContaining({
          type: 'ComplaintEscalated',
          data: expect.objectContaining({ fromLevel: 'project', toLevel: 'region' }),
        }),
      ]);
  });

  describe('when critical', () => {
    it('runs on calendar hours and a breach goes straight to the CEO office', () => {
      const now = new Date(filedAt.getTime() + 3_600_000);
      spec(decider)
        .given([filed('critical')])
        .when(check(now))
        .then([
          {
            type: 'ComplaintSlaBreached',
            data: {
              complaintId,
              target: 'acknowledgement',
              deadline: iso(now),
              escalationLevel: 'frontline',
              breachedAt: iso(now),
            },
          },
          {
            type: 'ComplaintEscalated',
            data: {
              complaintId,
              fromLevel: 'frontline',
              toLevel: 'ceo_office',
              reason: 'SLA breach: acknowledgement target of 1 calendar hours missed',
              escalatedAt: iso(now),
            },
          },
        ]);
    });

    it('records a breach without escalating when already at the CEO office', () => {
      const now = new Date(filedAt.getTime() + 3_600_000);
      spec(decider)
        .given([filed('critical', 'housing_quality', 'ceo_office')])
        .when(check(now))
        .then([
          {
            type: 'ComplaintSlaBreached',
            data: {
              complaintId,
              target: 'acknowledgement',
              deadline: iso(now),
              escalationLevel: 'ceo_office',
              breachedAt: iso(now),
            },
          },
        ]);
    });
  });

  describe('when paused while waiting for the customer', () => {
    const paused: ComplaintEvent = {
      type: 'ComplaintClockPaused',
      data: { complaintId, reason: 'awaiting_customer', pausedAt: iso(beijing('2026-11-25T10:30:00')) },
    };
    const resumed: ComplaintEvent = {
      type: 'ComplaintClockResumed',
      data: { complaintId, resumedAt: iso(beijing('2026-11-25T14:30:00')) },
    };

    it('raises nothing while paused, however late', () => {
      spec(decider)
        .given([filed(), paused])
        .when(check(beijing('2026-12-01T12:00:00')))
        .then([]);
    });

    it('moves the deadlines by the paused time once resumed', () => {
      spec(decider)
        .given([filed(), paused, resumed])
        .when(check(beijing('2026-11-25T15:59:00')))
        .then([
          {
            type: 'ComplaintSlaAtRisk',
            data: {
              complaintId,
              target: 'acknowledgement',
              deadline: iso(beijing('2026-11-25T16:00:00')),
              raisedAt: iso(beijing('2026-11-25T15:59:00')),
            },
          },
        ]);
    });

    it('refuses a second pause and a resume of running clocks', () => {
      spec(decider)
        .given([filed(), paused])
        .when({ type: 'PauseClock', complaintId, reason: 'awaiting_customer', now: filedAt })
        .thenThrows(ComplaintClockConflict, { clock: 'paused' });
      spec(decider)
        .given([filed()])
        .when({ type: 'ResumeClock', complaintId, now: filedAt })
        .thenThrows(ComplaintClockConflict, { clock: 'running' });
    });
  });

  it('checks nothing on a resolved complaint', () => {
    const assigned: ComplaintEvent = {
      type: 'ComplaintAssigned',
      data: { complaintId, handlerId: 's', previousHandlerId: null, assignedAt: iso(filedAt) },
    };
    const resolved: ComplaintEvent = {
      type: 'ComplaintResolved',
      data: { complaintId, outcome: 'repaired', resolvedAt: iso(filedAt) },
    };
    spec(decider)
      .given([filed(), assigned, resolved])
      .when(check(beijing('2026-12-25T12:00:00')))
      .then([]);
  });
});
