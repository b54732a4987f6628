import { Inject, Injectable } from '@nestjs/common';
import { COMPLAINT_STREAM_TYPE, complaintEventSchemas } from '@cx/contracts';
import { AggregateRepository, HandleOptions, HandleResult, PostgresEventStore, versionOneCodec } from '@cx/event-store';
import { PG_POOL } from '@cx/platform';
import type { Pool } from 'pg';
import type { ComplaintCommand } from '../domain/complaint.commands';
import { createComplaintDecider } from '../domain/complaint.decider';
import type { ComplaintEvent } from '../domain/complaint.events';
import type { ComplaintState } from '../domain/complaint.state';
import { nextSlaCheck } from '../domain/sla/sla-clocks';
import type { SlaPolicy } from '../domain/sla/sla-policy';
import { SLA_POLICY } from './sla-policy.config';

/** What the complaint's GET shows of its customer besides the stream: their words, unless the vault erased them. */
export interface CustomerRecord {
  description: string | null;
  customerErased: boolean;
}

type FileComplaint = Extract<ComplaintCommand, { type: 'FileComplaint' }>;

const complaintCodec = versionOneCodec<ComplaintEvent>(complaintEventSchemas);

@Injectable()
export class ComplaintRepository extends AggregateRepository<ComplaintCommand, ComplaintEvent, ComplaintState> {
  constructor(
    store: PostgresEventStore,
    @Inject(PG_POOL) private readonly pool: Pool,
    @Inject(SLA_POLICY) readonly slaPolicy: SlaPolicy,
  ) {
    super(store, createComplaintDecider(slaPolicy), COMPLAINT_STREAM_TYPE, complaintCodec);
  }

  /** Every change also reschedules the complaint's next SLA check, in the same transaction as its events. */
  override handle(
    complaintId: string,
    command: ComplaintCommand,
    options: HandleOptions<ComplaintState>,
  ): Promise<HandleResult<ComplaintState>> {
    return super.handle(complaintId, command, {
      ...options,
      alsoInTransaction: async (tx, after) => {
        await options.alsoInTransaction?.(tx, after);
        await this.saveSlaCheck(tx, complaintId, after);
      },
    });
  }

  /**
   * Files a complaint: its events, the customer's words and its first SLA check commit together, the words and
   * the check in one statement besides the events' (each round trip costs). Answers with the customer record as
   * a read would find it, so the answer to the filing need not read anything again.
   */
  async file(
    command: FileComplaint,
    description: string,
    options: Omit<HandleOptions<ComplaintState>, 'alsoInTransaction'>,
  ): Promise<HandleResult<ComplaintState> & { customer?: CustomerRecord }> {
    let customer: CustomerRecord | undefined;
    const result = await super.handle(command.complaintId, command, {
      ...options,
      alsoInTransaction: async (tx, filed) => {
        const { rows } = await tx.query<{ erased: boolean }>(
          `WITH description AS (INSERT INTO complaint_descriptions (complaint_id, description) VALUES ($1, $2))
           INSERT INTO sla_checks (complaint_id, due_at, updated_at) VALUES ($1, $3, now())
           ON CONFLICT (complaint_id) DO UPDATE SET due_at = EXCLUDED.due_at, updated_at = now()
           RETURNING EXISTS (SELECT 1 FROM erased_subjects WHERE subject_id = $4) AS erased`,
          [command.complaintId, description, this.nextCheckDue(filed), command.customerId],
        );
        customer = { description, customerErased: rows[0].erased };
      },
    });
    return { ...result, customer };
  }

  /** Recomputes the next SLA check from the stream, for a check that found nothing to raise. */
  async rescheduleSlaCheck(complaintId: string): Promise<void> {
    const { state } = await this.load(complaintId);
    await this.saveSlaCheck(this.pool, complaintId, state);
  }

  private nextCheckDue(state: ComplaintState): Date | null {
    return state.status === 'not_filed' ? null : nextSlaCheck(state, this.slaPolicy);
  }

  private async saveSlaCheck(db: Pick<Pool, 'query'>, complaintId: string, state: ComplaintState): Promise<void> {
    const due = this.nextCheckDue(state);
    await db.query(
      `INSERT INTO sla_checks (complaint_id, due_at, updated_at) VALUES ($1, $2, now())
       ON CONFLICT (complaint_id) DO UPDATE SET due_at = EXCLUDED.due_at, updated_at = now()`,
      [complaintId, due],
    );
  }

  /** The customer's words, unless the vault erased the customer (then null, and `customerErased`). */
  async customerRecord(complaintId: string, customerId: string): Promise<CustomerRecord> {
    const { rows } = await this.pool.query<{ description: string | null; erased: boolean }>(
      `SELECT (SELECT description FROM complaint_descriptions WHERE complaint_id = $1) AS description,
              EXISTS (SELECT 1 FROM erased_subjects WHERE subject_id = $2) AS erased`,
      [complaintId, customerId],
    );
    return { description: rows[0].description, customerErased: rows[0].erased };
  }
}
