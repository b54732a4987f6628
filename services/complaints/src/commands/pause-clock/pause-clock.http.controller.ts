import { Body, Controller, HttpCode, Param, ParseUUIDPipe, Post, Res } from '@nestjs/common';
import { ApiHeader, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, Principal, Roles } from '@cx/auth';
import { IfMatchVersion } from '@cx/platform';
import type { Response } from 'express';
import { ComplaintView } from '../../queries/get-complaint/complaint.view';
import { ComplaintCommands } from '../change-complaint/complaint-commands';
import { PauseClockRequest } from './pause-clock.dto';

@ApiTags('complaints')
@Controller('complaints')
export class PauseClockController {
  constructor(private readonly complaints: ComplaintCommands) {}

  @Post(':complaintId/clock/pause')
  @HttpCode(200)
  @Roles('agent', 'manager', 'ceo_office', 'admin')
  @ApiOperation({ summary: 'Stop the SLA clocks while waiting (for the customer, a third party)' })
  @ApiHeader({ name: 'If-Match', required: false, description: 'The ETag the decision is based on; stale → 412' })
  @ApiOkResponse({ type: ComplaintView })
  pause(
    @Param('complaintId', new ParseUUIDPipe()) complaintId: string,
    @Body() request: PauseClockRequest,
    @CurrentPrincipal() principal: Principal,
    @IfMatchVersion() expectedVersion: number | undefined,
    @Res({ passthrough: true }) response: Response,
  ): Promise<ComplaintView> {
    return this.complaints.run(
      { type: 'PauseClock', complaintId, reason: request.reason },
      principal,
      expectedVersion,
      response,
    );
  }
}
