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
import { ParticipationActivityRequest } from '../record-activity/participation-activity.dto';
import { ACTIVITIES_BODY_LIMIT, ACTIVITIES_MAX_ROWS, readActivityRows } from './activity-rows';
import { ParticipationUploadReport } from './participation-upload-report.view';
import { RecordActivitiesBulkCommand, RecordActivitiesBulkOutcome } from './record-activities-bulk.command';

@ApiTags('participation')
@ApiExtraModels(ParticipationActivityRequest)
@Controller('campaigns')
export class RecordActivitiesBulkController {
  constructor(private readonly commands: CommandBus) {}

  @Post(':campaignId/activities/bulk')
  @HttpCode(200)
  @Roles('campaign_admin', 'admin')
  @ApiOperation({
    summary: 'Record many participation activities at once; bad rows are refused with their number and reason',
  })
  @ApiBody({
    schema: { type: 'array', items: { $ref: getSchemaPath(ParticipationActivityRequest) } },
    description: `A JSON array of activities (up to ${ACTIVITIES_MAX_ROWS}, ${ACTIVITIES_BODY_LIMIT})`,
  })
  @ApiHeader({ name: 'Idempotency-Key', required: false, description: 'Repeating a key returns the first report' })
  @ApiOkResponse({ type: ParticipationUploadReport })
  async record(
    @Param('campaignId', new ParseUUIDPipe()) campaignId: string,
    @Body() body: unknown,
    @CurrentPrincipal() principal: Principal,
    @IdempotencyKey() idempotencyKey: IdempotencyKeyHeader | undefined,
    @Res({ passthrough: true }) response: Response,
  ): Promise<ParticipationUploadReport> {
    const outcome = await this.commands.execute<RecordActivitiesBulkCommand, RecordActivitiesBulkOutcome>(
      new RecordActivitiesBulkCommand(campaignId, readActivityRows(body), principal, idempotencyKey),
    );
    if (outcome.replayed) response.setHeader('Idempotent-Replayed', 'true');
    return outcome.report;
  }
}
