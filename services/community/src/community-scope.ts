import { mayActOn, Principal } from '@cx/auth';
import { DomainError } from '@cx/domain';
import { CareServiceNotFound } from './domain/care-service/care-service.errors';
import type { CareServiceState } from './domain/care-service/care-service.state';
import { CommunityActivityNotFound } from './domain/community-activity/community-activity.errors';
import type { CommunityActivityState } from './domain/community-activity/community-activity.state';

/**
 * A community is a project: a caller scoped to projects acts in the communities its scope names. Its `region:`
 * entries reach no community, since nothing here says which region a community is in (a region-only scope
 * reaches none: a scope never turns into "no limit").
 */
export function mayActInCommunity(principal: Principal, community: string): boolean {
  return mayActOn(principal, { project: community });
}

/** Acting in a community the caller's token does not reach (403 naming the scope): the caller's own input. */
export class CommunityOutsideCallerScope extends DomainError {
  readonly code = 'COMMUNITY.OUTSIDE_CALLER_SCOPE';
  readonly kind = 'forbidden';

  constructor(community: string, scope: string) {
    super(`Community ${community} is outside your scope (${scope}).`, { community, scope });
  }
}

/** For what a caller creates or keeps in a community it names itself: activities, care requests, the register. */
export function requireCommunityInScope(principal: Principal, community: string): void {
  if (!mayActInCommunity(principal, community)) throw new CommunityOutsideCallerScope(community, principal.scope ?? '');
}

/** The repository's `authorize` for an activity: one out of the caller's scope answers as one that does not exist. */
export function activityInScope(principal: Principal, activityId: string) {
  return (state: CommunityActivityState): void => {
    if (state.status !== 'not_planned' && !mayActInCommunity(principal, state.community)) {
      throw new CommunityActivityNotFound(activityId);
    }
  };
}

/** The repository's `authorize` for a care service: one out of the caller's scope answers as one that does not exist. */
export function careServiceInScope(principal: Principal, careServiceId: string) {
  return (state: CareServiceState): void => {
    if (state.status !== 'not_requested' && !mayActInCommunity(principal, state.community)) {
      throw new CareServiceNotFound(careServiceId);
    }
  };
}
