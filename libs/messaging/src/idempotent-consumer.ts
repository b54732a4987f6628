import { DeadLetterHeaders, deadLetterTopic, EventEnvelope, EventValidator } from '@cx/contracts';
import { Admin, Consumer, EachBatchPayload, Kafka, KafkaMessage } from 'kafkajs';
import type { Pool, PoolClient } from 'pg';
import { consumerLag, messagesOnTopic, PartitionLag } from './consumer-lag';
import { IdempotentProducer } from './idempotent-producer';
import { ensureTopics, MessagingLogger } from './kafka';
import { scanTopic } from './topic-scan';

/** Applies one event inside the consumer's transaction; throw to refuse it. */
export type ApplyEvent = (envelope: EventEnvelope, tx: PoolClient) => Promise<void>;

export interface IdempotentConsumerOptions {
  groupId: string;
  topics: readonly string[];
  apply: ApplyEvent;
  logger: MessagingLogger;
  /** Tries for a transient failure (database unreachable, deadlock) before the batch is handed back to Kafka. */
  transientRetries?: number;
  /**
   * Runs the handling of one event inside the correlation context of the request that caused it (the service's
   * `runWithCorrelationId`), so every log line written meanwhile carries its correlation id.
   */
  runInCorrelation?: <T>(correlationId: string, work: () => Promise<T>) => Promise<T>;
}

/** What a redrive of the dead-letter topic did, message by message. */
export interface RedriveReport {
  examined: number;
  applied: number;
  /** Already applied (their event id is in processed_events): nothing to do. */
  duplicates: number;
  /** Applied by an earlier redrive. */
  alreadyRedriven: number;
  /** Still refused: they stay on the dead-letter topic, with why. */
  stillFailing: { partition: number; offset: string; reason: string }[];
}

export interface ConsumerStats {
  applied: number;
  duplicates: number;
  deadLettered: number;
}

/**
 * Consumes domain events exactly once in effect: the event id is recorded as handled in the same transaction
 * as the effect, so a redelivery changes nothing; offsets are committed after that. A message that cannot be
 * handled goes to `cx.dlq.<group>` with the reason, and consumption moves on; nothing is skipped silently.
 */
export class IdempotentConsumer {
  private readonly consumer: Consumer;
  private readonly deadLetters: IdempotentProducer;
  /** For the lag figures; connected while the consumer runs. */
  private readonly admin: Admin;
  private readonly validator = new EventValidator();
  readonly stats: ConsumerStats = { applied: 0, duplicates: 0, deadLettered: 0 };

  constructor(
    private readonly kafka: Kafka,
    private readonly pool: Pool,
    private readonly options: IdempotentConsumerOptions,
  ) {
    this.consumer = kafka.consumer({ groupId: options.groupId, sessionTimeout: 30_000, heartbeatInterval: 3_000 });
    this.deadLetters = new IdempotentProducer(kafka);
    this.admin = kafka.admin();
  }

  get groupId(): string {
    return this.options.groupId;
  }

  get deadLetterTopic(): string {
    return deadLetterTopic(this.options.groupId);
  }

  /** How far this group is behind, per topic and partition. */
  lag(): Promise<PartitionLag[]> {
    return consumerLag(this.admin, this.options.groupId, this.options.topics);
  }

  /** Messages on this group's dead-letter topic (a redrive leaves them there). */
  deadLettersWaiting(): Promise<number> {
    return messagesOnTopic(this.admin, this.deadLetterTopic);
  }

  async start(): Promise<void> {
    await ensureTopics(this.kafka, [
      ...this.options.topics.map((topic) => ({ topic })),
      { topic: this.deadLetterTopic },
    ]);
    await this.deadLetters.connect();
    await this.admin.connect();
    await this.consumer.connect();
    await this.consumer.subscribe({ topics: [...this.options.topics], fromBeginning: true });
    await this.consumer.run({
      autoCommit: false,
      eachBatchAutoResolve: false,
      eachBatch: (payload) => this.handleBatch(payload),
    });
  }

  /** Lets the batch in hand finish and commit its offsets, then leaves the group. */
  async stop(): Promise<void> {
    await this.consumer.disconnect();
    await this.deadLetters.disconnect();
    await this.admin.disconnect();
  }

  private async handleBatch({ batch, resolveOffset, heartbeat, isRunning, isStale }: EachBatchPayload): Promise<void> {
    let lastHandled: string | undefined;
    for (const message of batch.messages) {
      if (!isRunning() || isStale()) break;
      await this.handleMessage(batch.topic, batch.partition, message);
      resolveOffset(message.offset);
      lastHandled = message.offset;
      await heartbeat();
    }
    if (lastHandled !== undefined) {
      await this.consumer.commitOffsets([
        { topic: batch.topic, partition: batch.partition, offset: (BigInt(lastHandled) + 1n).toString() },
      ]);
    }
  }

  /**
   * Gives every message on this group's dead-letter topic another go (after a fix was deployed): each one that
   * now applies is applied once and remembered, the others are reported and stay where they are.
   */
  async redriveDeadLetters(): Promise<RedriveReport> {
    const letters: KafkaMessage[] = [];
    const partitions = new Map<KafkaMessage, number>();
    await ensureTopics(this.kafka, [{ topic: this.deadLetterTopic }]);
    await scanTopic(this.kafka, this.deadLetterTopic, (message, partition) => {
      letters.push(message);
      partitions.set(message, partition);
    });
    const report: RedriveReport = { examined: 0, applied: 0, duplicates: 0, alreadyRedriven: 0, stillFailing: [] };
    for (const letter of letters) {
      report.examined++;
      const partition = partitions.get(letter)!;
      const { rowCount: seen } = await this.pool.query(
        'SELECT 1 FROM dead_letter_redrives WHERE consumer_group = $1 AND partition = $2 AND "offset" = $3',
        [this.options.groupId, partition, letter.offset],
      );
      if (seen) {
        report.alreadyRedriven++;
        continue;
      }
      const refusal = await this.tryAgain(letter, partition, report);
      if (refusal) report.stillFailing.push({ partition, offset: letter.offset, reason: refusal });
    }
    this.options.logger.info({ ...report, stillFailing: report.stillFailing.length }, 'dead letters redriven');
    return report;
  }

  /** Null when the letter now applies (or was applied already); else why not. */
  private async tryAgain(letter: KafkaMessage, partition: number, report: RedriveReport): Promise<string | null> {
    let parsed: unknown;
    try {
      parsed = JSON.parse(letter.value?.toString('utf8') ?? '');
    } catch (error) {
      return `unparseable JSON: ${(error as Error).message}`;
    }
    const validation = this.validator.validate(parsed);
    if (!validation.valid) return validation.reason;
    const header = (name: string) => letter.headers?.[name]?.toString() ?? '';
    const before = this.stats.duplicates;
    const envelope = validation.envelope;
    try {
      await this.inCorrelationOf(envelope, () =>
        this.applyOnce(
          envelope,
          header(DeadLetterHeaders.originalTopic),
          Number(header(DeadLetterHeaders.originalPartition) || 0),
          header(DeadLetterHeaders.originalOffset) || '0',
        ),
      );
    } catch (error) {
      return `handler refused: ${(error as Error).message}`;
    }
    if (this.stats.duplicates > before) report.duplicates++;
    else report.applied++;
    await this.pool.query(
      `INSERT INTO dead_letter_redrives (consumer_group, partition, "offset") VALUES ($1, $2, $3)
       ON CONFLICT DO NOTHING`,
      [this.options.groupId, partition, letter.offset],
    );
    return null;
  }

  private async handleMessage(topic: string, partition: number, message: KafkaMessage): Promise<void> {
    let parsed: unknown;
    try {
      parsed = JSON.parse(message.value?.toString('utf8') ?? '');
    } catch (error) {
      return this.deadLetter(topic, partition, message, `unparseable JSON: ${(error as Error).message}`);
    }
    const validation = this.validator.validate(parsed);
    if (!validation.valid) return this.deadLetter(topic, partition, message, validation.reason);
    const envelope = validation.envelope;
    return this.inCorrelationOf(envelope, () => this.applyWithRetries(envelope, topic, partition, message));
  }

  private inCorrelationOf(envelope: EventEnvelope, work: () => Promise<void>): Promise<void> {
    return this.options.runInCorrelation ? this.options.runInCorrelation(envelope.correlationId, work) : work();
  }

  private async applyWithRetries(
    envelope: EventEnvelope,
    topic: string,
    partition: number,
    message: KafkaMessage,
  ): Promise<void> {
    const retries = this.options.transientRetries ?? 5;
    for (let attempt = 1; ; attempt++) {
      try {
        return await this.applyOnce(envelope, topic, partition, message.offset);
      } catch (error) {
        if (!isTransient(error)) {
          return this.deadLetter(topic, partition, message, `handler refused: ${(error as Error).message}`);
        }
        if (attempt > retries) throw error;
        this.options.logger.warn({ err: error, attempt, eventId: envelope.id }, 'transient failure; retrying');
        await new Promise((resolve) => setTimeout(resolve, Math.min(100 * 2 ** attempt, 5_000)));
      }
    }
  }

  private async applyOnce(envelope: EventEnvelope, topic: string, partition: number, offset: string): Promise<void> {
    const tx = await this.pool.connect();
    try {
      await tx.query('BEGIN');
      const { rowCount } = await tx.query(
        `INSERT INTO processed_events (consumer_group, event_id, topic, partition, "offset")
         VALUES ($1, $2, $3, $4, $5) ON CONFLICT DO NOTHING`,
        [this.options.groupId, envelope.id, topic, partition, offset],
      );
      if (rowCount === 0) {
        await tx.query('ROLLBACK');
        this.stats.duplicates++;
        this.options.logger.debug({ eventId: envelope.id, correlationId: envelope.correlationId }, 'duplicate skipped');
        return;
      }
      await this.options.apply(envelope, tx);
      await tx.query('COMMIT');
      this.stats.applied++;
      this.options.logger.debug(
        { eventId: envelope.id, type: envelope.type, streamId: envelope.streamId, topic, partition, offset },
        'event applied',
      );
    } catch (error) {
      await tx.query('ROLLBACK').catch(() => undefined);
      throw error;
    } finally {
      tx.release();
    }
  }

  private async deadLetter(topic: string, partition: number, message: KafkaMessage, reason: string): Promise<void> {
    await this.deadLetters.send({
      topic: this.deadLetterTopic,
      acks: -1,
      messages: [
        {
          key: message.key,
          value: message.value,
          headers: {
            ...message.headers,
            [DeadLetterHeaders.error]: reason,
            [DeadLetterHeaders.originalTopic]: topic,
            [DeadLetterHeaders.originalPartition]: String(partition),
            [DeadLetterHeaders.originalOffset]: message.offset,
            [DeadLetterHeaders.consumerGroup]: this.options.groupId,
            [DeadLetterHeaders.failedAt]: new Date().toISOString(),
          },
        },
      ],
    });
    this.stats.deadLettered++;
    this.options.logger.error(
      { topic, partition, offset: message.offset, reason },
      'message sent to dead-letter topic',
    );
  }
}

/** Failures worth retrying: the database is unreachable or the transaction lost a race. */
function isTransient(error: unknown): boolean {
  const e = error as { code?: string };
  if (typeof e?.code !== 'string') return false;
  return /^(08|40|53|57P0|58)/.test(e.code) || ['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EPIPE'].includes(e.code);
}
