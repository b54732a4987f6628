import { Body, Controller, HttpCode, Param, ParseUUIDPipe, Put, Res } from '@nestjs/common';
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
import { etag, IfMatchVersion } from '@cx/platform';
import type { Response } from 'express';
import { LoadSamplingFrameCommand } from './load-sampling-frame.command';
import { SamplingFrameReport } from './sampling-frame-report.view';
import { SamplingFrameRowRequest } from './sampling-frame-row.dto';
import { FRAME_BODY_LIMIT, FRAME_MAX_ROWS, readSamplingFrameRows } from './sampling-frame-rows';

@ApiTags('survey waves')
@ApiExtraModels(SamplingFrameRowRequest)
@Controller('waves')
export class LoadSamplingFrameController {
  constructor(private readonly commands: CommandBus) {}

  @Put(':waveId/frame')
  @HttpCode(200)
  @Roles('admin')
  @ApiOperation({
    summary:
      'Load the sampling frame (or replace it before the draw); bad rows are refused with their number and reason',
  })
  @ApiBody({
    schema: { type: 'array', items: { $ref: getSchemaPath(SamplingFrameRowRequest) } },
    description: `A JSON array of customers (up to ${FRAME_MAX_ROWS}, ${FRAME_BODY_LIMIT})`,
  })
  @ApiHeader({ name: 'If-Match', required: false, description: 'The wave ETag the load is based on; stale → 412' })
  @ApiOkResponse({ type: SamplingFrameReport })
  async load(
    @Param('waveId', new ParseUUIDPipe()) waveId: string,
    @Body() body: unknown,
    @CurrentPrincipal() principal: Principal,
    @IfMatchVersion() expectedVersion: number | undefined,
    @Res({ passthrough: true }) response: Response,
  ): Promise<SamplingFrameReport> {
    const report = await this.commands.execute<LoadSamplingFrameCommand, SamplingFrameReport>(
      new LoadSamplingFrameCommand(waveId, readSamplingFrameRows(body), principal, expectedVersion),
    );
    response.setHeader('ETag', etag(report.version));
    return report;
  }
}
