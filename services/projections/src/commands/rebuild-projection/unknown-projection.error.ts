import { DomainError } from '@cx/domain';

export class UnknownProjection extends DomainError {
  readonly code = 'PROJECTION.UNKNOWN';
  readonly kind = 'not_found';

  constructor(name: string, known: readonly string[]) {
    super(`There is no projection ${name}; the projections are ${known.join(', ')}.`, { projection: name, known });
  }
}
