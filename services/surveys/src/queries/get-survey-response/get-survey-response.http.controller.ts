import { Controller, Get, Param, ParseUUIDPipe } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, Principal, Roles } from '@cx/auth';
import { GetSurveyResponse } from './get-survey-response.query';
import { SurveyResponseDetailsView } from './survey-response-details.view';

@ApiTags('survey responses')
@Controller('survey-responses')
export class GetSurveyResponseController {
  constructor(private readonly queries: QueryBus) {}

  @Get(':responseId')
  @Roles('admin', 'manager', 'ceo_office', 'auditor')
  @ApiOperation({ summary: 'A recorded response (no free text) and the complaint that follows it up, if any' })
  @ApiOkResponse({ type: SurveyResponseDetailsView })
  get(
    @Param('responseId', new ParseUUIDPipe()) responseId: string,
    @CurrentPrincipal() principal: Principal,
  ): Promise<SurveyResponseDetailsView> {
    return this.queries.execute(new GetSurveyResponse(responseId, principal));
  }
}
