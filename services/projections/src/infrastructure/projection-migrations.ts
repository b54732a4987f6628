import { CreateDeadLetterRedrives1764000000200, CreateProcessedEvents1764000000100 } from '@cx/messaging';
import { CreateReportingSchema1764000002000 } from './migrations/1764000002000-create-reporting-schema';
import { CeoViewSlaHandOffsRepeats1764000002100 } from './migrations/1764000002100-ceo-view-sla-hand-offs-repeats';
import { ComplaintKpisAndEscalationHistory1764000002200 } from './migrations/1764000002200-complaint-kpis-and-escalation-history';
import { TypicalCaseReviews1764000002300 } from './migrations/1764000002300-typical-case-reviews';
import { CampaignParticipation1764000002400 } from './migrations/1764000002400-campaign-participation';
import { CampaignProblems1764000002500 } from './migrations/1764000002500-campaign-problems';
import { CommunityActivityStats1764000002600 } from './migrations/1764000002600-community-activity-stats';
import { CareServiceStats1764000002610 } from './migrations/1764000002610-care-service-stats';
import { ErasedSubjects1764000002700 } from './migrations/1764000002700-erased-subjects';
import { SurveySatisfaction1764000002800 } from './migrations/1764000002800-survey-satisfaction';
import { AppraisalScorecards1764000002810 } from './migrations/1764000002810-appraisal-scorecards';
import { ComplaintCustomerLocks1764000002900 } from './migrations/1764000002900-complaint-customer-locks';

export const projectionMigrations = [
  CreateProcessedEvents1764000000100,
  CreateDeadLetterRedrives1764000000200,
  CreateReportingSchema1764000002000,
  CeoViewSlaHandOffsRepeats1764000002100,
  ComplaintKpisAndEscalationHistory1764000002200,
  TypicalCaseReviews1764000002300,
  CampaignParticipation1764000002400,
  CampaignProblems1764000002500,
  CommunityActivityStats1764000002600,
  CareServiceStats1764000002610,
  ErasedSubjects1764000002700,
  SurveySatisfaction1764000002800,
  AppraisalScorecards1764000002810,
  ComplaintCustomerLocks1764000002900,
];
