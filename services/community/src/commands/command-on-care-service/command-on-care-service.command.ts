import type { Principal } from '@cx/auth';
import type { CareServiceCommand } from '../../domain/care-service/care-service.commands';

type WithoutClock<C> = C extends unknown ? Omit<C, 'now'> : never;

/** A command on an existing care service as the API receives it: the handler adds `now`. */
export type CareServiceCommandInput = WithoutClock<Exclude<CareServiceCommand, { type: 'RequestCareService' }>>;

export class CommandOnCareService {
  constructor(
    readonly input: CareServiceCommandInput,
    readonly principal: Principal,
    readonly expectedVersion: number | undefined,
  ) {}
}
