import type { GetParticipationReportRequest } from './get-participation-report.dto';

export class GetParticipationReport {
  constructor(readonly request: GetParticipationReportRequest) {}
}
