import { Controller, Get, Param, ParseUUIDPipe } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, Principal, Roles } from '@cx/auth';
import { GetParticipationDisclosure } from './get-disclosure.query';
import { ParticipationDisclosureView } from './participation-disclosure.view';

@ApiTags('listening campaigns')
@Controller('campaigns')
export class GetParticipationDisclosureController {
  constructor(private readonly queries: QueryBus) {}

  @Get(':campaignId/disclosures/:disclosureId')
  @Roles('campaign_admin', 'ceo_office', 'auditor', 'admin')
  @ApiOperation({ summary: 'A disclosure’s frozen figures and digests, and what changed since the freeze' })
  @ApiOkResponse({ type: ParticipationDisclosureView })
  get(
    @Param('campaignId', new ParseUUIDPipe()) campaignId: string,
    @Param('disclosureId', new ParseUUIDPipe()) disclosureId: string,
    @CurrentPrincipal() principal: Principal,
  ): Promise<ParticipationDisclosureView> {
    return this.queries.execute(new GetParticipationDisclosure(campaignId, disclosureId, principal));
  }
}
