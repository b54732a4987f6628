import { Body, Controller, Headers, HttpCode, Param, ParseUUIDPipe, Post, Res } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import {
  ApiBody,
  ApiConsumes,
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
import { ImportRosterCommand } from './import-roster.command';
import { RosterImportReport } from './roster-import-report.view';
import { ROSTER_CSV_COLUMNS } from './roster-csv';
import { RosterRowRequest } from './roster-row.dto';
import { readRosterRows, ROSTER_BODY_LIMIT, ROSTER_MAX_ROWS } from './roster-rows';

@ApiTags('listening campaigns')
@ApiExtraModels(RosterRowRequest)
@Controller('campaigns')
export class ImportRosterController {
  constructor(private readonly commands: CommandBus) {}

  @Post(':campaignId/roster')
  @HttpCode(200)
  @Roles('hr', 'campaign_admin', 'admin')
  @ApiOperation({
    summary: 'Import people into the roster, as a JSON array or a UTF-8 CSV file; idempotent by person id',
    description: `CSV header: ${Object.keys(ROSTER_CSV_COLUMNS).join(',')}. Bad rows are refused with their number and reason; the others are imported.`,
  })
  @ApiConsumes('application/json', 'text/csv')
  @ApiBody({
    schema: { type: 'array', items: { $ref: getSchemaPath(RosterRowRequest) } },
    description: `A JSON array of people, or the same as text/csv (up to ${ROSTER_MAX_ROWS} rows, ${ROSTER_BODY_LIMIT})`,
  })
  @ApiHeader({ name: 'If-Match', required: false, description: 'The roster ETag the import is based on; stale → 412' })
  @ApiOkResponse({ type: RosterImportReport })
  async import(
    @Param('campaignId', new ParseUUIDPipe()) campaignId: string,
    @Body() body: unknown,
    @Headers('content-type') contentType: string | undefined,
    @CurrentPrincipal() principal: Principal,
    @IfMatchVersion() expectedVersion: number | undefined,
    @Res({ passthrough: true }) response: Response,
  ): Promise<RosterImportReport> {
    const rows = readRosterRows(body, contentType);
    const report = await this.commands.execute<ImportRosterCommand, RosterImportReport>(
      new ImportRosterCommand(campaignId, rows, principal, expectedVersion),
    );
    response.setHeader('ETag', etag(report.version));
    return report;
  }
}
