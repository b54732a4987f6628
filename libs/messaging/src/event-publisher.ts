import type { RecordedEvent } from '@cx/event-store';
import { Kafka, Partitioners, Producer } from 'kafkajs';
import { toKafkaMessage } from './envelope';

/**
 * Publishes committed events to the service's topic. Idempotent producer with one request in flight:
 * kafkajs can reorder retried batches otherwise; acks from all in-sync replicas.
 */
export class KafkaEventPublisher {
  private readonly producer: Producer;

  constructor(
    kafka: Kafka,
    private readonly topic: string,
  ) {
    this.producer = kafka.producer({
      idempotent: true,
      maxInFlightRequests: 1,
      createPartitioner: Partitioners.DefaultPartitioner,
    });
  }

  connect(): Promise<void> {
    return this.producer.connect();
  }

  disconnect(): Promise<void> {
    return this.producer.disconnect();
  }

  async publish(events: readonly RecordedEvent[]): Promise<void> {
    if (events.length === 0) return;
    await this.producer.send({ topic: this.topic, acks: -1, messages: events.map(toKafkaMessage) });
  }
}
