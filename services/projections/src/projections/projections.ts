import { ceoEscalations } from './ceo-escalations/ceo-escalations';
import { complaintKpis } from './complaint-kpis/complaint-kpis';
import type { Projection } from './projection';

/** Every read model the consumer keeps, by name (the rebuild CLI takes the name). */
export const projections: readonly Projection[] = [ceoEscalations, complaintKpis] as readonly Projection[];
