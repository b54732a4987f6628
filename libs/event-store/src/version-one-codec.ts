import type { DomainEvent } from '@cx/domain';
import type { EventCodec } from './aggregate-repository';
import type { RecordedEvent } from './recorded-event';

/**
 * For streams whose events are all at schema version 1 (`schemas` names the known types): a stored event of an
 * unknown type or another version is refused rather than misread. A stream whose events reach version 2 gets a
 * codec of its own that upcasts (see the confidentiality service's subject repository).
 */
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
