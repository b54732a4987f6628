import { Controller, Get, Query } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Roles } from '@cx/auth';
import { GetParticipationReportRequest, ParticipationReportView } from './get-participation-report.dto';
import { GetParticipationReport } from './get-participation-report.query';

@ApiTags('reports')
@Controller('reports/participation')
export class GetParticipationReportController {
  constructor(private readonly queries: QueryBus) {}

  @Get()
  @Roles('campaign_admin', 'hr', 'manager', 'ceo_office', 'auditor', 'bi_reader', 'admin')
  @ApiOperation({
    summary: 'Participation rates of a listening campaign: overall, by segment, department, region, week',
  })
  @ApiOkResponse({ type: ParticipationReportView })
  get(@Query() request: GetParticipationReportRequest): Promise<ParticipationReportView> {
    return this.queries.execute(new GetParticipationReport(request));
  }
}
