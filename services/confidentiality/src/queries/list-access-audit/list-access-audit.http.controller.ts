import { Controller, Get, Query } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Roles } from '@cx/auth';
import { AccessAuditPage, ListAccessAuditRequest } from './list-access-audit.dto';
import { ListAccessAudit } from './list-access-audit.query';

@ApiTags('access audit')
@Controller('access-audit')
export class ListAccessAuditController {
  constructor(private readonly queries: QueryBus) {}

  @Get()
  @Roles('auditor', 'dpo', 'admin')
  @ApiOperation({
    summary: 'The access audit trail: every unmasked read and export, allowed or denied; filtered, paged',
  })
  @ApiOkResponse({ type: AccessAuditPage })
  list(@Query() filter: ListAccessAuditRequest): Promise<AccessAuditPage> {
    return this.queries.execute(new ListAccessAudit(filter));
  }
}
