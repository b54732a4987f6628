import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { mayActInCommunity } from '../../community-scope';
import {
  ActivityRegistrationNotFound,
  CommunityActivityNotFound,
} from '../../domain/community-activity/community-activity.errors';
import { CommunityActivityRepository } from '../../infrastructure/community-activity.repository';
import type { ActivityRegistrationView } from './activity-registration.view';
import { GetActivityRegistration } from './get-registration.query';

/** The registration from the activity's stream, with its check-in code from the codes table while confirmed. */
@QueryHandler(GetActivityRegistration)
export class GetActivityRegistrationHandler implements IQueryHandler<
  GetActivityRegistration,
  ActivityRegistrationView
> {
  constructor(private readonly activities: CommunityActivityRepository) {}

  async execute({ activityId, registrationId, principal }: GetActivityRegistration): Promise<ActivityRegistrationView> {
    const { state, version } = await this.activities.load(activityId);
    if (state.status === 'not_planned' || !mayActInCommunity(principal, state.community)) {
      throw new CommunityActivityNotFound(activityId);
    }
    const registration = state.registrations.find((r) => r.registrationId === registrationId);
    if (!registration) throw new ActivityRegistrationNotFound(activityId, registrationId);
    const { residentId, partySize, status, waitlistNumber, offerExpiresAt, checkedInAt, feedbackGiven } = registration;
    return {
      activityId,
      registrationId,
      residentId,
      partySize,
      status,
      waitlistNumber,
      offerExpiresAt: status === 'offered' ? offerExpiresAt : null,
      checkInCode: status === 'confirmed' ? await this.activities.checkInCodeOf(registrationId) : null,
      checkedInAt,
      feedbackGiven,
      version,
    };
  }
}
