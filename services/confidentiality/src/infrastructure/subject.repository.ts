import { Injectable } from '@nestjs/common';
import { SUBJECT_STREAM_TYPE, subjectEventSchemas } from '@cx/contracts';
import {
  AggregateRepository,
  AppendResult,
  EventCodec,
  HandleOptions,
  PostgresEventStore,
  RecordedEvent,
  StaleVersion,
  StreamVersionConflict,
} from '@cx/event-store';
import type { SubjectCommand } from '../domain/subject.commands';
import { subjectDecider } from '../domain/subject.decider';
import type { SubjectEvent } from '../domain/subject.events';
import type { PersonalData } from '../domain/personal-data/personal-data';
import type { RegisteredSubject, SubjectState } from '../domain/subject.state';
import { StoredPersonalData, SubjectVault } from './subject-vault';

const KNOWN_EVENTS = new Set<string>(Object.keys(subjectEventSchemas));

/** Every Subject event is at schema version 1; an upcaster goes here when a version 2 appears. */
const subjectCodec: EventCodec<SubjectEvent> = {
  decode(recorded: RecordedEvent): SubjectEvent {
    if (!KNOWN_EVENTS.has(recorded.type) || recorded.schemaVersion !== 1) {
      throw new Error(`Cannot read ${recorded.type} v${recorded.schemaVersion} at position ${recorded.position}`);
    }
    return { type: recorded.type, data: recorded.data } as SubjectEvent;
  },
  schemaVersionOf: () => 1,
};

/** Without If-Match, a decision taken on data that changed meanwhile is taken again; a few tries settle it. */
const MAX_ATTEMPTS = 3;

export interface SubjectAsRead {
  state: SubjectState;
  version: number;
  /** The personal data as it was at `version`; null when the vault holds none. */
  stored: StoredPersonalData | null;
}

@Injectable()
export class SubjectRepository extends AggregateRepository<SubjectCommand, SubjectEvent, SubjectState> {
  constructor(
    store: PostgresEventStore,
    private readonly vault: SubjectVault,
  ) {
    super(store, subjectDecider, SUBJECT_STREAM_TYPE, subjectCodec);
  }

  /** An erased subject has no key: whatever erases it shreds the vault in the same transaction. */
  override handle(
    subjectId: string,
    command: SubjectCommand,
    options: HandleOptions<SubjectState>,
  ): Promise<AppendResult> {
    return super.handle(subjectId, command, {
      ...options,
      alsoInTransaction: async (tx, after) => {
        await options.alsoInTransaction?.(tx, after);
        if (after.status === 'erased') await SubjectVault.shred(subjectId)(tx);
      },
    });
  }

  /** The subject and its personal data as of one stream version. */
  async read(subjectId: string): Promise<SubjectAsRead> {
    const { state, version } = await this.load(subjectId);
    const stored = await this.vault.open(subjectId);
    // An erasure between the two reads leaves a registered state without data: the stream, read again, says erased.
    if (state.status === 'registered' && stored === null) return { ...(await this.load(subjectId)), stored };
    return { state, version, stored };
  }

  /**
   * Runs `decide` on the subject together with its personal data as of one stream version, and `decide` appends
   * at exactly that version: what was read and what is written agree. A stream that moved in between (a
   * correction, an erasure) is read again, unless the caller pinned the version with If-Match.
   */
  async withPersonalData<T>(
    subjectId: string,
    ifMatch: number | undefined,
    decide: (subject: SubjectAsRead) => Promise<T>,
  ): Promise<T> {
    for (let attempt = 1; ; attempt++) {
      const subject = await this.read(subjectId);
      if (ifMatch !== undefined && ifMatch !== subject.version) {
        throw new StaleVersion(subjectId, ifMatch, subject.version);
      }
      try {
        return await decide(subject);
      } catch (error) {
        if (ifMatch !== undefined || !(error instanceof StaleVersion)) throw error;
        if (attempt >= MAX_ATTEMPTS) throw new StreamVersionConflict(subjectId, subject.version);
      }
    }
  }
}

/** A subject some command or query accepted, read at one version: registered, and the vault holds its data. */
export function registeredSubject({ state, stored }: SubjectAsRead): { state: RegisteredSubject; data: PersonalData } {
  if (state.status !== 'registered' || stored === null) {
    throw new Error(`Expected a registered subject with its data, found a ${state.status} one`);
  }
  return { state, data: stored.data };
}
