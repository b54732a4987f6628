import {
  FINDINGS_MAX_COUNT,
  PROBLEM_CATEGORIES,
  PROBLEM_LINK_KINDS,
  PROBLEM_REASON_MAX_LENGTH,
  PROBLEM_TEXT_MAX_LENGTH,
  ProblemCategory,
  ProblemLinkKind,
} from './campaign-vocabulary';

/**
 * Events of the CampaignProblem stream, version 1, published on the campaigns topic (key = problem id).
 * A problem is raised from one finding of a participation activity and followed up through improvement
 * actions. Every event names its campaign, so that the reports need no join to count per campaign. Staff are
 * named by user id (the token's `sub`); texts are staff text about the service, no personal data.
 */
export interface CampaignProblemRaisedV1 {
  problemId: string;
  campaignId: string;
  /** The activity whose finding this is, and the finding's place in its `findings` (0 for the first). */
  activityId: string;
  findingIndex: number;
  /** The finding's text unless the raiser worded it anew. */
  description: string;
  category: ProblemCategory;
  ownerId: string;
  /** A calendar date, YYYY-MM-DD, in the group's time zone. */
  dueDate: string;
  raisedBy: string;
  raisedAt: string;
}
export interface CampaignProblemLinkedV1 {
  problemId: string;
  campaignId: string;
  linkKind: ProblemLinkKind;
  /** The complaint's or the review's id as given: the campaigns service cannot check it. */
  linkedId: string;
  linkedAt: string;
}
export interface CampaignProblemActionAddedV1 {
  problemId: string;
  campaignId: string;
  actionId: string;
  description: string;
  ownerId: string;
  /** A calendar date, YYYY-MM-DD, in the group's time zone. */
  dueDate: string;
  addedAt: string;
}
export interface CampaignProblemActionCompletedV1 {
  problemId: string;
  campaignId: string;
  actionId: string;
  completedBy: string;
  note: string;
  completedAt: string;
}
export interface CampaignProblemActionVerifiedV1 {
  problemId: string;
  campaignId: string;
  actionId: string;
  verifiedBy: string;
  verifiedAt: string;
}
export interface CampaignProblemActionSentBackV1 {
  problemId: string;
  campaignId: string;
  actionId: string;
  reason: string;
  sentBackAt: string;
}
export interface CampaignProblemClosedV1 {
  problemId: string;
  campaignId: string;
  closedAt: string;
}

export type CampaignProblemEvent =
  | { type: 'CampaignProblemRaised'; data: CampaignProblemRaisedV1 }
  | { type: 'CampaignProblemLinked'; data: CampaignProblemLinkedV1 }
  | { type: 'CampaignProblemActionAdded'; data: CampaignProblemActionAddedV1 }
  | { type: 'CampaignProblemActionCompleted'; data: CampaignProblemActionCompletedV1 }
  | { type: 'CampaignProblemActionVerified'; data: CampaignProblemActionVerifiedV1 }
  | { type: 'CampaignProblemActionSentBack'; data: CampaignProblemActionSentBackV1 }
  | { type: 'CampaignProblemClosed'; data: CampaignProblemClosedV1 };

export const CAMPAIGN_PROBLEM_STREAM_TYPE = 'CampaignProblem';

const uuid = { type: 'string', format: 'uuid' } as const;
const timestamp = { type: 'string', format: 'date-time' } as const;
const date = { type: 'string', format: 'date' } as const;
const problemText = { type: 'string', minLength: 1, maxLength: PROBLEM_TEXT_MAX_LENGTH } as const;
/** Staff are referred to by their opaque user id (the token's `sub`), as actors are. */
const staffId = { type: 'string', minLength: 1, maxLength: 128 } as const;

function schema(title: string, description: string, properties: Record<string, object>) {
  return {
    title,
    description,
    type: 'object',
    additionalProperties: false,
    required: ['problemId', 'campaignId', ...Object.keys(properties)],
    properties: { problemId: uuid, campaignId: uuid, ...properties },
  } as const;
}

export const campaignProblemEventSchemas = {
  CampaignProblemRaised: {
    1: schema('CampaignProblemRaised', 'A finding of a participation activity became a problem with an owner.', {
      activityId: uuid,
      findingIndex: { type: 'integer', minimum: 0, maximum: FINDINGS_MAX_COUNT - 1 },
      description: problemText,
      category: { enum: PROBLEM_CATEGORIES },
      ownerId: staffId,
      dueDate: date,
      raisedBy: staffId,
      raisedAt: timestamp,
    }),
  },
  CampaignProblemLinked: {
    1: schema('CampaignProblemLinked', 'The problem was linked to a complaint or a typical-case review.', {
      linkKind: { enum: PROBLEM_LINK_KINDS },
      linkedId: uuid,
      linkedAt: timestamp,
    }),
  },
  CampaignProblemActionAdded: {
    1: schema('CampaignProblemActionAdded', 'An improvement action on the problem, with an owner and a due date.', {
      actionId: uuid,
      description: problemText,
      ownerId: staffId,
      dueDate: date,
      addedAt: timestamp,
    }),
  },
  CampaignProblemActionCompleted: {
    1: schema('CampaignProblemActionCompleted', 'The owner (or a campaign admin for them) reported the action done.', {
      actionId: uuid,
      completedBy: staffId,
      note: problemText,
      completedAt: timestamp,
    }),
  },
  CampaignProblemActionVerified: {
    1: schema('CampaignProblemActionVerified', 'A campaign admin verified that the completed action works.', {
      actionId: uuid,
      verifiedBy: staffId,
      verifiedAt: timestamp,
    }),
  },
  CampaignProblemActionSentBack: {
    1: schema('CampaignProblemActionSentBack', 'A campaign admin sent the completed action back; it is open again.', {
      actionId: uuid,
      reason: { type: 'string', minLength: 1, maxLength: PROBLEM_REASON_MAX_LENGTH },
      sentBackAt: timestamp,
    }),
  },
  CampaignProblemClosed: {
    1: schema('CampaignProblemClosed', 'The problem is closed: every improvement action on it was verified.', {
      closedAt: timestamp,
    }),
  },
} as const;
