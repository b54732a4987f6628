import type { Principal } from '@cx/auth';
import type { ListCeoEscalationsRequest } from './list-ceo-escalations.dto';

/** On behalf of a caller: one limited to regions or projects sees only those. */
export class ListCeoEscalations {
  constructor(
    readonly filter: ListCeoEscalationsRequest,
    readonly principal: Principal,
  ) {}
}
