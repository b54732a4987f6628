import { Controller, Get, Inject, Query, UseFilters, UseGuards } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiExcludeController } from '@nestjs/swagger';
import { CurrentPrincipal, Principal, Public, Roles } from '@cx/auth';
import { PG_POOL } from '@cx/platform';
import { IsOptional, IsUUID } from 'class-validator';
import type { Pool } from 'pg';
import type { ParticipationReportView } from '../../../queries/get-participation-report/get-participation-report.dto';
import { GetParticipationReport } from '../../../queries/get-participation-report/get-participation-report.query';
import { DashboardErrorFilter } from '../../dashboard-error.filter';
import { PARTICIPATION_PAGE } from '../../dashboard-pages';
import { layout } from '../../layout';
import { DashboardSessionGuard } from '../../session/dashboard-session.guard';
import { CampaignChoice, participationBody } from './participation.html';

export class ParticipationPageRequest {
  @IsOptional()
  @IsUUID('all', { message: 'campaignId must be a campaign id (uuid)' })
  campaignId?: string;
}

/** GET /v1/reports/participation as a page; without a choice, the campaign that started last. */
@Public()
@ApiExcludeController()
@UseGuards(DashboardSessionGuard)
@UseFilters(DashboardErrorFilter)
@Roles(...PARTICIPATION_PAGE.roles)
@Controller('dashboard/participation')
export class ParticipationPageController {
  constructor(
    private readonly queries: QueryBus,
    @Inject(PG_POOL) private readonly pool: Pool,
  ) {}

  @Get()
  async page(@Query() request: ParticipationPageRequest, @CurrentPrincipal() principal: Principal): Promise<string> {
    const { rows } = await this.pool.query<CampaignChoice>(
      `SELECT campaign_id AS "campaignId", name, period_start::text AS "periodStart"
         FROM reporting.listening_campaigns_v1 ORDER BY period_start DESC, name`,
    );
    const campaignId = request.campaignId ?? rows[0]?.campaignId;
    const report = campaignId
      ? await this.queries.execute<GetParticipationReport, ParticipationReportView>(
          new GetParticipationReport({ campaignId }),
        )
      : null;
    return layout({
      title: PARTICIPATION_PAGE.title,
      path: PARTICIPATION_PAGE.path,
      principal,
      charts: true,
      body: participationBody(rows, report),
    });
  }
}
