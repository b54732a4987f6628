import type { Principal } from '@cx/auth';
import type { GetSatisfactionReportRequest } from './get-satisfaction-report.dto';

/** On behalf of a caller: one limited to regions or projects sees only those. */
export class GetSatisfactionReport {
  constructor(
    readonly request: GetSatisfactionReportRequest,
    readonly principal: Principal,
  ) {}
}
