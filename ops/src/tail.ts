import { EnvelopeHeaders, EventEnvelope } from '@cx/contracts';
import { randomUUID } from 'node:crypto';
import type { IHeaders, Kafka, KafkaMessage } from 'kafkajs';

export interface TailFilter {
  /** Event types to show (any of them); empty shows every type. */
  types: readonly string[];
  /** Only this stream (the message key, which is the stream id). */
  stream?: string;
}

export interface TailedMessage {
  topic: string;
  partition: number;
  offset: string;
  key: string | null;
  value: string | null;
  headers: Record<string, string>;
}

export function toTailedMessage(topic: string, partition: number, message: KafkaMessage): TailedMessage {
  return {
    topic,
    partition,
    offset: message.offset,
    key: message.key?.toString('utf8') ?? null,
    value: message.value?.toString('utf8') ?? null,
    headers: decodeHeaders(message.headers),
  };
}

/** The envelope, when the value is one (a dead letter may be anything). */
export function envelopeOf(message: TailedMessage): EventEnvelope | undefined {
  try {
    const parsed = JSON.parse(message.value ?? '') as Partial<EventEnvelope>;
    return typeof parsed?.type === 'string' && typeof parsed.streamId === 'string'
      ? (parsed as EventEnvelope)
      : undefined;
  } catch {
    return undefined;
  }
}

export function matches(message: TailedMessage, filter: TailFilter): boolean {
  const envelope = envelopeOf(message);
  if (filter.types.length > 0) {
    const type = message.headers[EnvelopeHeaders.eventType] ?? envelope?.type;
    if (!type || !filter.types.includes(type)) return false;
  }
  if (filter.stream !== undefined && message.key !== filter.stream && envelope?.streamId !== filter.stream) {
    return false;
  }
  return true;
}

/** One line per message: where it is, what it is, which stream and request; or the envelope as JSON. */
export function formatMessage(message: TailedMessage, json: boolean): string {
  const where = `${message.topic}[${message.partition}]@${message.offset}`;
  const envelope = envelopeOf(message);
  if (json) {
    return JSON.stringify({ topic: message.topic, partition: message.partition, offset: message.offset, envelope });
  }
  if (!envelope) return `${where} key=${message.key ?? '-'} ${(message.value ?? '').slice(0, 200)}`;
  return [
    envelope.occurredAt,
    where,
    `${envelope.type} v${envelope.schemaVersion}`,
    `${envelope.streamId}#${envelope.streamVersion}`,
    `correlation=${envelope.correlationId}`,
  ].join(' ');
}

export interface TailOptions {
  topic: string;
  filter: TailFilter;
  fromBeginning: boolean;
  /** Stop after this many matching messages; otherwise follow until `until` resolves. */
  max?: number;
  json: boolean;
  write: (line: string) => void;
  /** Stops the tail (Ctrl-C). */
  until?: Promise<void>;
  /** Called once the consumer fetches, i.e. it sees every message written from now on. */
  onReady?: () => void;
}

/**
 * Follows a topic with a throw-away consumer group (deleted afterwards), from its end or its beginning;
 * resolves with how many messages were shown.
 */
export async function tail(kafka: Kafka, options: TailOptions): Promise<number> {
  const groupId = `cx-tail.${randomUUID()}`;
  const consumer = kafka.consumer({ groupId, allowAutoTopicCreation: false });
  const admin = kafka.admin();
  let shown = 0;
  await admin.connect();
  try {
    if (!(await admin.listTopics()).includes(options.topic)) throw new Error(`no topic ${options.topic}`);
    await consumer.connect();
    await consumer.subscribe({ topic: options.topic, fromBeginning: options.fromBeginning });
    await new Promise<void>((resolve, reject) => {
      const ready = consumer.on(consumer.events.FETCH, () => {
        ready();
        options.onReady?.();
      });
      consumer.on(consumer.events.CRASH, ({ payload }) => reject(payload.error));
      options.until?.then(resolve, reject);
      consumer
        .run({
          autoCommit: false,
          eachMessage: async ({ topic, partition, message }) => {
            if (options.max !== undefined && shown >= options.max) return;
            const tailed = toTailedMessage(topic, partition, message);
            if (!matches(tailed, options.filter)) return;
            options.write(formatMessage(tailed, options.json));
            shown++;
            if (options.max !== undefined && shown >= options.max) resolve();
          },
        })
        .catch(reject);
    });
    return shown;
  } finally {
    await consumer.disconnect();
    await admin.deleteGroups([groupId]).catch(() => undefined);
    await admin.disconnect();
  }
}

function decodeHeaders(headers: IHeaders | undefined): Record<string, string> {
  return Object.fromEntries(Object.entries(headers ?? {}).map(([k, v]) => [k, String(v)]));
}
