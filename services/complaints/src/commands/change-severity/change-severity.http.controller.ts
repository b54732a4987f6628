import { Body, Controller, HttpCode, Param, ParseUUIDPipe, Post, Res } from '@nestjs/common';
import { ApiHeader, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, Principal, Roles } from '@cx/auth';
import { IfMatchVersion } from '@cx/platform';
import type { Response } from 'express';
import { ComplaintView } from '../../queries/get-complaint/complaint.view';
import { ComplaintCommands } from '../change-complaint/complaint-commands';
import { ChangeSeverityRequest } from './change-severity.dto';

@ApiTags('complaints')
@Controller('complaints')
export class ChangeSeverityController {
  constructor(private readonly complaints: ComplaintCommands) {}

  @Post(':complaintId/severity')
  @HttpCode(200)
  @Roles('agent', 'manager', 'ceo_office', 'admin')
  @ApiOperation({ summary: 'Reassess the severity, with a reason' })
  @ApiHeader({ name: 'If-Match', required: false, description: 'The ETag the decision is based on; stale → 412' })
  @ApiOkResponse({ type: ComplaintView })
  change(
    @Param('complaintId', new ParseUUIDPipe()) complaintId: string,
    @Body() request: ChangeSeverityRequest,
    @CurrentPrincipal() principal: Principal,
    @IfMatchVersion() expectedVersion: number | undefined,
    @Res({ passthrough: true }) response: Response,
  ): Promise<ComplaintView> {
    return this.complaints.run(
      { type: 'ChangeSeverity', complaintId, severity: request.severity, reason: request.reason },
      principal,
      expectedVersion,
      response,
    );
  }
}
