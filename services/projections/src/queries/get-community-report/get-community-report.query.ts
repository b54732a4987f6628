import type { GetCommunityReportRequest } from './get-community-report.dto';

export class GetCommunityReport {
  constructor(readonly request: GetCommunityReportRequest) {}
}
