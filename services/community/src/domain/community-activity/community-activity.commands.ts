import type { ActivityCancellationReason, CheckInMethod } from '@cx/contracts';
import type { CommunityActivityDetailsV1 } from './community-activity.events';

/** Every command names its activity and arrives with `now`: the decider has no clock of its own. */
interface OnActivity {
  activityId: string;
  now: Date;
}

export interface PlanCommunityActivity extends OnActivity {
  type: 'PlanCommunityActivity';
  community: string;
  details: CommunityActivityDetailsV1;
  plannedBy: string;
}

export interface PublishCommunityActivity extends OnActivity {
  type: 'PublishCommunityActivity';
}

/** Only the fields to change; the same values again change nothing. */
export interface ChangeCommunityActivity extends OnActivity {
  type: 'ChangeCommunityActivity';
  changes: Partial<CommunityActivityDetailsV1>;
}

export interface CancelCommunityActivity extends OnActivity {
  type: 'CancelCommunityActivity';
  reason: ActivityCancellationReason;
}

export interface RegisterForActivity extends OnActivity {
  type: 'RegisterForActivity';
  registrationId: string;
  residentId: string;
  partySize: number;
  /** Whether the resident is on the community's register, looked up by the handler. */
  onCommunityRegister: boolean;
}

export interface CancelActivityRegistration extends OnActivity {
  type: 'CancelActivityRegistration';
  registrationId: string;
}

export interface AcceptWaitlistOffer extends OnActivity {
  type: 'AcceptWaitlistOffer';
  registrationId: string;
}

/** From the scheduler: offers not accepted by now lapse, and their places go to the next in line. */
export interface ExpireWaitlistOffers extends OnActivity {
  type: 'ExpireWaitlistOffers';
}

export interface CheckInAttendee extends OnActivity {
  type: 'CheckInAttendee';
  registrationId: string;
  method: CheckInMethod;
  checkedInBy: string;
}

export interface CloseActivityAttendance extends OnActivity {
  type: 'CloseActivityAttendance';
}

export interface GiveActivityFeedback extends OnActivity {
  type: 'GiveActivityFeedback';
  registrationId: string;
  rating: number;
  commented: boolean;
}

export interface AddActivityPhoto extends OnActivity {
  type: 'AddActivityPhoto';
  photoId: string;
  reference: string;
  addedBy: string;
}

export type CommunityActivityCommand =
  | PlanCommunityActivity
  | PublishCommunityActivity
  | ChangeCommunityActivity
  | CancelCommunityActivity
  | RegisterForActivity
  | CancelActivityRegistration
  | AcceptWaitlistOffer
  | ExpireWaitlistOffers
  | CheckInAttendee
  | CloseActivityAttendance
  | GiveActivityFeedback
  | AddActivityPhoto;
