import { EventValidator } from '@cx/contracts';
import { spec } from '@cx/testing';
import type { FileComplaint } from './complaint.commands';
import { complaintDecider } from './complaint.decider';
import {
  ComplaintAlreadyFiled,
  ComplaintAlreadyResolved,
  ComplaintAtTopOfLadder,
  ComplaintNotFound,
} from './complaint.errors';
import type { ComplaintEvent } from './complaint.events';

const complaintId = '0f8e3f5e-8a8e-4c55-9a55-6f2b0c7d1a11';
const now = new Date('2026-11-25T08:00:00.000Z');
const later = new Date('2026-11-25T10:30:00.000Z');

const file: FileComplaint = {
  type: 'FileComplaint',
  complaintId,
  customerId: 'subj_7Hq2kLm9Xa',
  project: 'SH-PUDONG-07',
  region: 'east-china',
  category: 'housing_quality',
  severity: 'high',
  channel: 'hotline',
  now,
};

const filedAt = (level: 'frontline' | 'ceo_office', channel = file.channel): ComplaintEvent => ({
  type: 'ComplaintFiled',
  data: {
    complaintId,
    customerId: file.customerId,
    project: file.project,
    region: file.region,
    category: file.category,
    severity: file.severity,
    channel,
    escalationLevel: level,
    filedAt: now.toISOString(),
  },
});

const escalated = (fromLevel: string, toLevel: string): ComplaintEvent =>
  ({
    type: 'ComplaintEscalated',
    data: { complaintId, fromLevel, toLevel, reason: 'No response in 48h', escalatedAt: later.toISOString() },
  }) as ComplaintEvent;

const escalate = { type: 'EscalateComplaint' as const, complaintId, reason: 'No response in 48h', now: later };
const resolve = { type: 'ResolveComplaint' as const, complaintId, outcome: 'repaired' as const, now: later };
const resolved: ComplaintEvent = {
  type: 'ComplaintResolved',
  data: { complaintId, outcome: 'repaired', resolvedAt: later.toISOString() },
};

describe('Complaint', () => {
  describe('when not filed', () => {
    it('files a hotline complaint at the frontline', () => {
      spec(complaintDecider)
        .given([])
        .when(file)
        .then([filedAt('frontline')]);
    });

    it('files a CEO direct complaint straight at the CEO office', () => {
      spec(complaintDecider)
        .given([])
        .when({ ...file, channel: 'ceo_direct' })
        .then([filedAt('ceo_office', 'ceo_direct')]);
    });

    it('cannot be escalated', () => {
      spec(complaintDecider).given([]).when(escalate).thenThrows(ComplaintNotFound, { complaintId });
    });

    it('cannot be resolved', () => {
      spec(complaintDecider).given([]).when(resolve).thenThrows(ComplaintNotFound);
    });
  });

  describe('when open', () => {
    it('refuses to be filed twice, naming its state', () => {
      spec(complaintDecider)
        .given([filedAt('frontline')])
        .when(file)
        .thenThrows(ComplaintAlreadyFiled, { currentState: 'open' });
    });

    it('escalates one level up the ladder with the reason', () => {
      spec(complaintDecider)
        .given([filedAt('frontline')])
        .when(escalate)
        .then([escalated('frontline', 'project')]);
    });

    it('climbs the whole ladder to the CEO office', () => {
      spec(complaintDecider)
        .given([
          filedAt('frontline'),
          escalated('frontline', 'project'),
          escalated('project', 'region'),
          escalated('region', 'group_service'),
        ])
        .when(escalate)
        .then([escalated('group_service', 'ceo_office')]);
    });

    it('refuses to escalate past the CEO office', () => {
      spec(complaintDecider)
        .given([filedAt('ceo_office', 'ceo_direct')])
        .when(escalate)
        .thenThrows(ComplaintAtTopOfLadder, { currentLevel: 'ceo_office', currentState: 'open' });
    });

    it('resolves with an outcome', () => {
      spec(complaintDecider)
        .given([filedAt('frontline')])
        .when(resolve)
        .then([resolved]);
    });
  });

  describe('when resolved', () => {
    it('refuses a second resolution, naming its state', () => {
      spec(complaintDecider)
        .given([filedAt('frontline'), resolved])
        .when(resolve)
        .thenThrows(ComplaintAlreadyResolved, { currentState: 'resolved' });
    });

    it('refuses escalation', () => {
      spec(complaintDecider)
        .given([filedAt('frontline'), resolved])
        .when(escalate)
        .thenThrows(ComplaintAlreadyResolved);
    });
  });

  describe('its events', () => {
    it('match the published JSON Schemas', () => {
      const validator = new EventValidator();
      const events = [filedAt('frontline'), escalated('frontline', 'project'), resolved];
      for (const [i, event] of events.entries()) {
        const result = validator.validate({
          id: '6a1f7c1e-2b1d-4f3a-9a0e-1c2d3e4f5a6b',
          type: event.type,
          schemaVersion: 1,
          streamId: complaintId,
          streamType: 'Complaint',
          streamVersion: i + 1,
          position: String(i + 1),
          occurredAt: now.toISOString(),
          correlationId: 'c-1',
          causationId: null,
          actor: { type: 'user', id: 'u-1' },
          data: event.data,
        });
        expect(result).toMatchObject({ valid: true });
      }
    });

    it('reject a customer named instead of a subject id', () => {
      const event = filedAt('frontline');
      const result = new EventValidator().validate({
        id: '6a1f7c1e-2b1d-4f3a-9a0e-1c2d3e4f5a6b',
        type: event.type,
        schemaVersion: 1,
        streamId: complaintId,
        streamType: 'Complaint',
        streamVersion: 1,
        position: '1',
        occurredAt: now.toISOString(),
        correlationId: 'c-1',
        causationId: null,
        actor: { type: 'user', id: 'u-1' },
        data: { ...event.data, customerId: '+86 138 0000 0000' },
      });
      expect(result).toMatchObject({ valid: false });
    });
  });
});
