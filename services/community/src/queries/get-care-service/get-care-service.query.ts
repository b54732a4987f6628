import type { Principal } from '@cx/auth';

/** Asked on behalf of a caller: a care service outside the caller's scope is answered as not found. */
export class GetCareService {
  constructor(
    readonly careServiceId: string,
    readonly principal: Principal,
  ) {}
}
