import { Controller, Get, Query } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, Principal, Roles } from '@cx/auth';
import { GetSatisfactionReportRequest, SatisfactionReportView } from './get-satisfaction-report.dto';
import { GetSatisfactionReport } from './get-satisfaction-report.query';

@ApiTags('reports')
@Controller('reports/satisfaction')
export class GetSatisfactionReportController {
  constructor(private readonly queries: QueryBus) {}

  @Get()
  @Roles('manager', 'ceo_office', 'auditor', 'bi_reader', 'admin')
  @ApiOperation({
    summary: "A month's satisfaction index, CSAT, NPS, 95% intervals, responses and response rates",
  })
  @ApiOkResponse({ type: SatisfactionReportView })
  get(
    @Query() request: GetSatisfactionReportRequest,
    @CurrentPrincipal() principal: Principal,
  ): Promise<SatisfactionReportView> {
    return this.queries.execute(new GetSatisfactionReport(request, principal));
  }
}
