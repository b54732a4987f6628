import type { Kafka } from 'kafkajs';
import { ensureTopics } from './kafka';

/** An admin client whose createTopics fails as a busy KRaft broker answers, and whose metadata lags behind. */
function kafkaWithLaggingMetadata(metadataLagCalls: number) {
  const calls = { createTopics: 0, fetchTopicMetadata: 0 };
  const admin = {
    connect: async () => undefined,
    disconnect: async () => undefined,
    listTopics: async () => [],
    createTopics: async () => {
      calls.createTopics++;
      throw Object.assign(new Error('This server does not host this topic-partition'), {
        type: 'UNKNOWN_TOPIC_OR_PARTITION',
      });
    },
    fetchTopicMetadata: async ({ topics }: { topics: string[] }) => {
      if (++calls.fetchTopicMetadata <= metadataLagCalls) {
        throw Object.assign(new Error('This server does not host this topic-partition'), {
          type: 'UNKNOWN_TOPIC_OR_PARTITION',
        });
      }
      return { topics: topics.map((name) => ({ name, partitions: [{ partitionId: 0, leader: 1 }] })) };
    },
  };
  return { kafka: { admin: () => admin } as unknown as Kafka, calls };
}

describe('creating the topics a service needs', () => {
  it('waits for a created topic the broker does not list yet, instead of failing the start-up', async () => {
    const { kafka, calls } = kafkaWithLaggingMetadata(3);
    await ensureTopics(kafka, [{ topic: 'cx.complaints.events' }]);
    expect(calls).toEqual({ createTopics: 1, fetchTopicMetadata: 4 });
  });
});
