import type { Principal } from '@cx/auth';
import type { ComplaintCommand } from '../../domain/complaint.commands';

type WithoutClock<C> = C extends unknown ? Omit<C, 'now'> : never;

/** A command on an existing complaint as the API receives it: the handler adds `now`. */
export type ComplaintCommandInput = WithoutClock<Exclude<ComplaintCommand, { type: 'FileComplaint' }>>;

export class ChangeComplaint {
  constructor(
    readonly input: ComplaintCommandInput,
    readonly principal: Principal,
    readonly expectedVersion: number | undefined,
  ) {}
}
