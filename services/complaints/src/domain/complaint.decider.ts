import type { Decider } from '@cx/domain';
import type { ComplaintCommand } from './complaint.commands';
import {
  ComplaintAlreadyFiled,
  ComplaintAlreadyResolved,
  ComplaintAtTopOfLadder,
  ComplaintNotFound,
} from './complaint.errors';
import type { ComplaintEvent } from './complaint.events';
import type { ComplaintState } from './complaint.state';
import { entryLevel, nextLevel } from './escalation-ladder';

export const complaintDecider: Decider<ComplaintCommand, ComplaintEvent, ComplaintState> = {
  initialState: () => ({ status: 'not_filed' }),

  decide(command, state) {
    switch (command.type) {
      case 'FileComplaint': {
        if (state.status !== 'not_filed') throw new ComplaintAlreadyFiled(command.complaintId, state.status);
        const { type: _type, now, ...details } = command;
        return [
          {
            type: 'ComplaintFiled',
            data: { ...details, escalationLevel: entryLevel(command.channel), filedAt: now.toISOString() },
          },
        ];
      }
      case 'EscalateComplaint': {
        const open = requireOpen(state, command.complaintId);
        const toLevel = nextLevel(open.escalationLevel);
        if (!toLevel) throw new ComplaintAtTopOfLadder(command.complaintId, open.escalationLevel);
        return [
          {
            type: 'ComplaintEscalated',
            data: {
              complaintId: command.complaintId,
              fromLevel: open.escalationLevel,
              toLevel,
              reason: command.reason,
              escalatedAt: command.now.toISOString(),
            },
          },
        ];
      }
      case 'ResolveComplaint': {
        requireOpen(state, command.complaintId);
        return [
          {
            type: 'ComplaintResolved',
            data: { complaintId: command.complaintId, outcome: command.outcome, resolvedAt: command.now.toISOString() },
          },
        ];
      }
      default:
        return exhaustive(command);
    }
  },

  evolve(state, event) {
    switch (event.type) {
      case 'ComplaintFiled':
        return {
          status: 'open',
          complaintId: event.data.complaintId,
          details: event.data,
          escalationLevel: event.data.escalationLevel,
          escalationTrail: [{ level: event.data.escalationLevel, reachedAt: event.data.filedAt, reason: null }],
        };
      case 'ComplaintEscalated':
        if (state.status !== 'open') return state;
        return {
          ...state,
          escalationLevel: event.data.toLevel,
          escalationTrail: [
            ...state.escalationTrail,
            { level: event.data.toLevel, reachedAt: event.data.escalatedAt, reason: event.data.reason },
          ],
        };
      case 'ComplaintResolved':
        if (state.status !== 'open') return state;
        return { ...state, status: 'resolved', outcome: event.data.outcome, resolvedAt: event.data.resolvedAt };
      default:
        return exhaustive(event);
    }
  },
};

function requireOpen(state: ComplaintState, complaintId: string): Extract<ComplaintState, { status: 'open' }> {
  if (state.status === 'not_filed') throw new ComplaintNotFound(complaintId);
  if (state.status === 'resolved') throw new ComplaintAlreadyResolved(complaintId);
  return state;
}

function exhaustive(value: never): never {
  throw new Error(`Unhandled: ${JSON.stringify(value)}`);
}
