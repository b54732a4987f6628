/**
 * What went wrong, in business terms. The HTTP layer maps `kind` to a status in one place
 * (libs/platform problem-details filter); `code` is the stable, documented identifier.
 */
export type DomainErrorKind =
  | 'not_found'
  | 'gone'
  | 'invalid_state'
  | 'rule_violation'
  | 'concurrency_conflict'
  | 'precondition_failed'
  | 'idempotency_conflict'
  | 'forbidden';

export abstract class DomainError extends Error {
  abstract readonly code: string;
  abstract readonly kind: DomainErrorKind;

  constructor(
    message: string,
    readonly details: Readonly<Record<string, unknown>> = {},
  ) {
    super(message);
    this.name = new.target.name;
  }
}
