import { DeadLetterHeaders, deadLetterTopic, EventEnvelope, EventValidator } from '@cx/contracts';
import { Admin, Consumer, EachBatchPayload, Kafka, KafkaMessage } from 'kafkajs';
import type { Pool, PoolClient } from 'pg';
import { consumerLag, messagesOnTopic, PartitionLag } from './consumer-lag';
import { IdempotentProducer } from './idempotent-producer';
import { ensureTopics, MessagingLogger } from './kafka';
import { scanTopic } from './topic-scan';

/**
 * Applies one event inside the consumer's transaction; throw to refuse it. The transaction may hold several
 * events; when it rolls back, its events are applied again one at a time, so any effect outside `tx` must
 * tolerate a second call for the same event.
 */
export type ApplyEvent = (envelope: EventEnvelope, tx: PoolClient) => Promise<void>;

/**
 * Applies the new events of a chunk, in offset order, inside its transaction: what `apply` would do to each in
 * turn, with as few statements as the handler can manage. Throw to refuse the chunk: its events are then
 * applied again one at a time with `apply`, so a poison event is refused alone.
 */
export type ApplyEvents = (envelopes: readonly EventEnvelope[], tx: PoolClient) => Promise<void>;

export interface IdempotentConsumerOptions {
  groupId: string;
  topics: readonly string[];
  apply: ApplyEvent;
  /** For the events of a chunk, when given; `apply` still handles the one-at-a-time fallback and the redrive. */
  applyMany?: ApplyEvents;
  logger: MessagingLogger;
  /** Tries for a transient failure (database unreachable, deadlock) before the batch is handed back to Kafka. */
  transientRetries?: number;
  /**
   * Runs the handling of one event inside the correlation context of the request that caused it (the service's
   * `runWithCorrelationId`), so every log line written meanwhile carries its correlation id.
   */
  runInCorrelation?: <T>(correlationId: string, work: () => Promise<T>) => Promise<T>;
  /** Messages of a batch applied in one transaction (500): one commit per chunk instead of one per event. */
  eventsPerTransaction?: number;
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
 * Told, for each event applied live (not by a redrive), the seconds from its publication to Kafka (the message
 * timestamp) until the transaction that applied it committed: how far behind the read model runs, in time.
 */
export type ApplyDelayListener = (seconds: number) => void;

/**
 * A chunk's transaction has an xid while it runs, which holds back pg_snapshot_xmin and so every relay on the
 * cluster: large enough to spare most commits, small enough to stay a fraction of a second.
 */
const EVENTS_PER_TRANSACTION = 500;

/** Named, so each pooled connection parses and plans it once. */
const RECORD_PROCESSED = {
  name: 'cx-processed-events-record',
  text: `INSERT INTO processed_events (consumer_group, event_id, topic, partition, "offset")
         VALUES ($1, $2, $3, $4, $5) ON CONFLICT DO NOTHING`,
};

/** The events of a chunk that this group has not applied before, in the order given. */
const RECORD_PROCESSED_CHUNK = {
  name: 'cx-processed-events-record-chunk',
  text: `INSERT INTO processed_events (consumer_group, event_id, topic, partition, "offset")
         SELECT $1, e.event_id, $2, $3, e."offset" FROM unnest($4::uuid[], $5::bigint[]) AS e(event_id, "offset")
         ON CONFLICT DO NOTHING RETURNING event_id::text`,
};

type Decoded = { envelope: EventEnvelope } | { refusal: string };

/** An event of a chunk with where it was read and when it was published (the message timestamp). */
type ChunkEvent = { envelope: EventEnvelope; offset: string; publishedAt: string };

/** A heartbeat refused in the middle of a chunk: the member lost its partitions, the new owner redoes the work. */
class HeartbeatRefused {
  constructor(readonly error: unknown) {}
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
  private readonly applyDelayListeners: ApplyDelayListener[] = [];

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

  onApplyDelay(listener: ApplyDelayListener): void {
    this.applyDelayListeners.push(listener);
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

  /**
   * Applies the batch chunk by chunk, each in one transaction. A chunk that fails is rolled back and applied
   * again one message at a time, so that a poison message is dead-lettered alone and the others still apply.
   */
  private async handleBatch({ batch, resolveOffset, heartbeat, isRunning, isStale }: EachBatchPayload): Promise<void> {
    const size = this.options.eventsPerTransaction ?? EVENTS_PER_TRANSACTION;
    const fenced = () => !isRunning() || isStale();
    let lastHandled: string | undefined;
    const handled = (offset: string) => {
      resolveOffset(offset);
      lastHandled = offset;
    };
    chunks: for (let start = 0; start < batch.messages.length; start += size) {
      if (fenced()) break;
      const chunk = batch.messages.slice(start, start + size);
      if (await this.applyChunk(batch.topic, batch.partition, chunk, heartbeat)) {
        // A stale batch's offsets are not this member's to resolve; the owner's redelivery finds the events done.
        if (isStale()) break;
        handled(chunk[chunk.length - 1].offset);
        await heartbeat();
        continue;
      }
      for (const message of chunk) {
        if (fenced()) break chunks;
        await this.handleMessage(batch.topic, batch.partition, message);
        handled(message.offset);
        await heartbeat();
      }
    }
    if (lastHandled !== undefined) {
      await this.consumer.commitOffsets([
        { topic: batch.topic, partition: batch.partition, offset: (BigInt(lastHandled) + 1n).toString() },
      ]);
    }
  }

  /**
   * One transaction for the chunk: records every event id as processed in one statement, applies those it had
   * not seen, in offset order (an id repeated in the chunk counts once), commits, then dead-letters the messages
   * that are not events. False when anything failed (rolled back, nothing dead-lettered).
   */
  private async applyChunk(
    topic: string,
    partition: number,
    messages: KafkaMessage[],
    heartbeat: () => Promise<void>,
  ): Promise<boolean> {
    const refused: { message: KafkaMessage; reason: string }[] = [];
    // Keyed by the id as Postgres writes it back (lower case), so that RETURNING and the envelopes agree.
    const events = new Map<string, ChunkEvent>();
    let repeats = 0;
    for (const message of messages) {
      const decoded = this.decode(message);
      if ('refusal' in decoded) refused.push({ message, reason: decoded.refusal });
      else if (events.has(decoded.envelope.id.toLowerCase())) repeats++;
      else
        events.set(decoded.envelope.id.toLowerCase(), {
          envelope: decoded.envelope,
          offset: message.offset,
          publishedAt: message.timestamp,
        });
    }
    let fresh: ChunkEvent[] = [];
    if (events.size > 0) {
      // Without a connection there is no chunk: the path one message at a time retries transient failures.
      const tx = await this.pool.connect().catch(() => undefined);
      if (!tx) return false;
      // A connection that cannot even roll back is dead: destroyed rather than returned to the pool, where the
      // next transaction would fail with "Connection terminated unexpectedly".
      let broken: Error | undefined;
      try {
        await tx.query('BEGIN');
        const { rows } = await tx.query<{ event_id: string }>({
          ...RECORD_PROCESSED_CHUNK,
          values: [
            this.options.groupId,
            topic,
            partition,
            [...events.values()].map((e) => e.envelope.id),
            [...events.values()].map((e) => e.offset),
          ],
        });
        const recorded = new Set(rows.map((row) => row.event_id));
        fresh = [...events].filter(([id]) => recorded.has(id)).map(([, event]) => event);
        const heartbeatOrRefuse = () =>
          heartbeat().catch((error: unknown) => {
            throw new HeartbeatRefused(error);
          });
        const { applyMany } = this.options;
        if (applyMany) {
          if (fresh.length > 0) {
            await applyMany(
              fresh.map((event) => event.envelope),
              tx,
            );
            await heartbeatOrRefuse();
          }
        } else {
          for (const { envelope } of fresh) {
            await this.inCorrelationOf(envelope, () => this.options.apply(envelope, tx));
            await heartbeatOrRefuse();
          }
        }
        await tx.query('COMMIT');
      } catch (error) {
        await tx.query('ROLLBACK').catch((rollbackError: Error) => (broken = rollbackError));
        if (error instanceof HeartbeatRefused) throw error.error;
        this.options.logger.warn(
          { err: error, topic, partition, from: messages[0].offset, to: messages[messages.length - 1].offset },
          'chunk rolled back; applying its messages one at a time',
        );
        return false;
      } finally {
        tx.release(broken);
      }
    }
    this.stats.applied += fresh.length;
    this.stats.duplicates += events.size - fresh.length + repeats;
    const committedAt = Date.now();
    for (const { publishedAt } of fresh) this.reportApplyDelay(publishedAt, committedAt);
    for (const { envelope, offset } of fresh) {
      this.options.logger.debug(
        {
          eventId: envelope.id,
          type: envelope.type,
          streamId: envelope.streamId,
          correlationId: envelope.correlationId,
          topic,
          partition,
          offset,
        },
        'event applied',
      );
    }
    for (const { message, reason } of refused) await this.deadLetter(topic, partition, message, reason);
    return true;
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
    const decoded = this.decode(letter);
    if ('refusal' in decoded) return decoded.refusal;
    const header = (name: string) => letter.headers?.[name]?.toString() ?? '';
    const envelope = decoded.envelope;
    let applied: boolean;
    try {
      applied = await this.inCorrelationOf(envelope, () =>
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
    if (applied) report.applied++;
    else report.duplicates++;
    await this.pool.query(
      `INSERT INTO dead_letter_redrives (consumer_group, partition, "offset") VALUES ($1, $2, $3)
       ON CONFLICT DO NOTHING`,
      [this.options.groupId, partition, letter.offset],
    );
    return null;
  }

  private async handleMessage(topic: string, partition: number, message: KafkaMessage): Promise<void> {
    const decoded = this.decode(message);
    if ('refusal' in decoded) return this.deadLetter(topic, partition, message, decoded.refusal);
    const envelope = decoded.envelope;
    return this.inCorrelationOf(envelope, () => this.applyWithRetries(envelope, topic, partition, message));
  }

  /** The envelope a message carries, or why it carries none (not JSON, or not a valid envelope of a known event). */
  private decode(message: KafkaMessage): Decoded {
    let parsed: unknown;
    try {
      parsed = JSON.parse(message.value?.toString('utf8') ?? '');
    } catch (error) {
      return { refusal: `unparseable JSON: ${(error as Error).message}` };
    }
    const validation = this.validator.validate(parsed);
    return validation.valid ? { envelope: validation.envelope } : { refusal: validation.reason };
  }

  private inCorrelationOf<T>(envelope: EventEnvelope, work: () => Promise<T>): Promise<T> {
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
        if (await this.applyOnce(envelope, topic, partition, message.offset)) {
          this.reportApplyDelay(message.timestamp, Date.now());
        }
        return;
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

  /** True when applied; false when this group had applied the event before. */
  private async applyOnce(envelope: EventEnvelope, topic: string, partition: number, offset: string): Promise<boolean> {
    const tx = await this.pool.connect();
    let broken: Error | undefined;
    try {
      await tx.query('BEGIN');
      const { rowCount } = await tx.query({
        ...RECORD_PROCESSED,
        values: [this.options.groupId, envelope.id, topic, partition, offset],
      });
      if (rowCount === 0) {
        await tx.query('ROLLBACK');
        this.stats.duplicates++;
        this.options.logger.debug({ eventId: envelope.id, correlationId: envelope.correlationId }, 'duplicate skipped');
        return false;
      }
      await this.options.apply(envelope, tx);
      await tx.query('COMMIT');
      this.stats.applied++;
      this.options.logger.debug(
        { eventId: envelope.id, type: envelope.type, streamId: envelope.streamId, topic, partition, offset },
        'event applied',
      );
      return true;
    } catch (error) {
      await tx.query('ROLLBACK').catch((rollbackError: Error) => (broken = rollbackError));
      throw error;
    } finally {
      tx.release(broken);
    }
  }

  /** A clock behind the producer's would make a negative delay: counted as none. */
  private reportApplyDelay(publishedAt: string, committedAt: number): void {
    const seconds = Math.max(0, (committedAt - Number(publishedAt)) / 1000);
    for (const listener of this.applyDelayListeners) listener(seconds);
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
  const e = error as { code?: string; message?: string };
  // node-postgres reports a connection lost under a query (database restarted or crashed) with no code.
  if (typeof e?.message === 'string' && e.message.startsWith('Connection terminated')) return true;
  if (typeof e?.code !== 'string') return false;
  return /^(08|40|53|57P0|58)/.test(e.code) || ['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EPIPE'].includes(e.code);
}
