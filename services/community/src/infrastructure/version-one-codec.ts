import type { DomainEvent } from '@cx/domain';
import type { EventCodec, RecordedEvent } from '@cx/event-store';

/** Every community event is at schema version 1; an upcaster goes here when a version 2 appears. */
export function versionOneCodec<Event extends DomainEvent>(
  schemas: Readonly<Record<string, unknown>>,
): EventCodec<Event> {
  const known = new Set(Object.keys(schemas));
  return {
    decode(recorded: RecordedEvent): Event {
      if (!known.has(recorded.type) || recorded.schemaVersion !== 1) {
        throw new Error(`Cannot read ${recorded.type} v${recorded.schemaVersion} at position ${recorded.position}`);
      }
      return { type: recorded.type, data: recorded.data } as Event;
    },
    schemaVersionOf: () => 1,
  };
}
