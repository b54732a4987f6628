import { randomUUID } from 'node:crypto';
import type { Kafka, KafkaMessage } from 'kafkajs';

/**
 * Reads a topic from its beginning to the end it had when the scan started, every partition, with a
 * throw-away consumer group (deleted afterwards): for tools that recompute something from the history.
 */
export async function scanTopic(
  kafka: Kafka,
  topic: string,
  onMessage: (message: KafkaMessage, partition: number) => void,
): Promise<number> {
  const admin = kafka.admin();
  await admin.connect();
  const groupId = `scan.${topic}.${randomUUID()}`;
  const consumer = kafka.consumer({ groupId, allowAutoTopicCreation: false });
  try {
    const ends = new Map((await admin.fetchTopicOffsets(topic)).map((p) => [p.partition, Number(p.high)]));
    const reached = new Map<number, number>();
    const done = () => [...ends].every(([partition, end]) => (reached.get(partition) ?? -1) >= end - 1);
    let count = 0;
    await consumer.connect();
    await consumer.subscribe({ topic, fromBeginning: true });
    await new Promise<void>((resolve, reject) => {
      consumer.on(consumer.events.CRASH, ({ payload }) => reject(payload.error));
      if (done()) return resolve();
      consumer
        .run({
          autoCommit: false,
          eachMessage: async ({ message, partition }) => {
            if (Number(message.offset) < (ends.get(partition) ?? 0)) {
              onMessage(message, partition);
              count += 1;
            }
            reached.set(partition, Number(message.offset));
            if (done()) resolve();
          },
        })
        .catch(reject);
    });
    return count;
  } finally {
    await consumer.disconnect();
    await admin.deleteGroups([groupId]).catch(() => undefined);
    await admin.disconnect();
  }
}
