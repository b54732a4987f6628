import { Body, Controller, HttpCode, Param, ParseUUIDPipe, Post, Res } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import {
  ApiBody,
  ApiExtraModels,
  ApiHeader,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
  getSchemaPath,
} from '@nestjs/swagger';
import { CurrentPrincipal, Principal, Roles } from '@cx/auth';
import { IdempotencyKey, IdempotencyKeyHeader } from '@cx/platform';
import type { Response } from 'express';
import { RecordResponsesBulkCommand, RecordResponsesBulkOutcome } from './record-responses-bulk.command';
import { ResponseUploadReport } from './response-upload-report.view';
import { readResponseRows, RESPONSES_BODY_LIMIT, RESPONSES_MAX_ROWS } from './response-rows';
import { VendorResponseRowRequest } from './vendor-response-row.dto';

@ApiTags('survey responses')
@ApiExtraModels(VendorResponseRowRequest)
@Controller('waves')
export class RecordResponsesBulkController {
  constructor(private readonly commands: CommandBus) {}

  @Post(':waveId/responses/bulk')
  @HttpCode(200)
  @Roles('survey_vendor')
  @ApiOperation({
    summary: 'A vendor’s batch of call outcomes; bad rows are refused with their number and reason, good rows kept',
  })
  @ApiBody({
    schema: { type: 'array', items: { $ref: getSchemaPath(VendorResponseRowRequest) } },
    description: `A JSON array of call outcomes (up to ${RESPONSES_MAX_ROWS}, ${RESPONSES_BODY_LIMIT})`,
  })
  @ApiHeader({ name: 'Idempotency-Key', required: false, description: 'Repeating a key returns the first report' })
  @ApiOkResponse({ type: ResponseUploadReport })
  async record(
    @Param('waveId', new ParseUUIDPipe()) waveId: string,
    @Body() body: unknown,
    @CurrentPrincipal() principal: Principal,
    @IdempotencyKey() idempotencyKey: IdempotencyKeyHeader | undefined,
    @Res({ passthrough: true }) response: Response,
  ): Promise<ResponseUploadReport> {
    const outcome = await this.commands.execute<RecordResponsesBulkCommand, RecordResponsesBulkOutcome>(
      new RecordResponsesBulkCommand(waveId, readResponseRows(body), principal, idempotencyKey),
    );
    if (outcome.replayed) response.setHeader('Idempotent-Replayed', 'true');
    return outcome.report;
  }
}
