import type { DomainEvent } from '@cx/domain';
import type { EventCodec, RecordedEvent } from '@cx/event-store';

/** For streams whose events are all at schema version 1; an upcaster replaces it when a version 2 appears. */
export function versionOneCodec<E extends DomainEvent>(schemas: Readonly<Record<string, unknown>>): EventCodec<E> {
  const known = new Set(Object.keys(schemas));
  return {
    decode(recorded: RecordedEvent): E {
      if (!known.has(recorded.type) || recorded.schemaVersion !== 1) {
        throw new Error(`Cannot read ${recorded.type} v${recorded.schemaVersion} at position ${recorded.position}`);
      }
      return { type: recorded.type, data: recorded.data } as E;
    },
    schemaVersionOf: () => 1,
  };
}
