import type { Admin } from 'kafkajs';

/** How far one consumer group is behind on one partition. */
export interface PartitionLag {
  groupId: string;
  topic: string;
  partition: number;
  /** The next offset the group will read; null when it has committed nothing there yet. */
  committed: number | null;
  /** The partition's high watermark: the offset the next message will get. */
  end: number;
  /** Messages written but not yet consumed (a group without a commit starts at the earliest offset). */
  lag: number;
}

/**
 * Lag per partition of the group's topics: high watermark minus committed offset. Without topics, every topic
 * the group has committed offsets on.
 */
export async function consumerLag(admin: Admin, groupId: string, topics?: readonly string[]): Promise<PartitionLag[]> {
  const committed = await admin.fetchOffsets({ groupId, topics: topics ? [...topics] : undefined });
  const lags: PartitionLag[] = [];
  for (const { topic, partitions } of committed) {
    const watermarks = new Map((await admin.fetchTopicOffsets(topic)).map((p) => [p.partition, p]));
    for (const { partition, offset } of partitions) {
      const marks = watermarks.get(partition);
      if (!marks) continue;
      const end = Number(marks.high);
      const next = Number(offset) >= 0 ? Number(offset) : null;
      lags.push({
        groupId,
        topic,
        partition,
        committed: next,
        end,
        lag: Math.max(0, end - (next ?? Number(marks.low))),
      });
    }
  }
  return lags.sort((a, b) => a.topic.localeCompare(b.topic) || a.partition - b.partition);
}

/** Messages a topic holds now, over all partitions (a dead-letter topic keeps every letter). */
export async function messagesOnTopic(admin: Admin, topic: string): Promise<number> {
  const partitions = await admin.fetchTopicOffsets(topic);
  return partitions.reduce((sum, p) => sum + Number(p.high) - Number(p.low), 0);
}
