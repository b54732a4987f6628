import { Controller, HttpCode, Param, Post, Res } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, Principal, Roles } from '@cx/auth';
import { etag } from '@cx/platform';
import type { Response } from 'express';
import { SubjectIdPipe } from '../../subject-id.pipe';
import { ExportSubjectDataCommand } from './export-subject-data.command';
import { SubjectDataExportView } from './subject-data-export.view';

@ApiTags('subjects')
@Controller('subjects')
export class ExportSubjectDataController {
  constructor(private readonly commands: CommandBus) {}

  @Post(':subjectId/export')
  @HttpCode(200)
  @Roles('dpo')
  @ApiOperation({ summary: 'Data-subject access request: everything held about the subject, in clear; audited' })
  @ApiOkResponse({ type: SubjectDataExportView })
  async export(
    @Param('subjectId', SubjectIdPipe) subjectId: string,
    @CurrentPrincipal() principal: Principal,
    @Res({ passthrough: true }) response: Response,
  ): Promise<SubjectDataExportView> {
    const view = await this.commands.execute<ExportSubjectDataCommand, SubjectDataExportView>(
      new ExportSubjectDataCommand(subjectId, principal),
    );
    response.setHeader('ETag', etag(view.version));
    response.setHeader('Cache-Control', 'no-store');
    return view;
  }
}
