import { EventEnvelope } from '@cx/contracts';
import { randomUUID } from 'node:crypto';

/** A logger that says nothing, for consumers under test. */
export const silent = { debug: () => undefined, info: () => undefined, warn: () => undefined, error: () => undefined };

/** A valid ComplaintResolved envelope with a fresh event id: what the consumer specs feed their consumers. */
export function complaintResolved(
  complaintId: string,
  { streamVersion = 2, correlationId = 'c-1' }: { streamVersion?: number; correlationId?: string } = {},
): EventEnvelope {
  return {
    id: randomUUID(),
    type: 'ComplaintResolved',
    schemaVersion: 1,
    streamId: complaintId,
    streamType: 'Complaint',
    streamVersion,
    position: String(streamVersion),
    occurredAt: new Date().toISOString(),
    correlationId,
    causationId: null,
    actor: { type: 'user', id: 'u-1' },
    data: { complaintId, outcome: 'repaired', resolvedAt: new Date().toISOString() },
  };
}
