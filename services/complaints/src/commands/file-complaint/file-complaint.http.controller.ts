import { Body, Controller, HttpCode, Post, Res } from '@nestjs/common';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import { ApiCreatedResponse, ApiHeader, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, Principal, Roles } from '@cx/auth';
import { etag, IdempotencyKey, IdempotencyKeyHeader } from '@cx/platform';
import type { Response } from 'express';
import { ComplaintView } from '../../queries/get-complaint/complaint.view';
import { GetComplaint } from '../../queries/get-complaint/get-complaint.query';
import { CommandOutcome, FileComplaintCommand } from './file-complaint.command';
import { FileComplaintRequest } from './file-complaint.dto';

@ApiTags('complaints')
@Controller('complaints')
export class FileComplaintController {
  constructor(
    private readonly commands: CommandBus,
    private readonly queries: QueryBus,
  ) {}

  @Post()
  @HttpCode(201)
  @Roles('agent', 'manager', 'ceo_office', 'admin')
  @ApiOperation({ summary: 'Register a complaint; `ceo_direct` complaints start at the CEO office' })
  @ApiHeader({ name: 'Idempotency-Key', required: false, description: 'Repeating a key returns the first result' })
  @ApiCreatedResponse({ type: ComplaintView })
  async file(
    @Body() request: FileComplaintRequest,
    @CurrentPrincipal() principal: Principal,
    @IdempotencyKey() idempotencyKey: IdempotencyKeyHeader | undefined,
    @Res({ passthrough: true }) response: Response,
  ): Promise<ComplaintView> {
    const outcome = await this.commands.execute<FileComplaintCommand, CommandOutcome>(
      new FileComplaintCommand(request, principal, idempotencyKey),
    );
    const view = await this.queries.execute<GetComplaint, ComplaintView>(
      new GetComplaint(outcome.complaintId, principal, outcome.decided),
    );
    response.setHeader('Location', `/v1/complaints/${outcome.complaintId}`);
    response.setHeader('ETag', etag(view.version));
    if (outcome.replayed) response.setHeader('Idempotent-Replayed', 'true');
    return view;
  }
}
