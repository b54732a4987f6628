import { Admin, Kafka, logLevel, LogEntry } from 'kafkajs';
import { stopIdleRequestQueuePolling } from './request-queue-idle-fix';

export interface MessagingLogger {
  debug(obj: object, msg: string): void;
  info(obj: object, msg: string): void;
  warn(obj: object, msg: string): void;
  error(obj: object, msg: string): void;
}

export function createKafka(brokers: string[], clientId: string, logger: MessagingLogger): Kafka {
  stopIdleRequestQueuePolling();
  return new Kafka({
    clientId,
    brokers,
    logLevel: logLevel.WARN,
    logCreator:
      () =>
      ({ level, log }: LogEntry) => {
        const { message, ...rest } = log;
        const entry = { kafka: rest };
        if (level === logLevel.ERROR) logger.error(entry, message);
        else if (level === logLevel.WARN) logger.warn(entry, message);
        else logger.debug(entry, message);
      },
    retry: { initialRetryTime: 200, retries: 8 },
  });
}

export interface TopicSpec {
  topic: string;
  partitions?: number;
}

/** Domain topics are the replayable history: created with infinite retention, never left to auto-creation. */
export async function ensureTopics(kafka: Kafka, topics: readonly TopicSpec[]): Promise<void> {
  const admin = kafka.admin();
  await admin.connect();
  try {
    const existing = new Set(await admin.listTopics());
    const missing = topics.filter((t) => !existing.has(t.topic));
    if (missing.length === 0) return;
    await admin
      .createTopics({
        waitForLeaders: true,
        topics: missing.map((t) => ({
          topic: t.topic,
          numPartitions: t.partitions ?? 3,
          replicationFactor: -1,
          configEntries: [{ name: 'retention.ms', value: '-1' }],
        })),
      })
      .catch((error: { type?: string; errors?: Array<{ type?: string }> }) => {
        // Another service created it between our list and create: that is the outcome we wanted.
        if (error.errors?.every((e) => e.type === 'TOPIC_ALREADY_EXISTS')) return;
        // Created, but the broker's metadata does not list it yet (a busy or just started KRaft broker); kafkajs
        // waits out only "leader not available", so the wait goes on here.
        if (error.type === 'UNKNOWN_TOPIC_OR_PARTITION')
          return waitForLeaders(
            admin,
            missing.map((t) => t.topic),
          );
        throw error;
      });
  } finally {
    await admin.disconnect();
  }
}

const LEADERS_TIMEOUT_MS = 30_000;

async function waitForLeaders(admin: Admin, topics: string[]): Promise<void> {
  const deadline = Date.now() + LEADERS_TIMEOUT_MS;
  for (;;) {
    const metadata = await admin.fetchTopicMetadata({ topics }).catch((error: { type?: string }) => {
      if (error.type === 'UNKNOWN_TOPIC_OR_PARTITION' || error.type === 'LEADER_NOT_AVAILABLE') return undefined;
      throw error;
    });
    if (metadata?.topics.every((t) => t.partitions.length > 0 && t.partitions.every((p) => p.leader >= 0))) return;
    if (Date.now() > deadline) throw new Error(`no leaders for ${topics.join(', ')} after ${LEADERS_TIMEOUT_MS} ms`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}
