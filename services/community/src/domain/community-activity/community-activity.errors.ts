import { DomainError } from '@cx/domain';
import type { CommunityActivityStatus, RegistrationStatus } from './community-activity.state';

export class CommunityActivityNotFound extends DomainError {
  readonly code = 'COMMUNITY_ACTIVITY.NOT_FOUND';
  readonly kind = 'not_found';

  constructor(activityId: string) {
    super(`Community activity ${activityId} does not exist.`, { activityId });
  }
}

/** The command does not apply in the activity's current state (409 naming it). */
export class CommunityActivityTransitionNotAllowed extends DomainError {
  readonly code = 'COMMUNITY_ACTIVITY.TRANSITION_NOT_ALLOWED';
  readonly kind = 'invalid_state';

  constructor(
    activityId: string,
    command: string,
    currentState: CommunityActivityStatus,
    allowedStates: readonly string[],
  ) {
    super(
      `${command} is not allowed while community activity ${activityId} is ${currentState}; it needs one of: ${allowedStates.join(', ')}.`,
      { activityId, command, currentState, allowedStates },
    );
  }
}

/** The command applies to the activity's state, but not at this moment, e.g. check-in before it opens (409). */
export class NotAllowedAtThisTime extends DomainError {
  readonly code = 'COMMUNITY_ACTIVITY.NOT_AT_THIS_TIME';
  readonly kind = 'invalid_state';

  constructor(activityId: string, command: string, rule: string) {
    super(`${command} is not allowed now: ${rule}.`, { activityId, command, rule });
  }
}

/** A business rule about the request itself (422 naming the field and the rule). */
export class CommunityActivityRuleViolated extends DomainError {
  readonly code = 'COMMUNITY_ACTIVITY.RULE_VIOLATED';
  readonly kind = 'rule_violation';

  constructor(activityId: string, field: string, rule: string) {
    super(`${field}: ${rule}`, { activityId, field, rule });
  }
}

/** Capacity may not drop below the places taken (422 with the counts). */
export class CapacityBelowTakenPlaces extends DomainError {
  readonly code = 'COMMUNITY_ACTIVITY.CAPACITY_BELOW_TAKEN_PLACES';
  readonly kind = 'rule_violation';

  constructor(activityId: string, capacity: number, confirmedPlaces: number, offeredPlaces: number) {
    super(
      `capacity ${capacity} is below the ${confirmedPlaces + offeredPlaces} places taken ` +
        `(${confirmedPlaces} confirmed, ${offeredPlaces} held for waitlist offers).`,
      { activityId, field: 'capacity', capacity, confirmedPlaces, offeredPlaces },
    );
  }
}

/** Why a registration is refused: its `reason` is stable, for the systems that register on residents' behalf. */
export type RegistrationRefusal =
  'registration_not_open' | 'registration_closed' | 'party_size_above_limit' | 'not_a_resident';

/** One registration breaks a rule (422 with `reason`, `field` and the rule in words). */
export class ActivityRegistrationRefused extends DomainError {
  readonly code = 'COMMUNITY_ACTIVITY.REGISTRATION_REFUSED';
  readonly kind = 'rule_violation';

  constructor(activityId: string, reason: RegistrationRefusal, field: string, rule: string) {
    super(`${field}: ${rule}`, { activityId, reason, field, rule });
  }
}

/** One registration per resident and activity while it holds or waits for places (409 naming it). */
export class AlreadyRegistered extends DomainError {
  readonly code = 'COMMUNITY_ACTIVITY.ALREADY_REGISTERED';
  readonly kind = 'invalid_state';

  constructor(activityId: string, existingRegistrationId: string, currentState: RegistrationStatus) {
    super(`The resident is already registered for community activity ${activityId} (${currentState}).`, {
      activityId,
      existingRegistrationId,
      currentState,
    });
  }
}

export class ActivityRegistrationNotFound extends DomainError {
  readonly code = 'COMMUNITY_ACTIVITY.REGISTRATION_NOT_FOUND';
  readonly kind = 'not_found';

  constructor(activityId: string, registrationId: string) {
    super(`Community activity ${activityId} has no registration ${registrationId}.`, { activityId, registrationId });
  }
}

/** The registration is not in the status the command needs (409 naming its current one). */
export class ActivityRegistrationConflict extends DomainError {
  readonly code = 'COMMUNITY_ACTIVITY.REGISTRATION_CONFLICT';
  readonly kind = 'invalid_state';

  constructor(activityId: string, registrationId: string, currentState: RegistrationStatus, needed: string) {
    super(`Registration ${registrationId} is ${currentState}; this needs it ${needed}.`, {
      activityId,
      registrationId,
      currentState,
    });
  }
}

/** The offer lapsed at `expiredAt`; the scheduler passes its places on (409). */
export class WaitlistOfferExpired extends DomainError {
  readonly code = 'COMMUNITY_ACTIVITY.WAITLIST_OFFER_EXPIRED';
  readonly kind = 'invalid_state';

  constructor(activityId: string, registrationId: string, expiredAt: string) {
    super(`The places offered to registration ${registrationId} were held until ${expiredAt}.`, {
      activityId,
      registrationId,
      expiredAt,
    });
  }
}

/** Check-in codes are single-use: a second scan is refused and counts nothing (409). */
export class AlreadyCheckedIn extends DomainError {
  readonly code = 'COMMUNITY_ACTIVITY.ALREADY_CHECKED_IN';
  readonly kind = 'invalid_state';

  constructor(activityId: string, registrationId: string, checkedInAt: string) {
    super(`Registration ${registrationId} was checked in at ${checkedInAt}.`, {
      activityId,
      registrationId,
      checkedInAt,
    });
  }
}

/** No registration of this activity has the code scanned (404). */
export class CheckInCodeNotRecognised extends DomainError {
  readonly code = 'COMMUNITY_ACTIVITY.CHECK_IN_CODE_NOT_RECOGNISED';
  readonly kind = 'not_found';

  constructor(activityId: string) {
    super(`No registration of community activity ${activityId} has this check-in code.`, { activityId });
  }
}

/** Feedback comes from attendees, once per registration (409). */
export class FeedbackNotAllowed extends DomainError {
  readonly code = 'COMMUNITY_ACTIVITY.FEEDBACK_NOT_ALLOWED';
  readonly kind = 'invalid_state';

  constructor(activityId: string, registrationId: string, rule: string) {
    super(`No feedback on registration ${registrationId}: ${rule}.`, { activityId, registrationId, rule });
  }
}
