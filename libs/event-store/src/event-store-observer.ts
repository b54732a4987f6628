import type { RecordedEvent } from './recorded-event';

/** What the store and the aggregate repositories report as they work (the service's metrics listen). */
export interface EventStoreObserver {
  /** Events committed by one append; not called for an idempotent replay, which appends nothing. */
  appended(streamType: string, events: readonly RecordedEvent[]): void;
  /** A command an aggregate decided on: its events (possibly none) are committed. */
  commandHandled(streamType: string, commandType: string): void;
  /** A command refused (domain rule, stale version, conflict) or failed. */
  commandFailed(streamType: string, commandType: string, error: unknown): void;
}

/** The observer, and besides it `onAppended` after every append's commit (the relay of the same process). */
export function alsoOnAppended(observer: EventStoreObserver, onAppended: () => void): EventStoreObserver {
  return {
    appended: (streamType, events) => {
      observer.appended(streamType, events);
      onAppended();
    },
    commandHandled: (streamType, commandType) => observer.commandHandled(streamType, commandType),
    commandFailed: (streamType, commandType, error) => observer.commandFailed(streamType, commandType, error),
  };
}

export const noObserver: EventStoreObserver = {
  appended: () => undefined,
  commandHandled: () => undefined,
  commandFailed: () => undefined,
};
