import { Kafka, Partitioners, Producer, ProducerRecord, RecordMetadata } from 'kafkajs';

/**
 * An idempotent kafkajs producer (one request in flight, so retries keep the order; acks from all in-sync
 * replicas) that is replaced after a send fails.
 *
 * kafkajs rolls its sequence numbers back when a send fails, also when the broker did store the batch and only
 * the answer was lost (broker killed, connection reset). The next send is usually a different batch (the relay
 * reads again from its checkpoint) starting at a sequence the broker already has: the broker answers
 * OUT_OF_ORDER_SEQUENCE_NUMBER to it and to every later send, until the process restarts. A new producer gets a
 * new producer id and starts its sequences afresh; a batch the broker had already stored is then stored twice,
 * and consumers dedupe by event id.
 */
export class IdempotentProducer {
  private producer: Producer;
  private connecting?: Promise<void>;

  constructor(private readonly kafka: Kafka) {
    this.producer = this.create();
  }

  connect(): Promise<void> {
    this.connecting ??= this.producer.connect();
    return this.connecting;
  }

  async send(record: ProducerRecord): Promise<RecordMetadata[]> {
    const producer = this.producer;
    try {
      await this.connect();
      return await producer.send({ acks: -1, ...record });
    } catch (error) {
      this.producer = this.create();
      this.connecting = undefined;
      await producer.disconnect().catch(() => undefined);
      throw error;
    }
  }

  disconnect(): Promise<void> {
    return this.producer.disconnect();
  }

  private create(): Producer {
    return this.kafka.producer({
      idempotent: true,
      maxInFlightRequests: 1,
      createPartitioner: Partitioners.DefaultPartitioner,
    });
  }
}
