import { Consumer, IHeaders, Kafka, logLevel } from 'kafkajs';
import { createKafka, ensureTopics } from '@cx/messaging';
import { uniqueSuffix } from './test-infrastructure';

export interface ReadMessage {
  partition: number;
  offset: string;
  key: string | null;
  value: string | null;
  headers: Record<string, string>;
}

/** Reads a topic from the beginning with a throwaway consumer group: what an operations team would see. */
export class TopicReader {
  readonly messages: ReadMessage[] = [];
  private consumer?: Consumer;

  constructor(
    private readonly brokers: string[],
    private readonly topic: string,
  ) {}

  async start(): Promise<this> {
    const silent = { debug: () => undefined, info: () => undefined, warn: () => undefined, error: () => undefined };
    // The reader may start before the service that owns the topic has created it.
    await ensureTopics(createKafka(this.brokers, 'test-reader-admin', silent), [{ topic: this.topic }]);
    const kafka = new Kafka({ clientId: 'test-reader', brokers: this.brokers, logLevel: logLevel.NOTHING });
    this.consumer = kafka.consumer({ groupId: `test-reader-${uniqueSuffix()}` });
    await this.consumer.connect();
    try {
      await this.subscribe(this.consumer);
    } catch (error) {
      await this.consumer.disconnect();
      throw error;
    }
    return this;
  }

  private async subscribe(consumer: Consumer): Promise<void> {
    await consumer.subscribe({ topic: this.topic, fromBeginning: true });
    await consumer.run({
      eachMessage: async ({ partition, message }) => {
        this.messages.push({
          partition,
          offset: message.offset,
          key: message.key?.toString() ?? null,
          value: message.value?.toString() ?? null,
          headers: decodeHeaders(message.headers),
        });
      },
    });
  }

  async stop(): Promise<void> {
    await this.consumer?.disconnect();
  }
}

function decodeHeaders(headers: IHeaders | undefined): Record<string, string> {
  return Object.fromEntries(Object.entries(headers ?? {}).map(([k, v]) => [k, String(v)]));
}
