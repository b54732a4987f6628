import type { ListCeoEscalationsRequest } from './list-ceo-escalations.dto';

export class ListCeoEscalations {
  constructor(readonly filter: ListCeoEscalationsRequest) {}
}
