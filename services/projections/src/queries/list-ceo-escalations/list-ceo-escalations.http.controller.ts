import { Controller, Get, Query } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, Principal, Roles } from '@cx/auth';
import { CeoEscalationsPage, ListCeoEscalationsRequest } from './list-ceo-escalations.dto';
import { ListCeoEscalations } from './list-ceo-escalations.query';

@ApiTags('ceo')
@Controller('ceo/escalations')
export class ListCeoEscalationsController {
  constructor(private readonly queries: QueryBus) {}

  @Get()
  @Roles('ceo_office', 'auditor', 'bi_reader', 'admin')
  @ApiOperation({ summary: 'Open complaints at the CEO office, oldest first, with age and escalation trail' })
  @ApiOkResponse({ type: CeoEscalationsPage })
  list(
    @Query() filter: ListCeoEscalationsRequest,
    @CurrentPrincipal() principal: Principal,
  ): Promise<CeoEscalationsPage> {
    return this.queries.execute(new ListCeoEscalations(filter, principal));
  }
}
