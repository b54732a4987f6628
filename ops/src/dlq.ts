import { DeadLetterHeaders, EnvelopeHeaders } from '@cx/contracts';
import { scanTopic } from '@cx/messaging';
import type { Kafka } from 'kafkajs';
import { TailedMessage, toTailedMessage } from './tail';

/** Every message on a dead-letter topic, oldest first per partition; none when the topic does not exist yet. */
export async function deadLetters(kafka: Kafka, topic: string): Promise<TailedMessage[]> {
  const admin = kafka.admin();
  await admin.connect();
  let exists: boolean;
  try {
    exists = (await admin.listTopics()).includes(topic);
  } finally {
    await admin.disconnect();
  }
  if (!exists) return [];
  const letters: TailedMessage[] = [];
  await scanTopic(kafka, topic, (message, partition) => letters.push(toTailedMessage(topic, partition, message)));
  return letters.sort((a, b) => a.partition - b.partition || Number(a.offset) - Number(b.offset));
}

/** Where a letter came from, what it was and why it was refused. */
export function formatDeadLetter(letter: TailedMessage): string {
  const h = letter.headers;
  return [
    `${letter.partition}@${letter.offset}`,
    h[DeadLetterHeaders.failedAt] ?? '-',
    `from=${h[DeadLetterHeaders.originalTopic]}[${h[DeadLetterHeaders.originalPartition]}]@${h[DeadLetterHeaders.originalOffset]}`,
    `type=${h[EnvelopeHeaders.eventType] ?? '-'}`,
    `key=${letter.key ?? '-'}`,
    `reason=${h[DeadLetterHeaders.error] ?? '-'}`,
  ].join(' ');
}
