import { Controller, Get, Query } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, Principal, Roles } from '@cx/auth';
import { ComplaintKpisView, GetComplaintKpisRequest } from './get-complaint-kpis.dto';
import { GetComplaintKpis } from './get-complaint-kpis.query';

@ApiTags('reports')
@Controller('reports/complaint-kpis')
export class GetComplaintKpisController {
  constructor(private readonly queries: QueryBus) {}

  @Get()
  @Roles('ceo_office', 'auditor', 'bi_reader', 'admin')
  @ApiOperation({ summary: 'Complaints received and resolved per day, median time to resolution, SLA by region' })
  @ApiOkResponse({ type: ComplaintKpisView })
  get(@Query() request: GetComplaintKpisRequest, @CurrentPrincipal() principal: Principal): Promise<ComplaintKpisView> {
    return this.queries.execute(new GetComplaintKpis(request, principal));
  }
}
