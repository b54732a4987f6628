import type { Principal } from '@cx/auth';
import type { CommunityActivityCommand } from '../../domain/community-activity/community-activity.commands';

type WithoutClock<C> = C extends unknown ? Omit<C, 'now'> : never;

/** A staff command on an existing activity as the API receives it: the handler adds `now`. */
export type ActivityCommandInput = WithoutClock<
  Extract<
    CommunityActivityCommand,
    {
      type:
        | 'PublishCommunityActivity'
        | 'ChangeCommunityActivity'
        | 'CancelCommunityActivity'
        | 'CancelActivityRegistration'
        | 'CloseActivityAttendance'
        | 'AddActivityPhoto';
    }
  >
>;

export class CommandOnActivity {
  constructor(
    readonly input: ActivityCommandInput,
    readonly principal: Principal,
    readonly expectedVersion: number | undefined,
  ) {}
}
