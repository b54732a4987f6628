import type { Decider } from '@cx/domain';
import type { ComplaintCommand } from './complaint.commands';
import {
  CeoInstructionConflict,
  CeoInstructionNotFound,
  ComplaintAtBottomOfLadder,
  ComplaintAtTopOfLadder,
  ComplaintClockConflict,
  ComplaintNotAssigned,
  ComplaintNotAtCeoOffice,
  ComplaintNotFound,
  ComplaintRuleViolated,
  ComplaintTransitionNotAllowed,
  NotTheAccountableOwner,
} from './complaint.errors';
import type { ComplaintEvent } from './complaint.events';
import type { CeoInstruction, ComplaintState, ComplaintStatus, Filed, FiledComplaint } from './complaint.state';
import { HANDLING_STATUSES } from './complaint.state';
import { entryLevel, lowerLevel, nextLevel } from './escalation-ladder';
import { alertRaised, slaClocks } from './sla/sla-clocks';
import type { SlaPolicy } from './sla/sla-policy';

const RESOLVED = ['resolved', 'resolution_confirmed'] as const;
const REOPENABLE = ['resolved', 'resolution_confirmed', 'closed'] as const;
const NOT_CLOSED = [...HANDLING_STATUSES, ...RESOLVED] as const;

type In<S extends ComplaintStatus> = Extract<ComplaintState, { status: S }>;

/** The complaint must exist and be in one of the allowed states, or the command is refused naming the state. */
function requireState<S extends ComplaintStatus>(
  state: ComplaintState,
  command: ComplaintCommand,
  allowed: readonly S[],
): In<S> {
  if (state.status === 'not_filed') throw new ComplaintNotFound(command.complaintId);
  if (!(allowed as readonly ComplaintStatus[]).includes(state.status)) {
    throw new ComplaintTransitionNotAllowed(command.complaintId, command.type, state.status, allowed);
  }
  return state as In<S>;
}

const at = (command: { now: Date }) => command.now.toISOString();

export type ComplaintDecider = Decider<ComplaintCommand, ComplaintEvent, ComplaintState>;

/** The complaint's rules under a given SLA policy (the policy is configuration, so it is passed in). */
export function createComplaintDecider(policy: SlaPolicy): ComplaintDecider {
  return {
    initialState: () => ({ status: 'not_filed' }),
    decide: (command, state) => decide(command, state, policy),
    evolve,
  };
}

/**
 * A deadline that passed before the scheduler's next look is still a breach: a command on a complaint in
 * handling first raises the alerts due at its time, so a late acknowledgement never reads as on time.
 */
function decide(command: ComplaintCommand, state: ComplaintState, policy: SlaPolicy): ComplaintEvent[] {
  const inHandling = state.status !== 'not_filed' && (HANDLING_STATUSES as readonly string[]).includes(state.status);
  if (!inHandling || command.type === 'CheckSlaClocks') return decideCommand(command, state, policy);
  const alerts = slaAlertsDue(state as FiledComplaint, policy, command.now);
  if (alerts.length === 0) return decideCommand(command, state, policy);
  return [...alerts, ...decideCommand(command, alerts.reduce(evolve, state), policy)];
}

function decideCommand(command: ComplaintCommand, state: ComplaintState, policy: SlaPolicy): ComplaintEvent[] {
  const complaintId = command.complaintId;
  switch (command.type) {
    case 'FileComplaint': {
      if (state.status !== 'not_filed') {
        throw new ComplaintTransitionNotAllowed(complaintId, command.type, state.status, ['not_filed']);
      }
      const { type: _type, now: _now, ...details } = command;
      return [
        {
          type: 'ComplaintFiled',
          data: { ...details, escalationLevel: entryLevel(command.channel), filedAt: at(command) },
        },
      ];
    }
    case 'AcknowledgeComplaint':
      requireState(state, command, ['registered']);
      return [{ type: 'ComplaintAcknowledged', data: { complaintId, acknowledgedAt: at(command) } }];

    case 'AssignComplaint': {
      const current = requireState(state, command, HANDLING_STATUSES);
      if (current.handlerId === command.handlerId) return [];
      return [
        ...acknowledgedIfNeeded(current, command.now),
        {
          type: 'ComplaintAssigned',
          data: {
            complaintId,
            handlerId: command.handlerId,
            previousHandlerId: current.handlerId,
            assignedAt: at(command),
          },
        },
      ];
    }
    case 'RecordCustomerContact': {
      requireState(state, command, NOT_CLOSED);
      notInTheFuture(command.contactedAt, command, 'contactedAt');
      const { direction, channel, outcome } = command;
      return [
        {
          type: 'CustomerContactRecorded',
          data: { complaintId, direction, channel, outcome, contactedAt: command.contactedAt.toISOString() },
        },
      ];
    }
    case 'RespondToCustomer': {
      const current = requireState(state, command, HANDLING_STATUSES);
      return [
        ...acknowledgedIfNeeded(current, command.now),
        {
          type: 'ComplaintResponded',
          data: {
            complaintId,
            channel: command.channel,
            firstResponse: current.firstRespondedAt === null,
            respondedAt: at(command),
          },
        },
      ];
    }
    case 'ResolveComplaint': {
      const current = requireState(state, command, HANDLING_STATUSES);
      if (current.status !== 'in_progress') throw new ComplaintNotAssigned(complaintId, current.status);
      return [{ type: 'ComplaintResolved', data: { complaintId, outcome: command.outcome, resolvedAt: at(command) } }];
    }
    case 'ConfirmResolution':
      requireState(state, command, ['resolved']);
      return [{ type: 'ResolutionConfirmed', data: { complaintId, confirmedAt: at(command) } }];

    case 'RejectResolution':
      requireState(state, command, ['resolved']);
      return [{ type: 'ResolutionRejected', data: { complaintId, reason: command.reason, rejectedAt: at(command) } }];

    case 'ReopenComplaint':
      requireState(state, command, REOPENABLE);
      return [{ type: 'ComplaintReopened', data: { complaintId, reason: command.reason, reopenedAt: at(command) } }];

    case 'CloseComplaint':
      requireState(state, command, RESOLVED);
      if (!Number.isInteger(command.satisfaction) || command.satisfaction < 1 || command.satisfaction > 5) {
        throw new ComplaintRuleViolated(complaintId, 'satisfaction', 'must be a whole number from 1 to 5');
      }
      return [
        { type: 'ComplaintClosed', data: { complaintId, satisfaction: command.satisfaction, closedAt: at(command) } },
      ];

    case 'EscalateComplaint': {
      const current = requireState(state, command, HANDLING_STATUSES);
      const toLevel = nextLevel(current.escalationLevel);
      if (!toLevel) throw new ComplaintAtTopOfLadder(complaintId, current.status, current.escalationLevel);
      return [
        {
          type: 'ComplaintEscalated',
          data: {
            complaintId,
            fromLevel: current.escalationLevel,
            toLevel,
            reason: command.reason,
            escalatedAt: at(command),
          },
        },
      ];
    }
    case 'DeEscalateComplaint': {
      const current = requireState(state, command, HANDLING_STATUSES);
      const toLevel = lowerLevel(current.escalationLevel);
      if (!toLevel) throw new ComplaintAtBottomOfLadder(complaintId, current.status, current.escalationLevel);
      return [
        {
          type: 'ComplaintDeEscalated',
          data: {
            complaintId,
            fromLevel: current.escalationLevel,
            toLevel,
            reason: command.reason,
            deEscalatedAt: at(command),
          },
        },
      ];
    }
    case 'ChangeSeverity': {
      const current = requireState(state, command, HANDLING_STATUSES);
      if (current.severity === command.severity) {
        throw new ComplaintRuleViolated(complaintId, 'severity', `is already ${command.severity}`);
      }
      return [
        {
          type: 'ComplaintSeverityChanged',
          data: {
            complaintId,
            fromSeverity: current.severity,
            toSeverity: command.severity,
            reason: command.reason,
            changedAt: at(command),
          },
        },
      ];
    }
    case 'AddAttachment': {
      const current = requireState(state, command, NOT_CLOSED);
      if (current.attachments.some((a) => a.sha256 === command.sha256)) return [];
      const { attachmentId, url, sha256, mediaType } = command;
      return [
        {
          type: 'ComplaintAttachmentAdded',
          data: { complaintId, attachmentId, url, sha256, mediaType, addedAt: at(command) },
        },
      ];
    }
    case 'CheckSlaClocks':
      if (state.status === 'not_filed' || !(HANDLING_STATUSES as readonly string[]).includes(state.status)) return [];
      return slaAlertsDue(state, policy, command.now);

    case 'PauseClock': {
      const current = requireState(state, command, HANDLING_STATUSES);
      if (isPaused(current)) throw new ComplaintClockConflict(complaintId, current.status, 'paused');
      return [{ type: 'ComplaintClockPaused', data: { complaintId, reason: command.reason, pausedAt: at(command) } }];
    }
    case 'ResumeClock': {
      const current = requireState(state, command, HANDLING_STATUSES);
      if (!isPaused(current)) throw new ComplaintClockConflict(complaintId, current.status, 'running');
      return [{ type: 'ComplaintClockResumed', data: { complaintId, resumedAt: at(command) } }];
    }
    case 'IssueCeoInstruction': {
      const current = requireState(state, command, HANDLING_STATUSES);
      if (current.escalationLevel !== 'ceo_office') {
        throw new ComplaintNotAtCeoOffice(complaintId, current.status, current.escalationLevel);
      }
      if (command.ownerLevel === 'ceo_office') {
        throw new ComplaintRuleViolated(
          complaintId,
          'ownerLevel',
          'must be below the CEO office: it instructs an accountable owner, not itself',
        );
      }
      if (command.dueAt.getTime() <= command.now.getTime()) {
        throw new ComplaintRuleViolated(complaintId, 'dueAt', 'must be in the future');
      }
      const unfinished = current.ceoInstructions.find((i) => i.status !== 'accepted');
      if (unfinished) {
        throw new CeoInstructionConflict(
          complaintId,
          unfinished.instructionId,
          unfinished.status,
          'accepted before a new one',
        );
      }
      const { instructionId, ownerId, ownerLevel, note } = command;
      return [
        {
          type: 'CeoInstructionIssued',
          data: {
            complaintId,
            instructionId,
            ownerId,
            ownerLevel,
            dueAt: command.dueAt.toISOString(),
            note,
            issuedAt: at(command),
          },
        },
      ];
    }
    case 'ReportOnCeoInstruction': {
      const instruction = requireInstruction(requireState(state, command, NOT_CLOSED), command.instructionId, 'open');
      if (instruction.ownerId !== command.reporterId)
        throw new NotTheAccountableOwner(complaintId, instruction.instructionId);
      return [
        {
          type: 'CeoInstructionReported',
          data: { complaintId, instructionId: command.instructionId, report: command.report, reportedAt: at(command) },
        },
      ];
    }
    case 'AcceptCeoReport':
      requireInstruction(requireState(state, command, NOT_CLOSED), command.instructionId, 'reported');
      return [
        {
          type: 'CeoInstructionAccepted',
          data: { complaintId, instructionId: command.instructionId, acceptedAt: at(command) },
        },
      ];

    case 'SendBackCeoReport':
      requireInstruction(requireState(state, command, NOT_CLOSED), command.instructionId, 'reported');
      return [
        {
          type: 'CeoInstructionSentBack',
          data: { complaintId, instructionId: command.instructionId, reason: command.reason, sentBackAt: at(command) },
        },
      ];

    default:
      return exhaustive(command);
  }
}

function requireInstruction(
  state: FiledComplaint,
  instructionId: string,
  needed: CeoInstruction['status'],
): CeoInstruction {
  const instruction = state.ceoInstructions.find((i) => i.instructionId === instructionId);
  if (!instruction) throw new CeoInstructionNotFound(state.complaintId, instructionId);
  if (instruction.status !== needed) {
    throw new CeoInstructionConflict(state.complaintId, instructionId, instruction.status, needed);
  }
  return instruction;
}

function updateInstruction(
  state: FiledComplaint,
  instructionId: string,
  status: CeoInstruction['status'],
  step: CeoInstruction['steps'][number],
): ComplaintState {
  return {
    ...state,
    ceoInstructions: state.ceoInstructions.map((i) =>
      i.instructionId === instructionId ? { ...i, status, steps: [...i.steps, step] } : i,
    ),
  };
}

function evolve(state: ComplaintState, event: ComplaintEvent): ComplaintState {
  if (event.type === 'ComplaintFiled') {
    const d = event.data;
    return {
      status: 'registered',
      complaintId: d.complaintId,
      details: d,
      severity: d.severity,
      escalationLevel: d.escalationLevel,
      escalationTrail: [{ level: d.escalationLevel, reachedAt: d.filedAt, reason: null }],
      handlerId: null,
      acknowledgedAt: null,
      firstRespondedAt: null,
      contacts: 0,
      reopenCount: 0,
      attachments: [],
      clockPauses: [],
      slaAlerts: [],
      ceoInstructions: [],
      handOffs: 0,
    };
  }
  if (state.status === 'not_filed') return state;
  const filed = filedPart(state);
  switch (event.type) {
    case 'ComplaintAcknowledged':
      return { ...filed, status: 'acknowledged', acknowledgedAt: event.data.acknowledgedAt };
    case 'ComplaintAssigned':
      return {
        ...filed,
        status: 'in_progress',
        handlerId: event.data.handlerId,
        handOffs: filed.handOffs + (event.data.previousHandlerId === null ? 0 : 1),
      };
    case 'CustomerContactRecorded':
      return { ...state, contacts: state.contacts + 1 };
    case 'ComplaintResponded':
      return { ...state, firstRespondedAt: state.firstRespondedAt ?? event.data.respondedAt };
    case 'ComplaintResolved':
      return {
        ...filed,
        status: 'resolved',
        outcome: event.data.outcome,
        resolvedAt: event.data.resolvedAt,
        clockPauses: endPause(filed.clockPauses, event.data.resolvedAt),
      };
    case 'ResolutionConfirmed':
      return state.status === 'resolved'
        ? { ...state, status: 'resolution_confirmed', confirmedAt: event.data.confirmedAt }
        : state;
    case 'ResolutionRejected':
      return backToHandling({ ...filed, reopenCount: filed.reopenCount + 1 });
    case 'ComplaintReopened':
      return backToHandling({ ...filed, reopenCount: filed.reopenCount + 1 });
    case 'ComplaintClosed':
      return 'outcome' in state
        ? {
            ...filed,
            status: 'closed',
            outcome: state.outcome,
            resolvedAt: state.resolvedAt,
            satisfaction: event.data.satisfaction,
            closedAt: event.data.closedAt,
          }
        : state;
    case 'ComplaintEscalated':
      return movedTo(state, event.data.toLevel, event.data.escalatedAt, event.data.reason);
    case 'ComplaintDeEscalated':
      return movedTo(state, event.data.toLevel, event.data.deEscalatedAt, event.data.reason);
    case 'ComplaintSeverityChanged':
      return { ...state, severity: event.data.toSeverity };
    case 'ComplaintAttachmentAdded': {
      const { complaintId: _id, ...reference } = event.data;
      return { ...state, attachments: [...state.attachments, reference] };
    }
    case 'CeoInstructionIssued': {
      const d = event.data;
      const instruction: CeoInstruction = {
        instructionId: d.instructionId,
        ownerId: d.ownerId,
        ownerLevel: d.ownerLevel,
        dueAt: d.dueAt,
        status: 'open',
        steps: [{ step: 'issued', at: d.issuedAt, text: d.note }],
      };
      return { ...state, ceoInstructions: [...state.ceoInstructions, instruction], handOffs: state.handOffs + 1 };
    }
    case 'CeoInstructionReported':
      return updateInstruction(state, event.data.instructionId, 'reported', {
        step: 'reported',
        at: event.data.reportedAt,
        text: event.data.report,
      });
    case 'CeoInstructionAccepted':
      return updateInstruction(state, event.data.instructionId, 'accepted', {
        step: 'accepted',
        at: event.data.acceptedAt,
        text: null,
      });
    case 'CeoInstructionSentBack':
      return updateInstruction(state, event.data.instructionId, 'open', {
        step: 'sent_back',
        at: event.data.sentBackAt,
        text: event.data.reason,
      });
    case 'ComplaintSlaAtRisk':
      return { ...state, slaAlerts: [...state.slaAlerts, `${event.data.target}:at_risk`] };
    case 'ComplaintSlaBreached':
      return { ...state, slaAlerts: [...state.slaAlerts, `${event.data.target}:breached`] };
    case 'ComplaintClockPaused':
      return { ...state, clockPauses: [...state.clockPauses, { from: event.data.pausedAt, to: null }] };
    case 'ComplaintClockResumed':
      return { ...state, clockPauses: endPause(state.clockPauses, event.data.resumedAt) };
    default:
      return exhaustive(event);
  }
}

/**
 * Alerts due at `now`, each once: at risk at the policy's share of a target, breached at the deadline.
 * A breach escalates one level (critical complaints straight to the CEO office) unless already at the top.
 */
function slaAlertsDue(state: FiledComplaint, policy: SlaPolicy, now: Date): ComplaintEvent[] {
  const events: ComplaintEvent[] = [];
  const complaintId = state.complaintId;
  let level = state.escalationLevel;
  for (const clock of slaClocks(state, policy)) {
    if (clock.met || clock.deadline === null || alertRaised(state, clock.target, 'breached')) continue;
    const deadline = clock.deadline.toISOString();
    if (now >= clock.deadline) {
      events.push({
        type: 'ComplaintSlaBreached',
        data: { complaintId, target: clock.target, deadline, escalationLevel: level, breachedAt: now.toISOString() },
      });
      const toLevel =
        state.severity === 'critical' ? (level === 'ceo_office' ? undefined : 'ceo_office') : nextLevel(level);
      if (toLevel) {
        const reason = `SLA breach: ${clock.target.replace('_', ' ')} target of ${clock.hours} ${clock.mode} hours missed`;
        events.push({
          type: 'ComplaintEscalated',
          data: { complaintId, fromLevel: level, toLevel, reason, escalatedAt: now.toISOString() },
        });
        level = toLevel;
      }
    } else if (clock.atRiskAt !== null && now >= clock.atRiskAt && !alertRaised(state, clock.target, 'at_risk')) {
      events.push({
        type: 'ComplaintSlaAtRisk',
        data: { complaintId, target: clock.target, deadline, raisedAt: now.toISOString() },
      });
    }
  }
  return events;
}

function isPaused(state: FiledComplaint): boolean {
  return state.clockPauses.some((p) => p.to === null);
}

function endPause(pauses: Filed['clockPauses'], at: string): Filed['clockPauses'] {
  return pauses.map((p) => (p.to === null ? { ...p, to: at } : p));
}

/** Assigning or responding to a complaint nobody acknowledged yet acknowledges it in the same breath. */
function acknowledgedIfNeeded(state: FiledComplaint, now: Date): ComplaintEvent[] {
  return state.status === 'registered'
    ? [{ type: 'ComplaintAcknowledged', data: { complaintId: state.complaintId, acknowledgedAt: now.toISOString() } }]
    : [];
}

function notInTheFuture(value: Date, command: ComplaintCommand, field: string): void {
  if (value.getTime() > command.now.getTime()) {
    throw new ComplaintRuleViolated(command.complaintId, field, 'must not be in the future');
  }
}

function filedPart(state: FiledComplaint): Filed {
  const { complaintId, details, severity, escalationLevel, escalationTrail, handlerId, acknowledgedAt } = state;
  const { firstRespondedAt, contacts, reopenCount, attachments, clockPauses, slaAlerts, ceoInstructions, handOffs } =
    state;
  return {
    complaintId,
    details,
    severity,
    escalationLevel,
    escalationTrail,
    handlerId,
    acknowledgedAt,
    firstRespondedAt,
    contacts,
    reopenCount,
    attachments,
    clockPauses,
    slaAlerts,
    ceoInstructions,
    handOffs,
  };
}

/** Handling resumes with the handler it had; a complaint that never had one goes back to acknowledged. */
function backToHandling(filed: Filed): ComplaintState {
  return filed.handlerId === null
    ? { ...filed, status: 'acknowledged' }
    : { ...filed, status: 'in_progress', handlerId: filed.handlerId };
}

function movedTo(
  state: FiledComplaint,
  level: Filed['escalationLevel'],
  reachedAt: string,
  reason: string,
): ComplaintState {
  return {
    ...state,
    escalationLevel: level,
    escalationTrail: [...state.escalationTrail, { level, reachedAt, reason }],
    handOffs: state.handOffs + 1,
  };
}

function exhaustive(value: never): never {
  throw new Error(`Unhandled: ${JSON.stringify(value)}`);
}
