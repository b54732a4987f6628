import { EventEnvelope, Topics } from '@cx/contracts';
import type { PoolClient } from 'pg';
import type { Projection } from '../projection';
import { foldEscalations } from './ceo-escalations.fold';
import { CeoEscalationTables, complaintEscalationStore } from './ceo-escalations.store';

/**
 * The CEO escalation view: every complaint's escalation state now and through time. It also hears the vault's
 * erasures: the only personal reference it holds, who filed what, is forgotten for an erased subject.
 */
export const ceoEscalations: Projection<CeoEscalationTables> = {
  name: 'ceo-escalations',
  topics: [Topics.complaints, Topics.confidentiality],
  tables: {
    escalations: 'reporting.complaint_escalations_v1',
    history: 'reporting.complaint_escalations_history_v1',
    customers: 'public.complaint_customers',
    erasedSubjects: 'public.erased_subjects',
    customerLocks: 'public.complaint_customer_locks',
  },
  apply: (event, tx, tables) => applyEscalations([event], tx, tables),
  applyMany: applyEscalations,
  // Rows are locked per complaint and per customer: on two cores, one batch folds while another is written.
  partitionsAtOnce: 3,
};

async function applyEscalations(
  events: readonly EventEnvelope[],
  tx: PoolClient,
  tables: CeoEscalationTables,
): Promise<void> {
  const customers = await complaintEscalationStore.lockCustomers(tx, tables, events);
  const before = await complaintEscalationStore.load(tx, tables, events);
  await complaintEscalationStore.write(tx, tables, foldEscalations(events, before));
  await complaintEscalationStore.unlockCustomers(tx, tables, customers);
}
