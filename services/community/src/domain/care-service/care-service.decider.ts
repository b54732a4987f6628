import { RECURRING_CARE_SERVICE_KINDS } from '@cx/contracts';
import type { Decider } from '@cx/domain';
import { nextVisitTime } from './care-recurrence';
import type { CareServiceCommand, RequestCareService } from './care-service.commands';
import {
  CareServiceNotFound,
  CareServiceRuleViolated,
  CareServiceTransitionNotAllowed,
  CareVisitConflict,
  CareVisitNotFound,
} from './care-service.errors';
import type { CareServiceEvent } from './care-service.events';
import type { CareServiceState, CareServiceStatus, CareVisit, RequestedCareService } from './care-service.state';

type In<S extends CareServiceStatus> = Extract<CareServiceState, { status: S }>;

function requireServiceIn<S extends CareServiceStatus>(
  state: CareServiceState,
  command: CareServiceCommand,
  allowed: readonly S[],
): In<S> {
  if (state.status === 'not_requested') throw new CareServiceNotFound(command.careServiceId);
  if (!(allowed as readonly CareServiceStatus[]).includes(state.status)) {
    throw new CareServiceTransitionNotAllowed(command.careServiceId, command.type, state.status, allowed);
  }
  return state as In<S>;
}

/** Only residents on the register; recurring only the kinds that recur, for residents on the elderly care register. */
function requireEligible(command: RequestCareService): void {
  const refuse = (field: string, rule: string) => {
    throw new CareServiceRuleViolated(command.careServiceId, field, rule);
  };
  if (command.resident === null) refuse('residentId', `must be on the register of community ${command.community}`);
  if (command.recurrence === null) return;
  if (!(RECURRING_CARE_SERVICE_KINDS as readonly string[]).includes(command.serviceKind)) {
    refuse('recurrence', `only ${RECURRING_CARE_SERVICE_KINDS.join(', ')} recur`);
  }
  if (!command.resident?.elderlyCare)
    refuse('recurrence', 'recurring services are for residents on the elderly care register');
}

const pendingVisit = (service: RequestedCareService): CareVisit | undefined =>
  service.visits.find((v) => v.completedAt === null);

function requireVisit(service: RequestedCareService, visitNumber: number): CareVisit {
  const visit = service.visits.find((v) => v.visitNumber === visitNumber);
  if (!visit) throw new CareVisitNotFound(service.careServiceId, visitNumber);
  return visit;
}

function decide(command: CareServiceCommand, state: CareServiceState): CareServiceEvent[] {
  const { careServiceId } = command;
  const at = command.now.toISOString();
  switch (command.type) {
    case 'RequestCareService': {
      if (state.status !== 'not_requested') {
        throw new CareServiceTransitionNotAllowed(careServiceId, command.type, state.status, ['not_requested']);
      }
      requireEligible(command);
      const { community, residentId, serviceKind, recurrence, requestedBy } = command;
      return [
        {
          type: 'CareServiceRequested',
          data: { careServiceId, community, residentId, serviceKind, recurrence, requestedBy, requestedAt: at },
        },
      ];
    }
    case 'AssignCareService': {
      const service = requireServiceIn(state, command, ['requested', 'assigned', 'scheduled']);
      if (service.status !== 'requested' && service.assigneeId === command.assigneeId) return [];
      const { community } = service;
      return [
        {
          type: 'CareServiceAssigned',
          data: { careServiceId, community, assigneeId: command.assigneeId, assignedAt: at },
        },
      ];
    }
    case 'ScheduleCareVisit': {
      const service = requireServiceIn(state, command, ['assigned', 'scheduled']);
      if (command.scheduledFor.getTime() <= command.now.getTime()) {
        throw new CareServiceRuleViolated(careServiceId, 'scheduledFor', 'must be in the future');
      }
      const visitNumber = pendingVisit(service)?.visitNumber ?? service.visits.length + 1;
      const scheduledFor = command.scheduledFor.toISOString();
      return [
        {
          type: 'CareVisitScheduled',
          data: { careServiceId, community: service.community, visitNumber, scheduledFor, scheduledAt: at },
        },
      ];
    }
    case 'CompleteCareVisit': {
      const service = requireServiceIn(state, command, ['scheduled']);
      const visit = requireVisit(service, command.visitNumber);
      if (visit.completedAt !== null) {
        throw new CareVisitConflict(
          careServiceId,
          visit.visitNumber,
          visit.rating === null ? 'completed' : 'rated',
          'scheduled',
        );
      }
      const { community, details, visits } = service;
      const completed: CareServiceEvent = {
        type: 'CareVisitCompleted',
        data: {
          careServiceId,
          community,
          visitNumber: visit.visitNumber,
          completedBy: command.completedBy,
          completedAt: at,
        },
      };
      if (details.recurrence === null) return [completed];
      // Recurring: the next visit is booked in the same decision, on the cadence counted from the first visit.
      const scheduledFor = nextVisitTime(visits[0].scheduledFor, details.recurrence, visit.visitNumber, command.now);
      return [
        completed,
        {
          type: 'CareVisitScheduled',
          data: { careServiceId, community, visitNumber: visit.visitNumber + 1, scheduledFor, scheduledAt: at },
        },
      ];
    }
    case 'RateCareVisit': {
      const service = requireServiceIn(state, command, ['scheduled', 'completed', 'ended']);
      const visit = requireVisit(service, command.visitNumber);
      if (visit.completedAt === null) {
        throw new CareVisitConflict(careServiceId, visit.visitNumber, 'scheduled', 'completed');
      }
      if (visit.rating !== null) throw new CareVisitConflict(careServiceId, visit.visitNumber, 'rated', 'completed');
      return [
        {
          type: 'CareVisitRated',
          data: {
            careServiceId,
            community: service.community,
            visitNumber: visit.visitNumber,
            rating: command.rating,
            ratedAt: at,
          },
        },
      ];
    }
    case 'EndCareService': {
      const service = requireServiceIn(state, command, ['requested', 'assigned', 'scheduled']);
      return [
        {
          type: 'CareServiceEnded',
          data: { careServiceId, community: service.community, reason: command.reason, endedAt: at },
        },
      ];
    }
    default:
      return exhaustive(command);
  }
}

function updateVisit(service: RequestedCareService, visitNumber: number, change: Partial<CareVisit>): CareVisit[] {
  return service.visits.map((v) => (v.visitNumber === visitNumber ? { ...v, ...change } : v));
}

function evolve(state: CareServiceState, event: CareServiceEvent): CareServiceState {
  if (event.type === 'CareServiceRequested') {
    const { careServiceId, community } = event.data;
    return { status: 'requested', careServiceId, community, details: event.data, visits: [] };
  }
  if (state.status === 'not_requested') return state;
  const { careServiceId, community, details, visits } = state;
  const requested = { careServiceId, community, details, visits };
  const assigneeId = state.status === 'requested' ? null : state.assigneeId;
  switch (event.type) {
    case 'CareServiceAssigned':
      if (state.status === 'requested') return { ...requested, status: 'assigned', assigneeId: event.data.assigneeId };
      return { ...state, assigneeId: event.data.assigneeId };
    case 'CareVisitScheduled': {
      if (assigneeId === null) return state;
      const { visitNumber, scheduledFor } = event.data;
      const booked = visits.some((v) => v.visitNumber === visitNumber)
        ? updateVisit(state, visitNumber, { scheduledFor })
        : [...visits, { visitNumber, scheduledFor, completedAt: null, rating: null }];
      return { ...requested, visits: booked, status: 'scheduled', assigneeId };
    }
    case 'CareVisitCompleted': {
      if (assigneeId === null) return state;
      const done = updateVisit(state, event.data.visitNumber, { completedAt: event.data.completedAt });
      if (details.recurrence !== null) return { ...requested, visits: done, status: 'scheduled', assigneeId };
      return { ...requested, visits: done, status: 'completed', assigneeId, completedAt: event.data.completedAt };
    }
    case 'CareVisitRated':
      return { ...state, visits: updateVisit(state, event.data.visitNumber, { rating: event.data.rating }) };
    case 'CareServiceEnded':
      return { ...requested, status: 'ended', assigneeId, endedAt: event.data.endedAt, endReason: event.data.reason };
    default:
      return exhaustive(event);
  }
}

function exhaustive(value: never): never {
  throw new Error(`Unhandled: ${JSON.stringify(value)}`);
}

export const careServiceDecider: Decider<CareServiceCommand, CareServiceEvent, CareServiceState> = {
  initialState: () => ({ status: 'not_requested' }),
  decide,
  evolve,
};
