import { Controller, Get, Inject, Query, UseFilters, UseGuards } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiExcludeController } from '@nestjs/swagger';
import { SURVEY_PERIOD_PATTERN } from '@cx/contracts';
import { CurrentPrincipal, Principal, Public, Roles } from '@cx/auth';
import { PG_POOL } from '@cx/platform';
import { IsOptional, Matches } from 'class-validator';
import type { Pool } from 'pg';
import type {
  PlaceFiguresView,
  SatisfactionReportView,
} from '../../../queries/get-satisfaction-report/get-satisfaction-report.dto';
import { GetSatisfactionReport } from '../../../queries/get-satisfaction-report/get-satisfaction-report.query';
import { chartFigure, decimal } from '../../charts';
import { DashboardErrorFilter } from '../../dashboard-error.filter';
import { SATISFACTION_PAGE } from '../../dashboard-pages';
import { html, Html } from '../../html';
import { layout } from '../../layout';
import { DashboardSessionGuard } from '../../session/dashboard-session.guard';

export class SatisfactionPageRequest {
  @IsOptional()
  @Matches(new RegExp(SURVEY_PERIOD_PATTERN), { message: 'period must be a month, YYYY-MM' })
  period?: string;
}

/** Months shown in the trend. */
const TREND_MONTHS = 12;

const placeName = (p: PlaceFiguresView) => p.project ?? p.stage ?? p.region ?? 'all';
const interval = (p: PlaceFiguresView) => (p.ci ? `${decimal(p.ci.low, 2)} – ${decimal(p.ci.high, 2)}` : '–');

function placesFigure(id: string, title: string, places: PlaceFiguresView[]): Html {
  return chartFigure(
    id,
    title,
    {
      type: 'bar',
      labels: places.map(placeName),
      series: [
        { label: 'Index', values: places.map((p) => p.index) },
        { label: '95% interval', values: places.map((p) => (p.ci ? [p.ci.low, p.ci.high] : null)) },
      ],
      unit: 'index (0-100)',
      range: [0, 100],
    },
    html`<table>
      <caption>
        ${title}: index with its 95% interval, responses and response rate
      </caption>
      <thead>
        <tr>
          <th scope="col">${title.replace(/^By /, '')}</th>
          <th scope="col">Index</th>
          <th scope="col">95% interval</th>
          <th scope="col">Responses</th>
          <th scope="col">CSAT</th>
          <th scope="col">NPS</th>
          <th scope="col">Response rate</th>
        </tr>
      </thead>
      <tbody>
        ${places.map(
          (p) =>
            html`<tr>
              <th scope="row">${placeName(p)}</th>
              <td>${decimal(p.index, 2)}</td>
              <td>${interval(p)}</td>
              <td>${p.responses}</td>
              <td>${decimal(p.csat, 2)}</td>
              <td>${decimal(p.nps, 2)}</td>
              <td>${p.responseRate === null ? '–' : `${(p.responseRate * 100).toFixed(1)}%`}</td>
            </tr>`,
        )}
      </tbody>
    </table>`,
  );
}

function satisfactionBody(
  periods: string[],
  report: SatisfactionReportView | null,
  trend: SatisfactionReportView[],
): Html {
  if (!report)
    return html`<h1>Satisfaction</h1>
      <p>No survey wave has reached the reports yet.</p>`;
  const overall = trend.filter((r) => r.overall !== null);
  return html`<h1>Satisfaction: ${report.period}</h1>
    <form method="get" action="${SATISFACTION_PAGE.path}" class="picker">
      <label for="period">Month</label>
      <select id="period" name="period">
        ${periods.map((p) => html`<option${p === report.period ? html` selected` : ''}>${p}</option>`)}
      </select>
      <button type="submit">Show</button>
    </form>
    ${
      overall.length > 0
        ? chartFigure(
            'satisfaction-trend',
            'Satisfaction index by month',
            {
              type: 'line',
              labels: overall.map((r) => r.period),
              series: [
                { label: 'Index', values: overall.map((r) => r.overall!.index) },
                {
                  label: '95% interval',
                  kind: 'bar',
                  values: overall.map((r) => (r.overall!.ci ? [r.overall!.ci.low, r.overall!.ci.high] : null)),
                },
              ],
              unit: 'index (0-100)',
              range: [0, 100],
            },
            html`<table>
              <caption>
                Satisfaction index by month, every project
              </caption>
              <thead>
                <tr>
                  <th scope="col">Month</th>
                  <th scope="col">Index</th>
                  <th scope="col">95% interval</th>
                  <th scope="col">Responses</th>
                </tr>
              </thead>
              <tbody>
                ${overall.map(
                  (r) =>
                    html`<tr>
                      <th scope="row">${r.period}</th>
                      <td>${decimal(r.overall!.index, 2)}</td>
                      <td>${interval(r.overall!)}</td>
                      <td>${r.overall!.responses}</td>
                    </tr>`,
                )}
              </tbody>
            </table>`,
          )
        : html`<p>
            The month-by-month index pools every project; it is not shown to a token limited to regions or projects.
          </p>`
    }
    ${placesFigure('satisfaction-project', 'By project', report.byProject)}
    ${report.byStage.length > 0 ? placesFigure('satisfaction-stage', 'By stage', report.byStage) : ''}
    ${placesFigure('satisfaction-region', 'By region', report.byRegion)}`;
}

/** GET /v1/reports/satisfaction as a page, for the chosen month and the twelve months up to it. */
@Public()
@ApiExcludeController()
@UseGuards(DashboardSessionGuard)
@UseFilters(DashboardErrorFilter)
@Roles(...SATISFACTION_PAGE.roles)
@Controller('dashboard/satisfaction')
export class SatisfactionPageController {
  constructor(
    private readonly queries: QueryBus,
    @Inject(PG_POOL) private readonly pool: Pool,
  ) {}

  @Get()
  async page(@Query() request: SatisfactionPageRequest, @CurrentPrincipal() principal: Principal): Promise<string> {
    const { rows } = await this.pool.query<{ period: string }>(
      'SELECT DISTINCT period FROM reporting.survey_waves_v1 ORDER BY period DESC',
    );
    const periods = rows.map((r) => r.period);
    const period = request.period ?? periods[0];
    const reportOf = (p: string) =>
      this.queries.execute<GetSatisfactionReport, SatisfactionReportView>(
        new GetSatisfactionReport({ period: p }, principal),
      );
    const report = period ? await reportOf(period) : null;
    const trend = report
      ? await Promise.all(
          periods
            .filter((p) => p <= report.period)
            .slice(0, TREND_MONTHS)
            .reverse()
            .map(reportOf),
        )
      : [];
    return layout({
      title: SATISFACTION_PAGE.title,
      path: SATISFACTION_PAGE.path,
      principal,
      charts: true,
      body: satisfactionBody(periods, report, trend),
    });
  }
}
