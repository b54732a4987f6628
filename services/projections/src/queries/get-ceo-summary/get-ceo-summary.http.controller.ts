import { Controller, Get, Query } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, Principal, Roles } from '@cx/auth';
import { CeoSummaryView, GetCeoSummaryRequest } from './get-ceo-summary.dto';
import { GetCeoSummary } from './get-ceo-summary.query';

@ApiTags('ceo')
@Controller('ceo/summary')
export class GetCeoSummaryController {
  constructor(private readonly queries: QueryBus) {}

  @Get()
  @Roles('ceo_office', 'auditor', 'bi_reader', 'admin')
  @ApiOperation({ summary: 'Complaint figures for the CEO office: open by level, breaches, SLA attainment, rates' })
  @ApiOkResponse({ type: CeoSummaryView })
  get(@Query() request: GetCeoSummaryRequest, @CurrentPrincipal() principal: Principal): Promise<CeoSummaryView> {
    return this.queries.execute(new GetCeoSummary(request, principal));
  }
}
