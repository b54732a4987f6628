import { COMPLAINT_STREAM_TYPE, ComplaintFiledV1, SubjectErasedV1, Topics } from '@cx/contracts';
import type { Projection } from '../projection';
import { evolveComplaintEscalation } from './ceo-escalations.projection';
import {
  CeoEscalationTables,
  complaintEscalationStore,
  forgetErasedSubject,
  recordFilingAndFindRepeat,
} from './ceo-escalations.store';

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
  },
  async apply(event, tx, tables) {
    if (event.type === 'SubjectErased')
      return forgetErasedSubject(tx, tables, (event.data as SubjectErasedV1).subjectId);
    if (event.streamType !== COMPLAINT_STREAM_TYPE) return;
    const row = await complaintEscalationStore.load(tx, tables, event.streamId);
    const repeatComplaint =
      event.type === 'ComplaintFiled' && row === null
        ? await recordFilingAndFindRepeat(tx, tables, event.data as ComplaintFiledV1)
        : false;
    const next = evolveComplaintEscalation(row, event, { repeatComplaint });
    if (next && next !== row) await complaintEscalationStore.save(tx, tables, next, event.occurredAt);
  },
};
