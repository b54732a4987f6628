import { Inject, Injectable } from '@nestjs/common';
import { COMPLAINT_STREAM_TYPE, complaintEventSchemas } from '@cx/contracts';
import { AggregateRepository, EventCodec, PostgresEventStore, RecordedEvent } from '@cx/event-store';
import { PG_POOL } from '@cx/platform';
import type { Pool, PoolClient } from 'pg';
import type { ComplaintCommand } from '../domain/complaint.commands';
import { complaintDecider } from '../domain/complaint.decider';
import type { ComplaintEvent } from '../domain/complaint.events';
import type { ComplaintState } from '../domain/complaint.state';

const KNOWN_EVENTS = new Set<string>(Object.keys(complaintEventSchemas));

/** Every Complaint event is at schema version 1; an upcaster goes here when a version 2 appears. */
const complaintCodec: EventCodec<ComplaintEvent> = {
  decode(recorded: RecordedEvent): ComplaintEvent {
    if (!KNOWN_EVENTS.has(recorded.type) || recorded.schemaVersion !== 1) {
      throw new Error(`Cannot read ${recorded.type} v${recorded.schemaVersion} at position ${recorded.position}`);
    }
    return { type: recorded.type, data: recorded.data } as ComplaintEvent;
  },
  schemaVersionOf: () => 1,
};

@Injectable()
export class ComplaintRepository extends AggregateRepository<ComplaintCommand, ComplaintEvent, ComplaintState> {
  constructor(
    store: PostgresEventStore,
    @Inject(PG_POOL) private readonly pool: Pool,
  ) {
    super(store, complaintDecider, COMPLAINT_STREAM_TYPE, complaintCodec);
  }

  /** Written in the append's transaction: a complaint never exists without its description, nor the reverse. */
  static saveDescription(complaintId: string, description: string) {
    return async (tx: PoolClient) => {
      await tx.query('INSERT INTO complaint_descriptions (complaint_id, description) VALUES ($1, $2)', [
        complaintId,
        description,
      ]);
    };
  }

  async description(complaintId: string): Promise<string | null> {
    const { rows } = await this.pool.query<{ description: string }>(
      'SELECT description FROM complaint_descriptions WHERE complaint_id = $1',
      [complaintId],
    );
    return rows[0]?.description ?? null;
  }
}
