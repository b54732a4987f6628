import { randomUUID } from 'node:crypto';
import type { EventEnvelope } from '@cx/contracts';

/**
 * Envelopes as a topic carries them, for the projection specs: each stream's versions counted from 1, positions in
 * the order the events are made, one correlation id and actor for the whole history.
 */
export function eventHistory(defaults: { occurredAt: string; correlationId: string; actorId: string }) {
  const versions = new Map<string, number>();
  let position = 0;
  const nextPosition = () => String(++position);
  const envelope = (
    streamType: string,
    streamId: string,
    type: string,
    data: object,
    occurredAt = defaults.occurredAt,
  ): EventEnvelope => {
    const streamVersion = (versions.get(streamId) ?? 0) + 1;
    versions.set(streamId, streamVersion);
    return {
      id: randomUUID(),
      type,
      schemaVersion: 1,
      streamId,
      streamType,
      streamVersion,
      position: nextPosition(),
      occurredAt,
      correlationId: defaults.correlationId,
      causationId: null,
      actor: { type: 'user', id: defaults.actorId },
      data,
    };
  };
  return { envelope, nextPosition };
}
