import type { RecordedEvent } from '@cx/event-store';
import type { Kafka, Message } from 'kafkajs';
import { toKafkaMessage } from './envelope';
import { IdempotentProducer } from './idempotent-producer';

/**
 * The broker refuses a partition's batch above its `message.max.bytes` (1 MiB by default), and kafkajs sends
 * all of one send's messages for a partition as one batch: large events (a roster import) are sent in parts.
 */
export const MAX_SEND_BYTES = 512 * 1024;

/** Room for a record's own framing (lengths, offsets, timestamps) beside its key, value and headers. */
const RECORD_OVERHEAD_BYTES = 64;

/**
 * Publishes committed events to the service's topic. Idempotent producer with one request in flight:
 * kafkajs can reorder retried batches otherwise; acks from all in-sync replicas; replaced after a failed send.
 */
export class KafkaEventPublisher {
  private readonly producer: IdempotentProducer;

  constructor(
    kafka: Kafka,
    private readonly topic: string,
  ) {
    this.producer = new IdempotentProducer(kafka);
  }

  connect(): Promise<void> {
    return this.producer.connect();
  }

  disconnect(): Promise<void> {
    return this.producer.disconnect();
  }

  async publish(events: readonly RecordedEvent[]): Promise<void> {
    for (const messages of inSendableParts(events.map(toKafkaMessage))) {
      await this.producer.send({ topic: this.topic, acks: -1, messages });
    }
  }
}

/** Consecutive parts of at most `maxBytes` each, in order; a message larger than that goes alone. */
export function inSendableParts(messages: readonly Message[], maxBytes = MAX_SEND_BYTES): Message[][] {
  const parts: Message[][] = [];
  let part: Message[] = [];
  let bytes = 0;
  for (const message of messages) {
    const size = sizeOf(message);
    if (part.length > 0 && bytes + size > maxBytes) {
      parts.push(part);
      part = [];
      bytes = 0;
    }
    part.push(message);
    bytes += size;
  }
  if (part.length > 0) parts.push(part);
  return parts;
}

function sizeOf(message: Message): number {
  const headers = Object.entries(message.headers ?? {}).reduce(
    (sum, [name, value]) => sum + Buffer.byteLength(name) + byteLength(value),
    0,
  );
  return RECORD_OVERHEAD_BYTES + byteLength(message.key) + byteLength(message.value) + headers;
}

function byteLength(value: unknown): number {
  if (value === null || value === undefined) return 0;
  if (Buffer.isBuffer(value) || typeof value === 'string') return Buffer.byteLength(value);
  return Buffer.byteLength(String(value));
}
