import type { ListAccessAuditRequest } from './list-access-audit.dto';

export class ListAccessAudit {
  constructor(readonly filter: ListAccessAuditRequest) {}
}
