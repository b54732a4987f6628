import { EventValidator } from '@cx/contracts';
import { spec } from '@cx/testing';
import type { ComplaintCommand, FileComplaint } from './complaint.commands';
import { createComplaintDecider } from './complaint.decider';
import {
  ComplaintAtBottomOfLadder,
  ComplaintAtTopOfLadder,
  ComplaintNotAssigned,
  ComplaintNotFound,
  ComplaintRuleViolated,
  ComplaintTransitionNotAllowed,
} from './complaint.errors';
import type { ComplaintEvent } from './complaint.events';
import { DEFAULT_SLA_POLICY } from './sla/sla-policy';

const complaintDecider = createComplaintDecider(DEFAULT_SLA_POLICY);

const complaintId = '0f8e3f5e-8a8e-4c55-9a55-6f2b0c7d1a11';
const filedTime = new Date('2026-11-25T08:00:00.000Z');
const now = new Date('2026-11-25T09:00:00.000Z');
const t = now.toISOString();
const on = { complaintId, now };

const file: FileComplaint = {
  type: 'FileComplaint',
  complaintId,
  customerId: 'subj_7Hq2kLm9Xa',
  project: 'SH-PUDONG-07',
  region: 'east-china',
  category: 'housing_quality',
  severity: 'high',
  channel: 'hotline',
  now: filedTime,
};

const filed = (channel: FileComplaint['channel'] = 'hotline'): ComplaintEvent => ({
  type: 'ComplaintFiled',
  data: {
    complaintId,
    customerId: file.customerId,
    project: file.project,
    region: file.region,
    category: file.category,
    severity: file.severity,
    channel,
    escalationLevel: channel === 'ceo_direct' ? 'ceo_office' : 'frontline',
    filedAt: filedTime.toISOString(),
  },
});
const acknowledged: ComplaintEvent = { type: 'ComplaintAcknowledged', data: { complaintId, acknowledgedAt: t } };
const assigned = (handlerId = 'staff-1', previousHandlerId: string | null = null): ComplaintEvent => ({
  type: 'ComplaintAssigned',
  data: { complaintId, handlerId, previousHandlerId, assignedAt: t },
});
const escalated = (fromLevel: string, toLevel: string) =>
  ({
    type: 'ComplaintEscalated',
    data: { complaintId, fromLevel, toLevel, reason: 'No response in 48h', escalatedAt: t },
  }) as ComplaintEvent;
const resolved: ComplaintEvent = {
  type: 'ComplaintResolved',
  data: { complaintId, outcome: 'repaired', resolvedAt: t },
};
const confirmed: ComplaintEvent = { type: 'ResolutionConfirmed', data: { complaintId, confirmedAt: t } };
const closed: ComplaintEvent = { type: 'ComplaintClosed', data: { complaintId, satisfaction: 4, closedAt: t } };

const inProgress = [filed(), acknowledged, assigned()];
const whenResolved = [...inProgress, resolved];
const whenClosed = [...whenResolved, closed];

const acknowledge: ComplaintCommand = { type: 'AcknowledgeComplaint', ...on };
const assign = (handlerId = 'staff-1'): ComplaintCommand => ({ type: 'AssignComplaint', handlerId, ...on });
const resolve: ComplaintCommand = { type: 'ResolveComplaint', outcome: 'repaired', ...on };
const escalate: ComplaintCommand = { type: 'EscalateComplaint', reason: 'No response in 48h', ...on };
const deEscalate: ComplaintCommand = { type: 'DeEscalateComplaint', reason: 'Handled locally', ...on };
const close = (satisfaction = 4): ComplaintCommand => ({ type: 'CloseComplaint', satisfaction, ...on });
const respond: ComplaintCommand = { type: 'RespondToCustomer', channel: 'phone', ...on };

describe('Complaint', () => {
  describe('when not filed', () => {
    it('files a hotline complaint at the frontline', () => {
      spec(complaintDecider).given([]).when(file).then([filed()]);
    });

    it('files a CEO direct complaint straight at the CEO office', () => {
      spec(complaintDecider)
        .given([])
        .when({ ...file, channel: 'ceo_direct' })
        .then([filed('ceo_direct')]);
    });

    it.each([acknowledge, assign(), resolve, escalate, close()])('refuses $type as not found', (command) => {
      spec(complaintDecider).given([]).when(command).thenThrows(ComplaintNotFound, { complaintId });
    });
  });

  describe('when registered', () => {
    it('refuses to be filed twice, naming its state', () => {
      spec(complaintDecider)
        .given([filed()])
        .when(file)
        .thenThrows(ComplaintTransitionNotAllowed, { currentState: 'registered' });
    });

    it('is acknowledged', () => {
      spec(complaintDecider).given([filed()]).when(acknowledge).then([acknowledged]);
    });

    it('is acknowledged and assigned in one go', () => {
      spec(complaintDecider).given([filed()]).when(assign()).then([acknowledged, assigned()]);
    });

    it('cannot be resolved before a handler is assigned', () => {
      spec(complaintDecider)
        .given([filed()])
        .when(resolve)
        .thenThrows(ComplaintNotAssigned, { currentState: 'registered' });
    });

    it('marks the first response, acknowledging on the way', () => {
      spec(complaintDecider)
        .given([filed()])
        .when(respond)
        .then([
          acknowledged,
          { type: 'ComplaintResponded', data: { complaintId, channel: 'phone', firstResponse: true, respondedAt: t } },
        ]);
    });
  });

  describe('when acknowledged', () => {
    it('refuses a second acknowledgement, naming its state', () => {
      spec(complaintDecider)
        .given([filed(), acknowledged])
        .when(acknowledge)
        .thenThrows(ComplaintTransitionNotAllowed, { currentState: 'acknowledged', allowedStates: ['registered'] });
    });

    it('cannot be resolved without a handler', () => {
      spec(complaintDecider).given([filed(), acknowledged]).when(resolve).thenThrows(ComplaintNotAssigned);
    });
  });

  describe('when in progress', () => {
    it('is reassigned to another handler, naming the previous one', () => {
      spec(complaintDecider)
        .given(inProgress)
        .when(assign('staff-2'))
        .then([assigned('staff-2', 'staff-1')]);
    });

    it('changes nothing when assigned to its own handler again', () => {
      spec(complaintDecider).given(inProgress).when(assign('staff-1')).then([]);
    });

    it('records contacts with the customer', () => {
      const contactedAt = new Date('2026-11-25T09:00:00.000Z');
      spec(complaintDecider)
        .given(inProgress)
        .when({
          type: 'RecordCustomerContact',
          direction: 'outbound',
          channel: 'phone',
          outcome: 'reached',
          contactedAt,
          ...on,
        })
        .then([
          {
            type: 'CustomerContactRecorded',
            data: {
              complaintId,
              direction: 'outbound',
              channel: 'phone',
              outcome: 'reached',
              contactedAt: contactedAt.toISOString(),
            },
          },
        ]);
    });

    it('refuses a contact in the future, naming the field', () => {
      spec(complaintDecider)
        .given(inProgress)
        .when({
          type: 'RecordCustomerContact',
          direction: 'inbound',
          channel: 'phone',
          outcome: 'reached',
          contactedAt: new Date(now.getTime() + 60_000),
          ...on,
        })
        .thenThrows(ComplaintRuleViolated, { field: 'contactedAt' });
    });

    it('marks later responses as not the first', () => {
      const first: ComplaintEvent = {
        type: 'ComplaintResponded',
        data: { complaintId, channel: 'sms', firstResponse: true, respondedAt: t },
      };
      spec(complaintDecider)
        .given([...inProgress, first])
        .when(respond)
        .then([
          { type: 'ComplaintResponded', data: { complaintId, channel: 'phone', firstResponse: false, respondedAt: t } },
        ]);
    });

    it('is resolved with an outcome', () => {
      spec(complaintDecider).given(inProgress).when(resolve).then([resolved]);
    });

    it('escalates one level up the ladder with the reason', () => {
      spec(complaintDecider)
        .given(inProgress)
        .when(escalate)
        .then([escalated('frontline', 'project')]);
    });

    it('climbs the whole ladder to the CEO office', () => {
      spec(complaintDecider)
        .given([
          ...inProgress,
          escalated('frontline', 'project'),
          escalated('project', 'region'),
          escalated('region', 'group_service'),
        ])
        .when(escalate)
        .then([escalated('group_service', 'ceo_office')]);
    });

    it('refuses to escalate past the CEO office', () => {
      spec(complaintDecider)
        .given([filed('ceo_direct')])
        .when(escalate)
        .thenThrows(ComplaintAtTopOfLadder, { currentLevel: 'ceo_office', currentState: 'registered' });
    });

    it('de-escalates one level with a reason', () => {
      spec(complaintDecider)
        .given([...inProgress, escalated('frontline', 'project')])
        .when(deEscalate)
        .then([
          {
            type: 'ComplaintDeEscalated',
            data: {
              complaintId,
              fromLevel: 'project',
              toLevel: 'frontline',
              reason: 'Handled locally',
              deEscalatedAt: t,
            },
          },
        ]);
    });

    it('refuses to de-escalate below the frontline', () => {
      spec(complaintDecider)
        .given(inProgress)
        .when(deEscalate)
        .thenThrows(ComplaintAtBottomOfLadder, { currentLevel: 'frontline' });
    });

    it('changes severity with a reason', () => {
      spec(complaintDecider)
        .given(inProgress)
        .when({ type: 'ChangeSeverity', severity: 'critical', reason: 'Water reaches the electrics', ...on })
        .then([
          {
            type: 'ComplaintSeverityChanged',
            data: {
              complaintId,
              fromSeverity: 'high',
              toSeverity: 'critical',
              reason: 'Water reaches the electrics',
              changedAt: t,
            },
          },
        ]);
    });

    it('refuses a severity change to the same severity', () => {
      spec(complaintDecider)
        .given(inProgress)
        .when({ type: 'ChangeSeverity', severity: 'high', reason: 'again', ...on })
        .thenThrows(ComplaintRuleViolated, { field: 'severity' });
    });

    it('adds an attachment reference once per file hash', () => {
      const attach = {
        type: 'AddAttachment' as const,
        attachmentId: '3b1d2c4e-5f60-4718-9a2b-3c4d5e6f7081',
        url: 'https://docs.example.internal/c/photo-1.jpg',
        sha256: 'a'.repeat(64),
        mediaType: 'image/jpeg',
        ...on,
      };
      const added: ComplaintEvent = {
        type: 'ComplaintAttachmentAdded',
        data: {
          complaintId,
          attachmentId: attach.attachmentId,
          url: attach.url,
          sha256: attach.sha256,
          mediaType: 'image/jpeg',
          addedAt: t,
        },
      };
      spec(complaintDecider).given(inProgress).when(attach).then([added]);
      spec(complaintDecider)
        .given([...inProgress, added])
        .when({ ...attach, attachmentId: '4c2e3d5f-6071-4829-8b3c-4d5e6f708192' })
        .then([]);
    });

    it('cannot be closed before it is resolved', () => {
      spec(complaintDecider)
        .given(inProgress)
        .when(close())
        .thenThrows(ComplaintTransitionNotAllowed, { currentState: 'in_progress' });
    });
  });

  describe('when resolved', () => {
    it('is confirmed by the customer', () => {
      spec(complaintDecider)
        .given(whenResolved)
        .when({ type: 'ConfirmResolution', ...on })
        .then([confirmed]);
    });

    it('is rejected by the customer with a reason, and handling resumes with its handler', () => {
      const rejected: ComplaintEvent = {
        type: 'ResolutionRejected',
        data: { complaintId, reason: 'not_fixed', rejectedAt: t },
      };
      spec(complaintDecider)
        .given(whenResolved)
        .when({ type: 'RejectResolution', reason: 'not_fixed', ...on })
        .then([rejected]);
      spec(complaintDecider)
        .given([...whenResolved, rejected])
        .when(resolve)
        .then([resolved]);
    });

    it('refuses a second resolution, naming its state', () => {
      spec(complaintDecider)
        .given(whenResolved)
        .when(resolve)
        .thenThrows(ComplaintTransitionNotAllowed, { currentState: 'resolved' });
    });

    it('refuses escalation', () => {
      spec(complaintDecider)
        .given(whenResolved)
        .when(escalate)
        .thenThrows(ComplaintTransitionNotAllowed, { currentState: 'resolved' });
    });

    it('is closed with the customer satisfaction', () => {
      spec(complaintDecider).given(whenResolved).when(close(4)).then([closed]);
      spec(complaintDecider)
        .given([...whenResolved, confirmed])
        .when(close(4))
        .then([closed]);
    });

    it.each([0, 6, 3.5])('refuses satisfaction %p', (satisfaction) => {
      spec(complaintDecider)
        .given(whenResolved)
        .when(close(satisfaction))
        .thenThrows(ComplaintRuleViolated, { field: 'satisfaction' });
    });
  });

  describe('when closed', () => {
    it('is reopened with a reason, back to its handler', () => {
      const reopened: ComplaintEvent = {
        type: 'ComplaintReopened',
        data: { complaintId, reason: 'Leak is back', reopenedAt: t },
      };
      spec(complaintDecider)
        .given(whenClosed)
        .when({ type: 'ReopenComplaint', reason: 'Leak is back', ...on })
        .then([reopened]);
      spec(complaintDecider)
        .given([...whenClosed, reopened])
        .when(resolve)
        .then([resolved]);
    });

    it.each([acknowledge, assign('staff-9'), resolve, escalate, close(), respond])(
      'refuses $type, naming its state',
      (command) => {
        spec(complaintDecider)
          .given(whenClosed)
          .when(command)
          .thenThrows(ComplaintTransitionNotAllowed, { currentState: 'closed' });
      },
    );
  });

  describe('its events', () => {
    it('all match the published JSON Schemas', () => {
      const validator = new EventValidator();
      const events: ComplaintEvent[] = [
        ...whenClosed,
        escalated('frontline', 'project'),
        confirmed,
        { type: 'ResolutionRejected', data: { complaintId, reason: 'too_slow', rejectedAt: t } },
        { type: 'ComplaintReopened', data: { complaintId, reason: 'Back', reopenedAt: t } },
        {
          type: 'ComplaintDeEscalated',
          data: { complaintId, fromLevel: 'project', toLevel: 'frontline', reason: 'ok', deEscalatedAt: t },
        },
        {
          type: 'ComplaintSeverityChanged',
          data: { complaintId, fromSeverity: 'high', toSeverity: 'low', reason: 'ok', changedAt: t },
        },
        {
          type: 'CustomerContactRecorded',
          data: { complaintId, direction: 'inbound', channel: 'app', outcome: 'reached', contactedAt: t },
        },
        { type: 'ComplaintResponded', data: { complaintId, channel: 'email', firstResponse: true, respondedAt: t } },
        {
          type: 'ComplaintAttachmentAdded',
          data: {
            complaintId,
            attachmentId: '3b1d2c4e-5f60-4718-9a2b-3c4d5e6f7081',
            url: 'https://x.example/a.pdf',
            sha256: 'b'.repeat(64),
            mediaType: 'application/pdf',
            addedAt: t,
          },
        },
      ];
      for (const [i, event] of events.entries()) {
        const result = validator.validate(envelopeOf(event, i + 1));
        expect({ type: event.type, result }).toEqual({
          type: event.type,
          result: expect.objectContaining({ valid: true }),
        });
      }
    });

    it('reject a customer named instead of a subject id', () => {
      const event = filed();
      const result = new EventValidator().validate(
        envelopeOf({ ...event, data: { ...event.data, customerId: '+86 138 0000 0000' } } as ComplaintEvent, 1),
      );
      expect(result).toMatchObject({ valid: false });
    });
  });
});

function envelopeOf(event: ComplaintEvent, streamVersion: number) {
  return {
    id: '6a1f7c1e-2b1d-4f3a-9a0e-1c2d3e4f5a6b',
    type: event.type,
    schemaVersion: 1,
    streamId: complaintId,
    streamType: 'Complaint',
    streamVersion,
    position: String(streamVersion),
    occurredAt: t,
    correlationId: 'c-1',
    causationId: null,
    actor: { type: 'user', id: 'u-1' },
    data: event.data,
  };
}
