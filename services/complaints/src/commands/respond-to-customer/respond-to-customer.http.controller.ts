import { Body, Controller, HttpCode, Param, ParseUUIDPipe, Post, Res } from '@nestjs/common';
import { ApiHeader, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, Principal, Roles } from '@cx/auth';
import { IfMatchVersion } from '@cx/platform';
import type { Response } from 'express';
import { ComplaintView } from '../../queries/get-complaint/complaint.view';
import { ComplaintCommands } from '../change-complaint/complaint-commands';
import { RespondToCustomerRequest } from './respond-to-customer.dto';

@ApiTags('complaints')
@Controller('complaints')
export class RespondToCustomerController {
  constructor(private readonly complaints: ComplaintCommands) {}

  @Post(':complaintId/responses')
  @HttpCode(200)
  @Roles('agent', 'manager', 'ceo_office', 'admin')
  @ApiOperation({ summary: 'Record a response to the customer; the first stops the first-response clock' })
  @ApiHeader({ name: 'If-Match', required: false, description: 'The ETag the decision is based on; stale → 412' })
  @ApiOkResponse({ type: ComplaintView })
  respond(
    @Param('complaintId', new ParseUUIDPipe()) complaintId: string,
    @Body() request: RespondToCustomerRequest,
    @CurrentPrincipal() principal: Principal,
    @IfMatchVersion() expectedVersion: number | undefined,
    @Res({ passthrough: true }) response: Response,
  ): Promise<ComplaintView> {
    return this.complaints.run(
      { type: 'RespondToCustomer', complaintId, channel: request.channel },
      principal,
      expectedVersion,
      response,
    );
  }
}
