import { Inject, Injectable } from '@nestjs/common';
import { PersonalDataRevealedV1, SUBJECT_STREAM_TYPE, subjectEventSchemas } from '@cx/contracts';
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
import { PG_POOL } from '@cx/platform';
import type { Pool } from 'pg';
import type { SubjectCommand } from '../domain/subject.commands';
import { createSubjectDecider } from '../domain/subject.decider';
import type { SubjectEvent } from '../domain/subject.events';
import type { PersonalData } from '../domain/personal-data/personal-data';
import { nextRetentionCheck, RetentionPolicy } from '../domain/retention/retention-policy';
import type { RegisteredSubject, SubjectState } from '../domain/subject.state';
import { RETENTION_POLICY } from './retention-policy.config';
import { StoredPersonalData, SubjectVault } from './subject-vault';

/** The version each Subject event is written at: the latest its contract has. */
const LATEST_VERSION = new Map(
  Object.entries(subjectEventSchemas).map(([type, versions]) => [type, Math.max(...Object.keys(versions).map(Number))]),
);

/** Reads every published version; a PersonalDataRevealed v1 (a read before grants) is upcast with no grant. */
const subjectCodec: EventCodec<SubjectEvent> = {
  decode(recorded: RecordedEvent): SubjectEvent {
    if (recorded.type === 'PersonalDataRevealed' && recorded.schemaVersion === 1) {
      return { type: 'PersonalDataRevealed', data: { ...(recorded.data as PersonalDataRevealedV1), grantId: null } };
    }
    if (recorded.schemaVersion !== LATEST_VERSION.get(recorded.type)) {
      throw new Error(`Cannot read ${recorded.type} v${recorded.schemaVersion} at position ${recorded.position}`);
    }
    return { type: recorded.type, data: recorded.data } as SubjectEvent;
  },
  schemaVersionOf: (event) => LATEST_VERSION.get(event.type) as number,
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
    @Inject(PG_POOL) private readonly pool: Pool,
    @Inject(RETENTION_POLICY) private readonly retention: RetentionPolicy,
  ) {
    super(store, createSubjectDecider(retention), SUBJECT_STREAM_TYPE, subjectCodec);
  }

  /**
   * An erased subject has no key: whatever erases it shreds the vault in the same transaction. Every change also
   * reschedules the subject's retention check there, so the retention job never works from a stale date.
   */
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
        await this.saveRetentionCheck(tx, subjectId, after);
      },
    });
  }

  /** Recomputes the next retention check from the stream, for a check that found nothing to do. */
  async rescheduleRetentionCheck(subjectId: string): Promise<void> {
    const { state } = await this.load(subjectId);
    await this.saveRetentionCheck(this.pool, subjectId, state);
  }

  private async saveRetentionCheck(db: Pick<Pool, 'query'>, subjectId: string, state: SubjectState) {
    if (state.status !== 'registered') {
      await db.query('DELETE FROM retention_checks WHERE subject_id = $1', [subjectId]);
      return;
    }
    await db.query(
      `INSERT INTO retention_checks (subject_id, due_at, updated_at) VALUES ($1, $2, now())
       ON CONFLICT (subject_id) DO UPDATE SET due_at = EXCLUDED.due_at, updated_at = now()`,
      [subjectId, nextRetentionCheck(state, this.retention)],
    );
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
