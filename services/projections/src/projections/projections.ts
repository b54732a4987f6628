import { appraisalScorecards } from './appraisal-scorecards/appraisal-scorecards';
import { campaignParticipation } from './campaign-participation/campaign-participation';
import { campaignProblems } from './campaign-problems/campaign-problems';
import { ceoEscalations } from './ceo-escalations/ceo-escalations';
import { complaintKpis } from './complaint-kpis/complaint-kpis';
import { careServiceStats } from './community-stats/care-service-stats';
import { communityActivityStats } from './community-stats/community-activity-stats';
import type { Projection } from './projection';
import { surveySatisfaction } from './survey-satisfaction/survey-satisfaction';
import { typicalCaseReviews } from './typical-case-reviews/typical-case-reviews';

/** Every read model the consumer keeps, by name (the rebuild CLI takes the name). */
export const projections: readonly Projection[] = [
  ceoEscalations,
  complaintKpis,
  typicalCaseReviews,
  campaignParticipation,
  campaignProblems,
  communityActivityStats,
  careServiceStats,
  surveySatisfaction,
  appraisalScorecards,
] as readonly Projection[];
