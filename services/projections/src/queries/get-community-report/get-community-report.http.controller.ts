import { Controller, Get, Query } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Roles } from '@cx/auth';
import { CommunityReportView, GetCommunityReportRequest } from './get-community-report.dto';
import { GetCommunityReport } from './get-community-report.query';

@ApiTags('reports')
@Controller('reports/community')
export class GetCommunityReportController {
  constructor(private readonly queries: QueryBus) {}

  @Get()
  @Roles('community_staff', 'manager', 'ceo_office', 'auditor', 'bi_reader', 'admin')
  @ApiOperation({
    summary: 'A community’s month: activities (places, registrations, attendance, ratings) and Love Care services',
  })
  @ApiOkResponse({ type: CommunityReportView })
  get(@Query() request: GetCommunityReportRequest): Promise<CommunityReportView> {
    return this.queries.execute(new GetCommunityReport(request));
  }
}
