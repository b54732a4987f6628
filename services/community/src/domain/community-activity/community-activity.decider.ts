import type { Decider } from '@cx/domain';
import { changedFields, requireSoundDetails } from './activity-details';
import type {
  ChangeCommunityActivity,
  CommunityActivityCommand,
  RegisterForActivity,
} from './community-activity.commands';
import {
  ActivityRegistrationConflict,
  ActivityRegistrationNotFound,
  ActivityRegistrationRefused,
  AlreadyCheckedIn,
  AlreadyRegistered,
  CapacityBelowTakenPlaces,
  CommunityActivityNotFound,
  CommunityActivityTransitionNotAllowed,
  FeedbackNotAllowed,
  NotAllowedAtThisTime,
  WaitlistOfferExpired,
} from './community-activity.errors';
import type { CommunityActivityEvent } from './community-activity.events';
import type {
  ActivityRegistration,
  CommunityActivityState,
  CommunityActivityStatus,
  Planned,
  PlannedActivity,
  RegistrationStatus,
} from './community-activity.state';
import { attendeesToNotify, isActive, offersOfFreePlaces, placesTaken, waitingLine } from './waiting-line';

/** How long a waitlist offer holds its places: configuration, handed to the decider when it is made. */
export interface WaitlistPolicy {
  offerHoldMs: number;
}

/** Check-in opens this long before the start (residents arrive early) and stays open until attendance closes. */
export const CHECK_IN_OPENS_BEFORE_START_MS = 2 * 3_600_000;

type In<S extends CommunityActivityStatus> = Extract<CommunityActivityState, { status: S }>;

/** The activity must exist and be in one of the allowed states, or the command is refused naming the state. */
function requireActivityIn<S extends CommunityActivityStatus>(
  state: CommunityActivityState,
  command: CommunityActivityCommand,
  allowed: readonly S[],
): In<S> {
  if (state.status === 'not_planned') throw new CommunityActivityNotFound(command.activityId);
  if (!(allowed as readonly CommunityActivityStatus[]).includes(state.status)) {
    throw new CommunityActivityTransitionNotAllowed(command.activityId, command.type, state.status, allowed);
  }
  return state as In<S>;
}

function findRegistration(activity: Planned, registrationId: string): ActivityRegistration {
  const registration = activity.registrations.find((r) => r.registrationId === registrationId);
  if (!registration) throw new ActivityRegistrationNotFound(activity.activityId, registrationId);
  return registration;
}

/** The registration must exist and be in one of the statuses the command needs (409 naming its own). */
function requireRegistration(
  activity: Planned,
  registrationId: string,
  needed: readonly RegistrationStatus[],
): ActivityRegistration {
  const registration = findRegistration(activity, registrationId);
  if (!needed.includes(registration.status)) {
    throw new ActivityRegistrationConflict(
      activity.activityId,
      registrationId,
      registration.status,
      needed.join(' or '),
    );
  }
  return registration;
}

/** A checked-in party has come: scanning again, or cancelling, changes nothing and counts nothing. */
function requireNotCheckedIn(activity: Planned, registration: ActivityRegistration): void {
  if (registration.checkedInAt !== null) {
    throw new AlreadyCheckedIn(activity.activityId, registration.registrationId, registration.checkedInAt);
  }
}

const ms = (iso: string) => Date.parse(iso);
const onActivity = (activity: Planned) => ({ activityId: activity.activityId, community: activity.community });
const onRegistration = (activity: Planned, r: ActivityRegistration) => ({
  ...onActivity(activity),
  registrationId: r.registrationId,
  residentId: r.residentId,
  partySize: r.partySize,
});

function decide(
  command: CommunityActivityCommand,
  state: CommunityActivityState,
  policy: WaitlistPolicy,
): CommunityActivityEvent[] {
  const at = command.now.toISOString();
  /** Places freed by these events go to the line in the same decision: no later reaction can promote twice. */
  const withOffers = (events: CommunityActivityEvent[]): CommunityActivityEvent[] => {
    const after = events.reduce(evolve, state);
    return after.status === 'published'
      ? [...events, ...offersOfFreePlaces(after, command.now, policy.offerHoldMs)]
      : events;
  };
  switch (command.type) {
    case 'PlanCommunityActivity': {
      if (state.status !== 'not_planned') {
        throw new CommunityActivityTransitionNotAllowed(command.activityId, command.type, state.status, [
          'not_planned',
        ]);
      }
      requireSoundDetails(command.activityId, command.details, command.now);
      const { activityId, community, details, plannedBy } = command;
      return [
        { type: 'CommunityActivityPlanned', data: { activityId, community, ...details, plannedBy, plannedAt: at } },
      ];
    }
    case 'PublishCommunityActivity': {
      const draft = requireActivityIn(state, command, ['draft']);
      requireSoundDetails(draft.activityId, draft.details, command.now);
      return [{ type: 'CommunityActivityPublished', data: { ...onActivity(draft), publishedAt: at } }];
    }
    case 'ChangeCommunityActivity':
      return withOffers(change(command, requireActivityIn(state, command, ['draft', 'published'])));

    case 'CancelCommunityActivity': {
      const activity = requireActivityIn(state, command, ['draft', 'published']);
      return [
        {
          type: 'CommunityActivityCancelled',
          data: {
            ...onActivity(activity),
            reason: command.reason,
            attendeesToNotify: attendeesToNotify(activity),
            cancelledAt: at,
          },
        },
      ];
    }
    case 'RegisterForActivity':
      return [register(command, requireActivityIn(state, command, ['published']))];

    case 'CancelActivityRegistration': {
      const activity = requireActivityIn(state, command, ['published']);
      const registration = requireRegistration(activity, command.registrationId, [
        'confirmed',
        'offered',
        'waitlisted',
      ]);
      requireNotCheckedIn(activity, registration);
      if (command.now.getTime() >= ms(activity.details.startsAt)) {
        throw new NotAllowedAtThisTime(activity.activityId, command.type, 'the activity has started');
      }
      return withOffers([
        {
          type: 'ActivityRegistrationCancelled',
          data: {
            ...onRegistration(activity, registration),
            previousStatus: registration.status as 'confirmed' | 'offered' | 'waitlisted',
            cancelledAt: at,
          },
        },
      ]);
    }
    case 'AcceptWaitlistOffer': {
      const activity = requireActivityIn(state, command, ['published']);
      const registration = requireRegistration(activity, command.registrationId, ['offered', 'offer_expired']);
      const expiresAt = registration.offerExpiresAt ?? at;
      if (registration.status === 'offer_expired' || command.now.getTime() >= ms(expiresAt)) {
        throw new WaitlistOfferExpired(activity.activityId, registration.registrationId, expiresAt);
      }
      return [{ type: 'WaitlistOfferAccepted', data: { ...onRegistration(activity, registration), acceptedAt: at } }];
    }
    case 'ExpireWaitlistOffers': {
      if (state.status !== 'published') return [];
      const lapsed = state.registrations.filter(
        (r) => r.status === 'offered' && ms(r.offerExpiresAt ?? at) <= command.now.getTime(),
      );
      if (lapsed.length === 0) return [];
      return withOffers(
        lapsed.map((r) => ({
          type: 'WaitlistOfferExpired',
          data: { ...onRegistration(state, r), expiredAt: r.offerExpiresAt ?? at },
        })),
      );
    }
    case 'CheckInAttendee': {
      const activity = requireActivityIn(state, command, ['published']);
      const opensAt = ms(activity.details.startsAt) - CHECK_IN_OPENS_BEFORE_START_MS;
      if (command.now.getTime() < opensAt) {
        const rule = `check-in opens at ${new Date(opensAt).toISOString()}`;
        throw new NotAllowedAtThisTime(activity.activityId, command.type, rule);
      }
      requireNotCheckedIn(activity, findRegistration(activity, command.registrationId));
      const registration = requireRegistration(activity, command.registrationId, ['confirmed']);
      const { method, checkedInBy } = command;
      return [
        {
          type: 'ActivityAttendeeCheckedIn',
          data: { ...onRegistration(activity, registration), method, checkedInBy, checkedInAt: at },
        },
      ];
    }
    case 'CloseActivityAttendance': {
      const activity = requireActivityIn(state, command, ['published']);
      if (command.now.getTime() < ms(activity.details.endsAt)) {
        const rule = `attendance is closed once the activity has ended, at ${activity.details.endsAt}`;
        throw new NotAllowedAtThisTime(activity.activityId, command.type, rule);
      }
      const confirmed = activity.registrations.filter((r) => r.status === 'confirmed');
      const people = (rs: ActivityRegistration[]) => rs.reduce((n, r) => n + r.partySize, 0);
      return [
        {
          type: 'CommunityActivityAttendanceClosed',
          data: {
            ...onActivity(activity),
            registeredPeople: people(confirmed),
            attendedPeople: people(confirmed.filter((r) => r.checkedInAt !== null)),
            noShows: confirmed.filter((r) => r.checkedInAt === null).map((r) => r.registrationId),
            closedAt: at,
          },
        },
      ];
    }
    case 'GiveActivityFeedback': {
      const activity = requireActivityIn(state, command, ['published', 'held']);
      const registration = findRegistration(activity, command.registrationId);
      if (registration.checkedInAt === null) {
        throw new FeedbackNotAllowed(activity.activityId, registration.registrationId, 'only attendees give feedback');
      }
      if (registration.feedbackGiven) {
        throw new FeedbackNotAllowed(activity.activityId, registration.registrationId, 'feedback was given already');
      }
      const { registrationId, rating, commented } = command;
      return [
        {
          type: 'ActivityFeedbackGiven',
          data: { ...onActivity(activity), registrationId, rating, commented, givenAt: at },
        },
      ];
    }
    case 'AddActivityPhoto': {
      const activity = requireActivityIn(state, command, ['published', 'held']);
      if (command.now.getTime() < ms(activity.details.startsAt)) {
        throw new NotAllowedAtThisTime(
          activity.activityId,
          command.type,
          'photos are added once the activity has started',
        );
      }
      const { photoId, reference, addedBy } = command;
      return [
        { type: 'ActivityPhotoAdded', data: { ...onActivity(activity), photoId, reference, addedBy, addedAt: at } },
      ];
    }
    default:
      return exhaustive(command);
  }
}

/**
 * Registration rules in the order a resident would want them explained: the window, the party, the register,
 * then one registration per resident. Free places go to a newcomer only when nobody is waiting.
 */
function register(command: RegisterForActivity, activity: In<'published'>): CommunityActivityEvent {
  const { details } = activity;
  const refuse = (
    reason: ConstructorParameters<typeof ActivityRegistrationRefused>[1],
    field: string,
    rule: string,
  ) => {
    throw new ActivityRegistrationRefused(activity.activityId, reason, field, rule);
  };
  const now = command.now.getTime();
  if (now < ms(details.registrationOpensAt)) {
    refuse('registration_not_open', 'registrationOpensAt', `registration opens at ${details.registrationOpensAt}`);
  }
  if (now >= ms(details.registrationClosesAt)) {
    refuse('registration_closed', 'registrationClosesAt', `registration closed at ${details.registrationClosesAt}`);
  }
  if (command.partySize > details.maxPartySize) {
    refuse('party_size_above_limit', 'partySize', `at most ${details.maxPartySize} per registration for this activity`);
  }
  if (!command.onCommunityRegister) {
    refuse('not_a_resident', 'residentId', `must be on the register of community ${activity.community}`);
  }
  const existing = activity.registrations.find((r) => r.residentId === command.residentId && isActive(r));
  if (existing) throw new AlreadyRegistered(activity.activityId, existing.registrationId, existing.status);

  const { confirmed, offered } = placesTaken(activity);
  const registration = {
    ...onActivity(activity),
    registrationId: command.registrationId,
    residentId: command.residentId,
    partySize: command.partySize,
  };
  const at = command.now.toISOString();
  if (waitingLine(activity).length === 0 && command.partySize <= details.capacity - confirmed - offered) {
    return { type: 'ActivityRegistrationConfirmed', data: { ...registration, confirmedAt: at } };
  }
  return {
    type: 'ActivityRegistrationWaitlisted',
    data: { ...registration, waitlistNumber: activity.lastWaitlistNumber + 1, waitlistedAt: at },
  };
}

/** Only what differs is an event; it names the residents to notify. Capacity never drops below places taken. */
function change(command: ChangeCommunityActivity, activity: In<'draft' | 'published'>): CommunityActivityEvent[] {
  if (command.now.getTime() >= ms(activity.details.startsAt)) {
    throw new NotAllowedAtThisTime(activity.activityId, command.type, 'the activity has started');
  }
  const changes = changedFields(activity.details, command.changes);
  if (Object.keys(changes).length === 0) return [];
  const details = { ...activity.details, ...changes };
  requireSoundDetails(activity.activityId, details, command.now);
  const { confirmed, offered } = placesTaken(activity);
  if (details.capacity < confirmed + offered) {
    throw new CapacityBelowTakenPlaces(activity.activityId, details.capacity, confirmed, offered);
  }
  return [
    {
      type: 'CommunityActivityChanged',
      data: {
        ...onActivity(activity),
        changes,
        attendeesToNotify: attendeesToNotify(activity),
        changedAt: command.now.toISOString(),
      },
    },
  ];
}

function planned(state: PlannedActivity): Planned {
  const { activityId, community, details, plannedAt, registrations, lastWaitlistNumber, photos } = state;
  return { activityId, community, details, plannedAt, registrations, lastWaitlistNumber, photos };
}

function updateRegistration(
  state: PlannedActivity,
  registrationId: string,
  change: Partial<ActivityRegistration>,
): CommunityActivityState {
  return {
    ...state,
    registrations: state.registrations.map((r) => (r.registrationId === registrationId ? { ...r, ...change } : r)),
  };
}

function evolve(state: CommunityActivityState, event: CommunityActivityEvent): CommunityActivityState {
  if (event.type === 'CommunityActivityPlanned') {
    const { activityId, community, plannedBy: _plannedBy, plannedAt, ...details } = event.data;
    return {
      status: 'draft',
      activityId,
      community,
      details,
      plannedAt,
      registrations: [],
      lastWaitlistNumber: 0,
      photos: [],
    };
  }
  if (state.status === 'not_planned') return state;
  switch (event.type) {
    case 'CommunityActivityPublished':
      return { ...planned(state), status: 'published', publishedAt: event.data.publishedAt };
    case 'CommunityActivityChanged':
      return { ...state, details: { ...state.details, ...event.data.changes } };
    case 'CommunityActivityCancelled':
      return {
        ...planned(state),
        status: 'cancelled',
        publishedAt: state.status === 'published' ? state.publishedAt : null,
        cancelledAt: event.data.cancelledAt,
        cancellationReason: event.data.reason,
      };
    case 'CommunityActivityAttendanceClosed':
      if (state.status !== 'published') return state;
      return { ...planned(state), status: 'held', publishedAt: state.publishedAt, closedAt: event.data.closedAt };
    case 'ActivityRegistrationConfirmed':
    case 'ActivityRegistrationWaitlisted': {
      const { registrationId, residentId, partySize } = event.data;
      const waitlistNumber = event.type === 'ActivityRegistrationWaitlisted' ? event.data.waitlistNumber : null;
      const registration: ActivityRegistration = {
        registrationId,
        residentId,
        partySize,
        status: waitlistNumber === null ? 'confirmed' : 'waitlisted',
        waitlistNumber,
        offerExpiresAt: null,
        checkedInAt: null,
        feedbackGiven: false,
      };
      return {
        ...state,
        registrations: [...state.registrations, registration],
        lastWaitlistNumber: Math.max(state.lastWaitlistNumber, waitlistNumber ?? 0),
      };
    }
    case 'WaitlistPlaceOffered':
      return updateRegistration(state, event.data.registrationId, {
        status: 'offered',
        offerExpiresAt: event.data.expiresAt,
      });
    case 'WaitlistOfferAccepted':
      return updateRegistration(state, event.data.registrationId, { status: 'confirmed' });
    case 'WaitlistOfferExpired':
      return updateRegistration(state, event.data.registrationId, { status: 'offer_expired' });
    case 'ActivityRegistrationCancelled':
      return updateRegistration(state, event.data.registrationId, { status: 'cancelled' });
    case 'ActivityAttendeeCheckedIn':
      return updateRegistration(state, event.data.registrationId, { checkedInAt: event.data.checkedInAt });
    case 'ActivityFeedbackGiven':
      return updateRegistration(state, event.data.registrationId, { feedbackGiven: true });
    case 'ActivityPhotoAdded': {
      const { photoId, reference } = event.data;
      return { ...state, photos: [...state.photos, { photoId, reference }] };
    }
    default:
      return exhaustive(event);
  }
}

function exhaustive(value: never): never {
  throw new Error(`Unhandled: ${JSON.stringify(value)}`);
}

/** The activity's decider for a waitlist policy (the offer hold is configuration, not a rule of the domain). */
export function createCommunityActivityDecider(
  policy: WaitlistPolicy,
): Decider<CommunityActivityCommand, CommunityActivityEvent, CommunityActivityState> {
  return {
    initialState: () => ({ status: 'not_planned' }),
    decide: (command, state) => decide(command, state, policy),
    evolve,
  };
}
