import { Controller, Get, Param, Res } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Public } from '@cx/auth';
import type { Response } from 'express';
import { GetSurveyLinkForm } from './get-survey-link.query';
import { SurveyLinkFormView } from './survey-link-form.view';

@ApiTags('survey links')
@Controller('survey-links')
export class GetSurveyLinkFormController {
  constructor(private readonly queries: QueryBus) {}

  /** No bearer token: the link's token is the credential. */
  @Get(':token')
  @Public()
  @ApiOperation({ summary: 'The questions behind a single-use link, no bearer token; used → 409, expired → 410' })
  @ApiOkResponse({ type: SurveyLinkFormView })
  async get(
    @Param('token') token: string,
    @Res({ passthrough: true }) response: Response,
  ): Promise<SurveyLinkFormView> {
    response.setHeader('Cache-Control', 'no-store');
    return this.queries.execute<GetSurveyLinkForm, SurveyLinkFormView>(new GetSurveyLinkForm(token));
  }
}
