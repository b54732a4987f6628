/** The CampaignProblem stream's events are the published contract; the domain uses the same types. */
export type { CampaignProblemEvent, CampaignProblemRaisedV1 } from '@cx/contracts';
