import { Body, Controller, HttpCode, Param, Post, Res } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiCreatedResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Public } from '@cx/auth';
import type { Response } from 'express';
import { SurveyResponseView } from '../record-response/survey-response.view';
import { AnswerSurveyLinkCommand } from './answer-survey-link.command';
import { SurveyLinkAnswerRequest } from './survey-link-answer.dto';

@ApiTags('survey links')
@Controller('survey-links')
export class AnswerSurveyLinkController {
  constructor(private readonly commands: CommandBus) {}

  /** No bearer token: the link's token is the credential, and it answers once. */
  @Post(':token/response')
  @HttpCode(201)
  @Public()
  @ApiOperation({
    summary: 'Answer through a single-use link (SMS or online form), no bearer token; used → 409, expired → 410',
  })
  @ApiCreatedResponse({ type: SurveyResponseView })
  async answer(
    @Param('token') token: string,
    @Body() request: SurveyLinkAnswerRequest,
    @Res({ passthrough: true }) response: Response,
  ): Promise<SurveyResponseView> {
    response.setHeader('Cache-Control', 'no-store');
    return this.commands.execute<AnswerSurveyLinkCommand, SurveyResponseView>(
      new AnswerSurveyLinkCommand(token, request),
    );
  }
}
