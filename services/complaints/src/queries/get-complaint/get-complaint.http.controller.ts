import { Controller, Get, Param, ParseUUIDPipe, Res } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, Principal, Roles } from '@cx/auth';
import { etag } from '@cx/platform';
import type { Response } from 'express';
import { ComplaintView } from './complaint.view';
import { GetComplaint } from './get-complaint.query';

@ApiTags('complaints')
@Controller('complaints')
export class GetComplaintController {
  constructor(private readonly queries: QueryBus) {}

  @Get(':complaintId')
  @Roles('agent', 'manager', 'ceo_office', 'reviewer', 'auditor', 'admin')
  @ApiOperation({ summary: 'A complaint with its escalation trail; ETag carries its version' })
  @ApiOkResponse({ type: ComplaintView })
  async get(
    @Param('complaintId', new ParseUUIDPipe()) complaintId: string,
    @CurrentPrincipal() principal: Principal,
    @Res({ passthrough: true }) response: Response,
  ): Promise<ComplaintView> {
    const view = await this.queries.execute<GetComplaint, ComplaintView>(new GetComplaint(complaintId, principal));
    response.setHeader('ETag', etag(view.version));
    return view;
  }
}
