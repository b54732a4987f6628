import { Controller, Get, Query, Res, UseFilters, UseGuards } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiExcludeController } from '@nestjs/swagger';
import { CurrentPrincipal, Principal, Public, Roles } from '@cx/auth';
import type { Response } from 'express';
import { GetCeoSummaryRequest, type CeoSummaryView } from '../../../queries/get-ceo-summary/get-ceo-summary.dto';
import { GetCeoSummary } from '../../../queries/get-ceo-summary/get-ceo-summary.query';
import {
  ListCeoEscalationsRequest,
  type CeoEscalationsPage,
} from '../../../queries/list-ceo-escalations/list-ceo-escalations.dto';
import { ListCeoEscalations } from '../../../queries/list-ceo-escalations/list-ceo-escalations.query';
import { DashboardErrorFilter } from '../../dashboard-error.filter';
import { CEO_PAGE } from '../../dashboard-pages';
import type { Html } from '../../html';
import { layout } from '../../layout';
import { CeoViewChanges } from '../../live/ceo-view-changes';
import { DashboardSessionGuard } from '../../session/dashboard-session.guard';
import { ceoEscalationsBody, ceoEscalationsFragment } from './ceo-escalations.html';

/**
 * The CEO escalation view as a page: the rows of GET /v1/ceo/escalations (same filter, same caller, so the same
 * scope) and the breach counters of GET /v1/ceo/summary; `changed` events make the page fetch its rows again.
 */
@Public()
@ApiExcludeController()
@UseGuards(DashboardSessionGuard)
@UseFilters(DashboardErrorFilter)
@Roles(...CEO_PAGE.roles)
@Controller('dashboard')
export class CeoEscalationsPageController {
  constructor(
    private readonly queries: QueryBus,
    private readonly changes: CeoViewChanges,
  ) {}

  @Get('ceo')
  async page(@Query() filter: ListCeoEscalationsRequest, @CurrentPrincipal() principal: Principal): Promise<string> {
    const fragment = await this.fragment(filter, principal);
    return layout({
      title: CEO_PAGE.title,
      path: CEO_PAGE.path,
      principal,
      body: ceoEscalationsBody(fragment, `/dashboard/ceo/rows${query(filter)}`),
    });
  }

  @Get('ceo/rows')
  async rows(@Query() filter: ListCeoEscalationsRequest, @CurrentPrincipal() principal: Principal): Promise<string> {
    return (await this.fragment(filter, principal)).markup;
  }

  @Get('events')
  async events(@Res() response: Response): Promise<void> {
    await this.changes.subscribe(response);
  }

  private async fragment(filter: ListCeoEscalationsRequest, principal: Principal): Promise<Html> {
    const [page, summary] = await Promise.all([
      this.queries.execute<ListCeoEscalations, CeoEscalationsPage>(new ListCeoEscalations(filter, principal)),
      this.queries.execute<GetCeoSummary, CeoSummaryView>(
        new GetCeoSummary(Object.assign(new GetCeoSummaryRequest(), { region: filter.region }), principal),
      ),
    ]);
    return ceoEscalationsFragment(page, summary);
  }
}

/** The page's own filter, passed on to its rows. */
function query(filter: ListCeoEscalationsRequest): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(filter)) {
    if (value !== undefined && value !== null) params.set(key, String(value));
  }
  const text = params.toString();
  return text ? `?${text}` : '';
}
