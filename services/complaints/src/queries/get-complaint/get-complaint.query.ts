import type { Principal } from '@cx/auth';
import type { ComplaintState } from '../../domain/complaint.state';
import type { CustomerRecord } from '../../infrastructure/complaint.repository';

/** The complaint as a command just left it: the answer to that command need not read the stream again. */
export interface DecidedComplaint {
  state: ComplaintState;
  version: number;
  /** Known when the command wrote it (a filing); read otherwise. */
  customer?: CustomerRecord;
}

/** Asked on behalf of a caller: a complaint outside the caller's scope is answered as not found. */
export class GetComplaint {
  constructor(
    readonly complaintId: string,
    readonly principal: Principal,
    readonly decided?: DecidedComplaint,
  ) {}
}
