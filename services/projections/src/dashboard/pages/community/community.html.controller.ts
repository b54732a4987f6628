import { Controller, Get, Inject, Query, UseFilters, UseGuards } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiExcludeController } from '@nestjs/swagger';
import { ORG_CODE_PATTERN } from '@cx/contracts';
import { CurrentPrincipal, Principal, Public, Roles } from '@cx/auth';
import { PG_POOL } from '@cx/platform';
import { IsOptional, Matches } from 'class-validator';
import type { Pool } from 'pg';
import type { CommunityReportView } from '../../../queries/get-community-report/get-community-report.dto';
import { GetCommunityReport } from '../../../queries/get-community-report/get-community-report.query';
import { chartFigure, decimal, percentValue } from '../../charts';
import { DashboardErrorFilter } from '../../dashboard-error.filter';
import { COMMUNITY_PAGE } from '../../dashboard-pages';
import { html, Html } from '../../html';
import { layout } from '../../layout';
import { DashboardSessionGuard } from '../../session/dashboard-session.guard';

export class CommunityPageRequest {
  @IsOptional()
  @Matches(new RegExp(ORG_CODE_PATTERN), { message: 'community must be a project code' })
  community?: string;

  @IsOptional()
  @Matches(/^\d{4}-(0[1-9]|1[0-2])$/, { message: 'month must be a month, YYYY-MM' })
  month?: string;
}

function communityBody(communities: string[], months: string[], report: CommunityReportView | null): Html {
  if (!report)
    return html`<h1>Community activities</h1>
      <p>No community activity has reached the reports yet.</p>`;
  const activities = report.activities;
  return html`<h1>Community activities: ${report.community}, ${report.month}</h1>
    <form method="get" action="${COMMUNITY_PAGE.path}" class="picker">
      <label for="community">Community</label>
      <select id="community" name="community">
        ${communities.map((c) => html`<option${c === report.community ? html` selected` : ''}>${c}</option>`)}
      </select>
      <label for="month">Month</label>
      <select id="month" name="month">
        ${months.map((m) => html`<option${m === report.month ? html` selected` : ''}>${m}</option>`)}
      </select>
      <button type="submit">Show</button>
    </form>
    ${chartFigure(
      'community-attendance',
      'Attendance at the activities held, by category',
      {
        type: 'bar',
        labels: activities.map((a) => a.category),
        series: [{ label: 'Attendance rate', values: activities.map((a) => percentValue(a.attendanceRate)) }],
        unit: '%',
        range: [0, 100],
      },
      html`<table>
        <caption>
          Activities, registrations and attendance by category (“all” first)
        </caption>
        <thead>
          <tr>
            <th scope="col">Category</th>
            <th scope="col">Activities</th>
            <th scope="col">Places</th>
            <th scope="col">Registered people</th>
            <th scope="col">Held</th>
            <th scope="col">Attended</th>
            <th scope="col">Attendance rate</th>
            <th scope="col">No-shows</th>
            <th scope="col">Average rating</th>
          </tr>
        </thead>
        <tbody>
          ${activities.map(
            (a) =>
              html`<tr>
                <th scope="row">${a.category}</th>
                <td>${a.activities}</td>
                <td>${a.capacity}</td>
                <td>${a.registeredPeople}</td>
                <td>${a.activitiesHeld}</td>
                <td>${a.attendedPeople}</td>
                <td>${a.attendanceRatePercent === null ? '–' : `${a.attendanceRatePercent}%`}</td>
                <td>${a.noShows}</td>
                <td>${decimal(a.averageRating, 2)}</td>
              </tr>`,
          )}
        </tbody>
      </table>`,
    )}
    <table>
      <caption>
        Love Care services by kind (“all” first)
      </caption>
      <thead>
        <tr>
          <th scope="col">Service</th>
          <th scope="col">Requests</th>
          <th scope="col">Recurring</th>
          <th scope="col">Visits completed</th>
          <th scope="col">Average rating</th>
          <th scope="col">Ended</th>
        </tr>
      </thead>
      <tbody>
        ${report.careServices.map(
          (c) =>
            html`<tr>
              <th scope="row">${c.serviceKind}</th>
              <td>${c.requests}</td>
              <td>${c.recurringRequests}</td>
              <td>${c.visitsCompleted}</td>
              <td>${decimal(c.averageRating, 2)}</td>
              <td>${c.ended}</td>
            </tr>`,
        )}
      </tbody>
    </table>`;
}

/** GET /v1/reports/community as a page; without a choice, the first community and its latest month. */
@Public()
@ApiExcludeController()
@UseGuards(DashboardSessionGuard)
@UseFilters(DashboardErrorFilter)
@Roles(...COMMUNITY_PAGE.roles)
@Controller('dashboard/community')
export class CommunityPageController {
  constructor(
    private readonly queries: QueryBus,
    @Inject(PG_POOL) private readonly pool: Pool,
  ) {}

  @Get()
  async page(@Query() request: CommunityPageRequest, @CurrentPrincipal() principal: Principal): Promise<string> {
    const [communities, months] = await Promise.all([
      this.pool.query<{ community: string }>(
        'SELECT DISTINCT community FROM reporting.community_activities_v1 ORDER BY community',
      ),
      this.pool.query<{ month: string }>(
        `SELECT DISTINCT to_char(month, 'YYYY-MM') AS month FROM reporting.community_activity_stats ORDER BY 1 DESC`,
      ),
    ]);
    const community = request.community ?? communities.rows[0]?.community;
    const month = request.month ?? months.rows[0]?.month;
    const report =
      community && month
        ? await this.queries.execute<GetCommunityReport, CommunityReportView>(
            new GetCommunityReport({ community, month }),
          )
        : null;
    return layout({
      title: COMMUNITY_PAGE.title,
      path: COMMUNITY_PAGE.path,
      principal,
      charts: true,
      body: communityBody(
        communities.rows.map((r) => r.community),
        months.rows.map((r) => r.month),
        report,
      ),
    });
  }
}
