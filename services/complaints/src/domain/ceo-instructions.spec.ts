import { spec } from '@cx/testing';
import type { ComplaintCommand } from './complaint.commands';
import { createComplaintDecider } from './complaint.decider';
import {
  CeoInstructionConflict,
  CeoInstructionNotFound,
  ComplaintNotAtCeoOffice,
  ComplaintRuleViolated,
  NotTheAccountableOwner,
} from './complaint.errors';
import type { ComplaintEvent } from './complaint.events';
import { DEFAULT_SLA_POLICY } from './sla/sla-policy';
import { fold } from '@cx/domain';

const decider = createComplaintDecider(DEFAULT_SLA_POLICY);
const complaintId = '0f8e3f5e-8a8e-4c55-9a55-6f2b0c7d1a11';
const instructionId = '9d8c7b6a-5f4e-4d3c-8b2a-1f0e9d8c7b6a';
const now = new Date('2026-11-25T10:00:00.000Z');
const t = now.toISOString();
const dueAt = new Date('2026-11-27T10:00:00.000Z');

const filed = (channel: 'ceo_direct' | 'hotline'): ComplaintEvent => ({
  type: 'ComplaintFiled',
  data: {
    complaintId,
    customerId: 'subj_7Hq2kLm9Xa',
    project: 'SH-PUDONG-07',
    region: 'east-china',
    category: 'delivery',
    severity: 'high',
    channel,
    escalationLevel: channel === 'ceo_direct' ? 'ceo_office' : 'frontline',
    filedAt: t,
  },
});
const issue = (
  overrides: Partial<Extract<ComplaintCommand, { type: 'IssueCeoInstruction' }>> = {},
): ComplaintCommand => ({
  type: 'IssueCeoInstruction',
  complaintId,
  instructionId,
  ownerId: 'regional-director-east',
  ownerLevel: 'region',
  dueAt,
  note: 'Visit the customer with the site manager and agree a handover date.',
  now,
  ...overrides,
});
const issued: ComplaintEvent = {
  type: 'CeoInstructionIssued',
  data: {
    complaintId,
    instructionId,
    ownerId: 'regional-director-east',
    ownerLevel: 'region',
    dueAt: dueAt.toISOString(),
    note: 'Visit the customer with the site manager and agree a handover date.',
    issuedAt: t,
  },
};
const reported: ComplaintEvent = {
  type: 'CeoInstructionReported',
  data: { complaintId, instructionId, report: 'Visited; handover agreed for 1 December.', reportedAt: t },
};
const report = (reporterId = 'regional-director-east'): ComplaintCommand => ({
  type: 'ReportOnCeoInstruction',
  complaintId,
  instructionId,
  reporterId,
  report: 'Visited; handover agreed for 1 December.',
  now,
});

describe('CEO office instructions', () => {
  describe('when a complaint is at the CEO office', () => {
    it('instructs an accountable owner below it', () => {
      spec(decider)
        .given([filed('ceo_direct')])
        .when(issue())
        .then([issued]);
    });

    it('refuses an instruction to its own level, naming the field', () => {
      spec(decider)
        .given([filed('ceo_direct')])
        .when(issue({ ownerLevel: 'ceo_office' }))
        .thenThrows(ComplaintRuleViolated, { field: 'ownerLevel' });
    });

    it('refuses a due date in the past', () => {
      spec(decider)
        .given([filed('ceo_direct')])
        .when(issue({ dueAt: new Date('2026-11-24T10:00:00.000Z') }))
        .thenThrows(ComplaintRuleViolated, { field: 'dueAt' });
    });

    it('refuses a second instruction while one is unfinished', () => {
      spec(decider)
        .given([filed('ceo_direct'), issued])
        .when(issue())
        .thenThrows(CeoInstructionConflict, { currentState: 'open' });
    });
  });

  it('refuses to instruct on a complaint that has not reached the CEO office', () => {
    spec(decider)
      .given([filed('hotline')])
      .when(issue())
      .thenThrows(ComplaintNotAtCeoOffice, { currentLevel: 'frontline' });
  });

  describe('when instructed', () => {
    it('takes the owner’s report', () => {
      spec(decider)
        .given([filed('ceo_direct'), issued])
        .when(report())
        .then([reported]);
    });

    it('refuses a report from anyone but the owner', () => {
      spec(decider)
        .given([filed('ceo_direct'), issued])
        .when(report('someone-else'))
        .thenThrows(NotTheAccountableOwner);
    });

    it('cannot be accepted before the owner reported', () => {
      spec(decider)
        .given([filed('ceo_direct'), issued])
        .when({ type: 'AcceptCeoReport', complaintId, instructionId, now })
        .thenThrows(CeoInstructionConflict, { currentState: 'open' });
    });

    it('answers not found for an unknown instruction', () => {
      spec(decider)
        .given([filed('ceo_direct'), issued])
        .when({ type: 'AcceptCeoReport', complaintId, instructionId: '00000000-0000-4000-8000-000000000000', now })
        .thenThrows(CeoInstructionNotFound);
    });
  });

  describe('when reported', () => {
    it('is accepted, and a new instruction may follow', () => {
      const accepted: ComplaintEvent = {
        type: 'CeoInstructionAccepted',
        data: { complaintId, instructionId, acceptedAt: t },
      };
      spec(decider)
        .given([filed('ceo_direct'), issued, reported])
        .when({ type: 'AcceptCeoReport', complaintId, instructionId, now })
        .then([accepted]);
      const second = '1e2d3c4b-5a69-4788-9766-554433221100';
      spec(decider)
        .given([filed('ceo_direct'), issued, reported, accepted])
        .when(issue({ instructionId: second }))
        .then([{ ...issued, data: { ...(issued.data as object), instructionId: second } } as ComplaintEvent]);
    });

    it('is sent back with a reason, and the owner reports again', () => {
      const sentBack: ComplaintEvent = {
        type: 'CeoInstructionSentBack',
        data: { complaintId, instructionId, reason: 'Agree a date in writing', sentBackAt: t },
      };
      spec(decider)
        .given([filed('ceo_direct'), issued, reported])
        .when({ type: 'SendBackCeoReport', complaintId, instructionId, reason: 'Agree a date in writing', now })
        .then([sentBack]);
      spec(decider)
        .given([filed('ceo_direct'), issued, reported, sentBack])
        .when(report())
        .then([reported]);
    });
  });

  it('keeps every step in the instruction’s trail and counts hand-offs', () => {
    const escalated = (fromLevel: string, toLevel: string) =>
      ({
        type: 'ComplaintEscalated',
        data: { complaintId, fromLevel, toLevel, reason: 'late', escalatedAt: t },
      }) as ComplaintEvent;
    const reassigned: ComplaintEvent = {
      type: 'ComplaintAssigned',
      data: { complaintId, handlerId: 'b', previousHandlerId: 'a', assignedAt: t },
    };
    const firstAssignment: ComplaintEvent = {
      type: 'ComplaintAssigned',
      data: { complaintId, handlerId: 'a', previousHandlerId: null, assignedAt: t },
    };
    const state = fold(decider, [
      filed('hotline'),
      firstAssignment,
      escalated('frontline', 'project'),
      reassigned,
      escalated('project', 'region'),
      escalated('region', 'group_service'),
      escalated('group_service', 'ceo_office'),
      issued,
      reported,
    ]);
    if (state.status === 'not_filed') throw new Error('filed expected');
    expect(state.handOffs).toBe(6);
    expect(state.ceoInstructions[0].steps.map((s) => s.step)).toEqual(['issued', 'reported']);
  });
});
