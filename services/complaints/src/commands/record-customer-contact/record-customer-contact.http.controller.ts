import { Body, Controller, HttpCode, Param, ParseUUIDPipe, Post, Res } from '@nestjs/common';
import { ApiHeader, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, Principal, Roles } from '@cx/auth';
import { IfMatchVersion } from '@cx/platform';
import type { Response } from 'express';
import { ComplaintView } from '../../queries/get-complaint/complaint.view';
import { ComplaintCommands } from '../change-complaint/complaint-commands';
import { RecordCustomerContactRequest } from './record-customer-contact.dto';

@ApiTags('complaints')
@Controller('complaints')
export class RecordCustomerContactController {
  constructor(private readonly complaints: ComplaintCommands) {}

  @Post(':complaintId/contacts')
  @HttpCode(200)
  @Roles('agent', 'manager', 'ceo_office', 'admin')
  @ApiOperation({ summary: 'Record a contact with the customer (no content: that stays in the CRM)' })
  @ApiHeader({ name: 'If-Match', required: false, description: 'The ETag the decision is based on; stale → 412' })
  @ApiOkResponse({ type: ComplaintView })
  record(
    @Param('complaintId', new ParseUUIDPipe()) complaintId: string,
    @Body() request: RecordCustomerContactRequest,
    @CurrentPrincipal() principal: Principal,
    @IfMatchVersion() expectedVersion: number | undefined,
    @Res({ passthrough: true }) response: Response,
  ): Promise<ComplaintView> {
    return this.complaints.run(
      {
        type: 'RecordCustomerContact',
        complaintId,
        direction: request.direction,
        channel: request.channel,
        outcome: request.outcome,
        contactedAt: new Date(request.contactedAt),
      },
      principal,
      expectedVersion,
      response,
    );
  }
}
