import { Controller, Get, Query, UseFilters, UseGuards } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiExcludeController } from '@nestjs/swagger';
import { CurrentPrincipal, Principal, Public, Roles } from '@cx/auth';
import type { ComplaintKpisView } from '../../../queries/get-complaint-kpis/get-complaint-kpis.dto';
import { GetComplaintKpisRequest } from '../../../queries/get-complaint-kpis/get-complaint-kpis.dto';
import { GetComplaintKpis } from '../../../queries/get-complaint-kpis/get-complaint-kpis.query';
import { chartFigure, decimal, percent, percentValue } from '../../charts';
import { DashboardErrorFilter } from '../../dashboard-error.filter';
import { KPI_PAGE } from '../../dashboard-pages';
import { html, Html } from '../../html';
import { layout } from '../../layout';
import { DashboardSessionGuard } from '../../session/dashboard-session.guard';

const TARGETS = ['acknowledgement', 'first_response', 'resolution'] as const;

function kpisBody(kpis: ComplaintKpisView): Html {
  return html`<h1>Complaint KPIs</h1>
    <form method="get" action="${KPI_PAGE.path}" class="picker">
      <label for="from">From</label><input id="from" name="from" type="date" value="${kpis.from}" />
      <label for="to">To</label><input id="to" name="to" type="date" value="${kpis.to}" />
      <button type="submit">Show</button>
    </form>
    <dl class="counters">
      <div>
        <dt>Received</dt>
        <dd>${kpis.days.reduce((n, d) => n + d.received, 0)}</dd>
      </div>
      <div>
        <dt>Resolved</dt>
        <dd>${kpis.days.reduce((n, d) => n + d.resolved, 0)}</dd>
      </div>
      <div>
        <dt>Median hours to resolution</dt>
        <dd>${decimal(kpis.medianHoursToResolution)}</dd>
      </div>
    </dl>
    ${chartFigure(
      'kpis-daily',
      'Complaints received and resolved per day (Beijing time)',
      {
        type: 'bar',
        labels: kpis.days.map((d) => d.day),
        series: [
          { label: 'Received', values: kpis.days.map((d) => d.received) },
          { label: 'Resolved', values: kpis.days.map((d) => d.resolved) },
        ],
        unit: 'complaints',
      },
      html`<table>
        <caption>
          Complaints per day
        </caption>
        <thead>
          <tr>
            <th scope="col">Day</th>
            <th scope="col">Received</th>
            <th scope="col">Resolved</th>
            <th scope="col">Median hours to resolution</th>
          </tr>
        </thead>
        <tbody>
          ${kpis.days.map(
            (d) =>
              html`<tr>
                <th scope="row">${d.day}</th>
                <td>${d.received}</td>
                <td>${d.resolved}</td>
                <td>${decimal(d.medianHoursToResolution)}</td>
              </tr>`,
          )}
        </tbody>
      </table>`,
    )}
    ${chartFigure(
      'kpis-sla',
      'SLA attainment by region',
      {
        type: 'bar',
        labels: kpis.slaAttainmentByRegion.map((r) => r.region),
        series: TARGETS.map((t) => ({
          label: t.replace('_', ' '),
          values: kpis.slaAttainmentByRegion.map((r) => percentValue(r[t].rate)),
        })),
        unit: '%',
        range: [0, 100],
      },
      html`<table>
        <caption>
          SLA attainment by region: met on time, of met on time plus breached
        </caption>
        <thead>
          <tr>
            <th scope="col">Region</th>
            ${TARGETS.map((t) => html`<th scope="col">${t.replace('_', ' ')}</th>`)}
          </tr>
        </thead>
        <tbody>
          ${kpis.slaAttainmentByRegion.map(
            (r) =>
              html`<tr>
                <th scope="row">${r.region}</th>
                ${TARGETS.map((t) => html`<td>${percent(r[t].rate)} <span class="count">(${r[t].count} / ${r[t].of})</span></td>`)}
              </tr>`,
          )}
        </tbody>
      </table>`,
    )}`;
}

/** GET /v1/reports/complaint-kpis as a page. */
@Public()
@ApiExcludeController()
@UseGuards(DashboardSessionGuard)
@UseFilters(DashboardErrorFilter)
@Roles(...KPI_PAGE.roles)
@Controller('dashboard/kpis')
export class ComplaintKpisPageController {
  constructor(private readonly queries: QueryBus) {}

  @Get()
  async page(@Query() request: GetComplaintKpisRequest, @CurrentPrincipal() principal: Principal): Promise<string> {
    const kpis = await this.queries.execute<GetComplaintKpis, ComplaintKpisView>(
      new GetComplaintKpis(request, principal),
    );
    return layout({ title: KPI_PAGE.title, path: KPI_PAGE.path, principal, charts: true, body: kpisBody(kpis) });
  }
}
