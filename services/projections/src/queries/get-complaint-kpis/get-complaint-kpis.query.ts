import type { Principal } from '@cx/auth';
import type { GetComplaintKpisRequest } from './get-complaint-kpis.dto';

/** On behalf of a caller: one limited to regions or projects counts only those. */
export class GetComplaintKpis {
  constructor(
    readonly request: GetComplaintKpisRequest,
    readonly principal: Principal,
  ) {}
}
