import { DeadLetterHeaders, EnvelopeHeaders, eventEnvelopeSchema } from './envelope';
import { eventContracts } from './registry';
import { Topics } from './topics';

/** The AsyncAPI 3 document for the domain topics, generated from the event schemas (`npm run asyncapi`). */
export function buildAsyncApiDocument(): Record<string, unknown> {
  const messages: Record<string, unknown> = {};
  for (const c of eventContracts) {
    messages[`${c.type}V${c.schemaVersion}`] = {
      name: c.type,
      title: `${c.type} v${c.schemaVersion}`,
      contentType: 'application/json',
      headers: {
        type: 'object',
        properties: {
          [EnvelopeHeaders.eventType]: { const: c.type },
          [EnvelopeHeaders.schemaVersion]: { const: String(c.schemaVersion) },
          [EnvelopeHeaders.correlationId]: { type: 'string' },
        },
      },
      payload: {
        allOf: [
          { $ref: '#/components/schemas/EventEnvelope' },
          {
            type: 'object',
            properties: {
              type: { const: c.type },
              schemaVersion: { const: c.schemaVersion },
              streamType: { const: c.streamType },
              data: c.schema,
            },
          },
        ],
      },
      bindings: { kafka: { key: { type: 'string', description: 'The stream (aggregate) id' } } },
    };
  }
  const channels: Record<string, unknown> = {};
  for (const topic of new Set(eventContracts.map((c) => c.topic))) {
    const key = Object.entries(Topics).find(([, t]) => t === topic)?.[0] ?? topic;
    channels[key] = {
      address: topic,
      description: 'Domain events of one service; key = stream id; infinite retention (replayable history).',
      messages: Object.fromEntries(
        eventContracts
          .filter((c) => c.topic === topic)
          .map((c) => [`${c.type}V${c.schemaVersion}`, { $ref: `#/components/messages/${c.type}V${c.schemaVersion}` }]),
      ),
      bindings: { kafka: { topicConfiguration: { 'retention.ms': -1 } } },
    };
  }
  return {
    asyncapi: '3.0.0',
    info: {
      title: 'cx-platform domain events',
      version: '1.0.0',
      description: `Events published by the cx-platform services. A message a consumer cannot handle goes to cx.dlq.<consumer-group> with headers ${Object.values(DeadLetterHeaders).join(', ')}.`,
    },
    defaultContentType: 'application/json',
    channels,
    components: { schemas: { EventEnvelope: eventEnvelopeSchema }, messages },
  };
}
