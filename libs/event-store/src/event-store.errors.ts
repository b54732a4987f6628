import { DomainError } from '@cx/domain';

/** Someone appended to the stream since it was read. */
export class StreamVersionConflict extends DomainError {
  readonly code = 'EVENT_STORE.STREAM_VERSION_CONFLICT';
  readonly kind = 'concurrency_conflict';

  constructor(streamId: string, expectedVersion: number) {
    super(`Stream ${streamId} changed while the command was decided (expected version ${expectedVersion}).`, {
      streamId,
      expectedVersion,
    });
  }
}

/** The client's If-Match names a version that is no longer current. */
export class StaleVersion extends DomainError {
  readonly code = 'EVENT_STORE.STALE_VERSION';
  readonly kind = 'precondition_failed';

  constructor(streamId: string, expectedVersion: number, currentVersion: number) {
    super(`Version ${expectedVersion} of ${streamId} is stale; the current version is ${currentVersion}.`, {
      streamId,
      expectedVersion,
      currentVersion,
    });
  }
}

/** An Idempotency-Key was sent again with a different request. */
export class IdempotencyKeyReused extends DomainError {
  readonly code = 'IDEMPOTENCY.KEY_REUSED';
  readonly kind = 'idempotency_conflict';

  constructor(key: string) {
    super(`Idempotency-Key "${key}" was already used for a different request.`, { idempotencyKey: key });
  }
}
