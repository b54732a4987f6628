import { Body, Controller, HttpCode, Param, ParseUUIDPipe, Post, Res } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiHeader, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, Principal, Roles } from '@cx/auth';
import { etag, IfMatchVersion } from '@cx/platform';
import type { Response } from 'express';
import { IssueSurveyLinksCommand } from './issue-survey-links.command';
import { IssueSurveyLinksRequest } from './issue-survey-links.dto';
import { SurveyLinksView } from './survey-links.view';

@ApiTags('survey links')
@Controller('waves')
export class IssueSurveyLinksController {
  constructor(private readonly commands: CommandBus) {}

  @Post(':waveId/survey-links')
  @HttpCode(200)
  @Roles('admin')
  @ApiOperation({
    summary: 'Issue single-use links (for SMS or online forms) to sampled customers; the tokens are shown once',
  })
  @ApiHeader({ name: 'If-Match', required: false, description: 'The wave ETag the issue is based on; stale → 412' })
  @ApiOkResponse({ type: SurveyLinksView })
  async issue(
    @Param('waveId', new ParseUUIDPipe()) waveId: string,
    @Body() request: IssueSurveyLinksRequest,
    @CurrentPrincipal() principal: Principal,
    @IfMatchVersion() expectedVersion: number | undefined,
    @Res({ passthrough: true }) response: Response,
  ): Promise<SurveyLinksView> {
    const view = await this.commands.execute<IssueSurveyLinksCommand, SurveyLinksView>(
      new IssueSurveyLinksCommand(waveId, request, principal, expectedVersion),
    );
    response.setHeader('ETag', etag(view.version));
    response.setHeader('Cache-Control', 'no-store');
    return view;
  }
}
