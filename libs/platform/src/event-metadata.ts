import type { Principal } from '@cx/auth';
import type { EventMetadata } from '@cx/event-store';
import { randomUUID } from 'node:crypto';
import { currentCorrelationId } from './correlation';

/** Metadata for events caused by an HTTP request: its correlation id and the caller's opaque id. */
export function metadataFor(principal: Principal): EventMetadata {
  return {
    correlationId: currentCorrelationId() ?? randomUUID(),
    causationId: null,
    actor: { type: 'user', id: principal.sub },
  };
}
