import { Body, Controller, HttpCode, Param, ParseUUIDPipe, Post, Res } from '@nestjs/common';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import { ApiHeader, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, Principal, Roles } from '@cx/auth';
import { etag, IfMatchVersion } from '@cx/platform';
import type { Response } from 'express';
import { ComplaintView } from '../../queries/get-complaint/complaint.view';
import { GetComplaint } from '../../queries/get-complaint/get-complaint.query';
import { EscalateComplaintCommand } from './escalate-complaint.command';
import { EscalateComplaintRequest } from './escalate-complaint.dto';

@ApiTags('complaints')
@Controller('complaints')
export class EscalateComplaintController {
  constructor(
    private readonly commands: CommandBus,
    private readonly queries: QueryBus,
  ) {}

  @Post(':complaintId/escalations')
  @HttpCode(200)
  @Roles('agent', 'manager', 'ceo_office', 'admin')
  @ApiOperation({ summary: 'Escalate one level: frontline → project → region → group_service → ceo_office' })
  @ApiHeader({ name: 'If-Match', required: false, description: 'The ETag the decision is based on; stale → 412' })
  @ApiOkResponse({ type: ComplaintView })
  async escalate(
    @Param('complaintId', new ParseUUIDPipe()) complaintId: string,
    @Body() request: EscalateComplaintRequest,
    @CurrentPrincipal() principal: Principal,
    @IfMatchVersion() expectedVersion: number | undefined,
    @Res({ passthrough: true }) response: Response,
  ): Promise<ComplaintView> {
    await this.commands.execute(new EscalateComplaintCommand(complaintId, request, principal, expectedVersion));
    const view = await this.queries.execute<GetComplaint, ComplaintView>(new GetComplaint(complaintId));
    response.setHeader('ETag', etag(view.version));
    return view;
  }
}
