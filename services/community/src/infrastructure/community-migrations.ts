import { eventStoreMigrations } from '@cx/event-store';
import { CreateCommunityResidents1764000004000 } from './migrations/1764000004000-create-community-residents';
import { CreateCheckInCodes1764000004100 } from './migrations/1764000004100-create-check-in-codes';
import { CreateWaitlistOfferChecks1764000004200 } from './migrations/1764000004200-create-waitlist-offer-checks';
import { CreateActivityFeedbackComments1764000004300 } from './migrations/1764000004300-create-activity-feedback-comments';

export const communityMigrations = [
  ...eventStoreMigrations,
  CreateCommunityResidents1764000004000,
  CreateCheckInCodes1764000004100,
  CreateWaitlistOfferChecks1764000004200,
  CreateActivityFeedbackComments1764000004300,
];
