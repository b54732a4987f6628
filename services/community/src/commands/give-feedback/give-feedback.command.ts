import type { Principal } from '@cx/auth';
import type { GiveFeedbackRequest } from './give-feedback.dto';

export class GiveActivityFeedbackCommand {
  constructor(
    readonly activityId: string,
    readonly registrationId: string,
    readonly request: GiveFeedbackRequest,
    readonly principal: Principal,
  ) {}
}
