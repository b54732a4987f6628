import type { Actor } from '@cx/contracts';

/** What every event carries besides its data; lands in the envelope on Kafka. */
export interface EventMetadata {
  correlationId: string;
  causationId: string | null;
  actor: Actor;
}

export interface NewEvent {
  type: string;
  schemaVersion: number;
  data: unknown;
}

export interface RecordedEvent {
  /** Global position (bigint, kept as a decimal string so no precision is lost in JS). */
  position: string;
  eventId: string;
  streamId: string;
  streamType: string;
  streamVersion: number;
  type: string;
  schemaVersion: number;
  data: unknown;
  metadata: EventMetadata;
  recordedAt: Date;
  /** The writing transaction's id (xid8): the relay reads only below the oldest transaction still in flight. */
  transactionId: string;
}

export interface EventRow {
  position: string;
  event_id: string;
  stream_id: string;
  stream_type: string;
  stream_version: number;
  type: string;
  schema_version: number;
  data: unknown;
  metadata: EventMetadata;
  recorded_at: Date;
  transaction_id: string;
}

export const EVENT_COLUMNS =
  'position, event_id, stream_id, stream_type, stream_version, type, schema_version, data, metadata, recorded_at, transaction_id::text AS transaction_id';

export function toRecordedEvent(row: EventRow): RecordedEvent {
  return {
    position: String(row.position),
    eventId: row.event_id,
    streamId: row.stream_id,
    streamType: row.stream_type,
    streamVersion: row.stream_version,
    type: row.type,
    schemaVersion: row.schema_version,
    data: row.data,
    metadata: row.metadata,
    recordedAt: row.recorded_at,
    transactionId: row.transaction_id,
  };
}
