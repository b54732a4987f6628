import { Controller, HttpCode, Param, ParseUUIDPipe, Post, Res } from '@nestjs/common';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import { ApiCreatedResponse, ApiHeader, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, Principal, Roles } from '@cx/auth';
import { IdempotencyKey, IdempotencyKeyHeader } from '@cx/platform';
import type { Response } from 'express';
import { GetParticipationDisclosure } from '../../queries/get-disclosure/get-disclosure.query';
import { ParticipationDisclosureView } from '../../queries/get-disclosure/participation-disclosure.view';
import { FreezeOutcome, FreezeParticipationDisclosureCommand } from './freeze-disclosure.command';

@ApiTags('listening campaigns')
@Controller('campaigns')
export class FreezeParticipationDisclosureController {
  constructor(
    private readonly commands: CommandBus,
    private readonly queries: QueryBus,
  ) {}

  @Post(':campaignId/disclosures')
  @HttpCode(201)
  @Roles('campaign_admin', 'admin')
  @ApiOperation({
    summary: 'Freeze a closed campaign’s participation figures for the ESG report, with evidence and digests',
  })
  @ApiHeader({ name: 'Idempotency-Key', required: false, description: 'Repeating a key returns the first result' })
  @ApiCreatedResponse({ type: ParticipationDisclosureView })
  async freeze(
    @Param('campaignId', new ParseUUIDPipe()) campaignId: string,
    @CurrentPrincipal() principal: Principal,
    @IdempotencyKey() idempotencyKey: IdempotencyKeyHeader | undefined,
    @Res({ passthrough: true }) response: Response,
  ): Promise<ParticipationDisclosureView> {
    const outcome = await this.commands.execute<FreezeParticipationDisclosureCommand, FreezeOutcome>(
      new FreezeParticipationDisclosureCommand(campaignId, principal, idempotencyKey),
    );
    const view = await this.queries.execute<GetParticipationDisclosure, ParticipationDisclosureView>(
      new GetParticipationDisclosure(campaignId, outcome.disclosureId, principal),
    );
    response.setHeader('Location', `/v1/campaigns/${campaignId}/disclosures/${outcome.disclosureId}`);
    if (outcome.replayed) response.setHeader('Idempotent-Replayed', 'true');
    return view;
  }
}
