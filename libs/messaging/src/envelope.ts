import { EnvelopeHeaders, EventEnvelope } from '@cx/contracts';
import type { RecordedEvent } from '@cx/event-store';
import type { Message } from 'kafkajs';

export function toEnvelope(event: RecordedEvent): EventEnvelope {
  return {
    id: event.eventId,
    type: event.type,
    schemaVersion: event.schemaVersion,
    streamId: event.streamId,
    streamType: event.streamType,
    streamVersion: event.streamVersion,
    position: event.position,
    occurredAt: event.recordedAt.toISOString(),
    correlationId: event.metadata.correlationId,
    causationId: event.metadata.causationId,
    actor: event.metadata.actor,
    data: event.data,
  };
}

/** Key = stream id, so one aggregate's events share a partition and stay in order. */
export function toKafkaMessage(event: RecordedEvent): Message {
  const envelope = toEnvelope(event);
  return {
    key: envelope.streamId,
    value: JSON.stringify(envelope),
    headers: {
      [EnvelopeHeaders.eventType]: envelope.type,
      [EnvelopeHeaders.schemaVersion]: String(envelope.schemaVersion),
      [EnvelopeHeaders.correlationId]: envelope.correlationId,
    },
  };
}
