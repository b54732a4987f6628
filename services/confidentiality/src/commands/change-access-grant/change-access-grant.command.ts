import type { Principal } from '@cx/auth';
import type { AccessGrantCommand } from '../../domain/access-grant/access-grant.commands';

type WithoutClock<C> = C extends unknown ? Omit<C, 'now'> : never;

/** A decision on a requested or approved grant as the API receives it: the handler adds `now`. */
export type AccessGrantCommandInput = WithoutClock<
  Extract<AccessGrantCommand, { type: 'ApproveAccess' | 'RejectAccess' | 'RevokeAccess' }>
>;

export class ChangeAccessGrant {
  constructor(
    readonly input: AccessGrantCommandInput,
    readonly principal: Principal,
    readonly expectedVersion: number | undefined,
  ) {}
}
