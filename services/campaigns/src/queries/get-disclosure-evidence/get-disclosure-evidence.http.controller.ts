import { Controller, Get, Param, ParseUUIDPipe } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, Principal, Roles } from '@cx/auth';
import { DisclosureEvidenceView } from './disclosure-evidence.view';
import { GetDisclosureEvidence } from './get-disclosure-evidence.query';

@ApiTags('listening campaigns')
@Controller('campaigns')
export class GetDisclosureEvidenceController {
  constructor(private readonly queries: QueryBus) {}

  @Get(':campaignId/disclosures/:disclosureId/evidence')
  @Roles('auditor', 'campaign_admin', 'admin')
  @ApiOperation({ summary: 'The person ids a disclosure counted, per segment, for third-party assurance' })
  @ApiOkResponse({ type: DisclosureEvidenceView })
  get(
    @Param('campaignId', new ParseUUIDPipe()) campaignId: string,
    @Param('disclosureId', new ParseUUIDPipe()) disclosureId: string,
    @CurrentPrincipal() principal: Principal,
  ): Promise<DisclosureEvidenceView> {
    return this.queries.execute(new GetDisclosureEvidence(campaignId, disclosureId, principal));
  }
}
