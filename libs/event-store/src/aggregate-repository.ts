import { Decider, DomainEvent, fold } from '@cx/domain';
import type { PoolClient } from 'pg';
import { StaleVersion, StreamVersionConflict } from './event-store.errors';
import { AppendResult, Idempotency, PostgresEventStore } from './event-store';
import { EventMetadata, RecordedEvent } from './recorded-event';

export interface EventCodec<Event extends DomainEvent> {
  /** Turns a stored event into the current domain shape, upcasting older schema versions on read. */
  decode(recorded: RecordedEvent): Event;
  /** The schema version new events are written with. */
  schemaVersionOf(event: Event): number;
}

export interface LoadedAggregate<State> {
  state: State;
  version: number;
}

export interface HandleOptions<State> {
  /** From If-Match: the decision must be taken on exactly this version, or the command fails with 412. */
  expectedVersion?: number;
  metadata: EventMetadata;
  idempotency?: Idempotency;
  /**
   * Throws when the caller may not act on the aggregate as loaded, before anything else is said about it (not
   * even a stale version), so an aggregate outside the caller's scope looks like one that does not exist.
   */
  authorize?: (state: State) => void;
  /** Writes that commit with the events, given the state after them (e.g. an inline read model or schedule). */
  alsoInTransaction?: (tx: PoolClient, stateAfter: State) => Promise<void>;
}

export interface HandleResult<State> extends AppendResult {
  /** The aggregate after the command; absent for a replayed Idempotency-Key (nothing was decided this time). */
  state?: State;
}

/** Without If-Match a lost race is retried on fresh state; a few tries settle any realistic contention. */
const MAX_ATTEMPTS = 3;

/** read stream -> fold -> decide -> append with expected version: the glue every command handler needs. */
export class AggregateRepository<Command, Event extends DomainEvent, State> {
  constructor(
    private readonly store: PostgresEventStore,
    private readonly decider: Decider<Command, Event, State>,
    private readonly streamType: string,
    private readonly codec: EventCodec<Event>,
  ) {}

  async load(streamId: string): Promise<LoadedAggregate<State>> {
    const recorded = await this.store.readStream(streamId);
    return {
      state: fold(
        this.decider,
        recorded.map((r) => this.codec.decode(r)),
      ),
      version: recorded.length === 0 ? 0 : recorded[recorded.length - 1].streamVersion,
    };
  }

  async handle(streamId: string, command: Command, options: HandleOptions<State>): Promise<HandleResult<State>> {
    const commandType = commandTypeOf(command);
    try {
      const result = await this.decideAndAppend(streamId, command, options);
      this.store.observer.commandHandled(this.streamType, commandType);
      return result;
    } catch (error) {
      this.store.observer.commandFailed(this.streamType, commandType, error);
      throw error;
    }
  }

  private async decideAndAppend(
    streamId: string,
    command: Command,
    options: HandleOptions<State>,
  ): Promise<HandleResult<State>> {
    for (let attempt = 1; ; attempt++) {
      // A stream that must not exist yet is not read first: the append's version check finds out if it does,
      // and then the command is decided again on what is there (scope first, then 412), as if it had been read.
      const assumedNew = options.expectedVersion === 0 && attempt === 1;
      const { state, version } = assumedNew
        ? { state: this.decider.initialState(), version: 0 }
        : await this.load(streamId);
      options.authorize?.(state);
      if (options.expectedVersion !== undefined && options.expectedVersion !== version) {
        throw new StaleVersion(streamId, options.expectedVersion, version);
      }
      const events = this.decider.decide(command, state);
      if (events.length === 0) return { streamId, streamVersion: version, events: [], replayed: false, state };
      const stateAfter = events.reduce((s, e) => this.decider.evolve(s, e), state);
      const alsoInTransaction = options.alsoInTransaction;
      try {
        const appended = await this.store.append({
          streamId,
          streamType: this.streamType,
          expectedVersion: version,
          events: events.map((e) => ({ type: e.type, schemaVersion: this.codec.schemaVersionOf(e), data: e.data })),
          metadata: options.metadata,
          idempotency: options.idempotency,
          alsoInTransaction: alsoInTransaction && ((tx) => alsoInTransaction(tx, stateAfter)),
        });
        return appended.replayed ? appended : { ...appended, state: stateAfter };
      } catch (error) {
        if (!(error instanceof StreamVersionConflict)) throw error;
        if (assumedNew) continue;
        if (options.expectedVersion !== undefined) {
          const current = await this.load(streamId);
          throw new StaleVersion(streamId, options.expectedVersion, current.version);
        }
        if (attempt >= MAX_ATTEMPTS) throw error;
      }
    }
  }
}

/** Commands are tagged unions (`type`), so the metrics can count them by kind. */
function commandTypeOf(command: unknown): string {
  const type = (command as { type?: unknown } | null)?.type;
  return typeof type === 'string' ? type : 'unknown';
}
