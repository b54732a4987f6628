/** Who caused an event. Only an opaque id: names are personal data and stay out of events. */
export interface Actor {
  type: 'user' | 'system';
  id: string;
}

/** The JSON value of every message on a domain topic (ARCHITECTURE.md, "Kafka"). */
export interface EventEnvelope<Data = unknown> {
  id: string;
  type: string;
  schemaVersion: number;
  streamId: string;
  streamType: string;
  streamVersion: number;
  position: string;
  occurredAt: string;
  correlationId: string;
  causationId: string | null;
  actor: Actor;
  data: Data;
}

/** Kafka headers that repeat envelope fields, so routers can filter without parsing the value. */
export const EnvelopeHeaders = {
  eventType: 'event-type',
  schemaVersion: 'schema-version',
  correlationId: 'correlation-id',
} as const;

/** Headers added to a dead-lettered message. */
export const DeadLetterHeaders = {
  error: 'dlq-error',
  originalTopic: 'dlq-original-topic',
  originalPartition: 'dlq-original-partition',
  originalOffset: 'dlq-original-offset',
  consumerGroup: 'dlq-consumer-group',
  failedAt: 'dlq-failed-at',
} as const;

/** The envelope's own JSON Schema: a consumer checks it before it looks at `data`. */
export const eventEnvelopeSchema = {
  $id: 'https://cx-platform.local/schemas/event-envelope.json',
  type: 'object',
  additionalProperties: false,
  required: [
    'id',
    'type',
    'schemaVersion',
    'streamId',
    'streamType',
    'streamVersion',
    'position',
    'occurredAt',
    'correlationId',
    'causationId',
    'actor',
    'data',
  ],
  properties: {
    id: { type: 'string', format: 'uuid' },
    type: { type: 'string', minLength: 1 },
    schemaVersion: { type: 'integer', minimum: 1 },
    streamId: { type: 'string', minLength: 1 },
    streamType: { type: 'string', minLength: 1 },
    streamVersion: { type: 'integer', minimum: 1 },
    position: { type: 'string', pattern: '^[0-9]+$' },
    occurredAt: { type: 'string', format: 'date-time' },
    correlationId: { type: 'string', minLength: 1 },
    causationId: { type: ['string', 'null'] },
    actor: {
      type: 'object',
      additionalProperties: false,
      required: ['type', 'id'],
      properties: { type: { enum: ['user', 'system'] }, id: { type: 'string', minLength: 1 } },
    },
    data: { type: 'object' },
  },
} as const;
