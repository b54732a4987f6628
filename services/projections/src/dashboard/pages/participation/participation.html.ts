import type {
  DimensionRatesView,
  ParticipationRateView,
  ParticipationReportView,
} from '../../../queries/get-participation-report/get-participation-report.dto';
import { chartFigure } from '../../charts';
import { html, Html } from '../../html';

export interface CampaignChoice {
  campaignId: string;
  name: string;
  periodStart: string;
}

const SEGMENTS = ['all', 'employee', 'management'] as const;
const SEGMENT_LABELS = { all: 'Everybody', employee: 'Employees', management: 'Management' };

/** The display percentage of the report (ratePercent), with the counts it rests on. */
const rateCell = (segment: string, figure: ParticipationRateView) =>
  html`<td data-segment="${segment}" data-rate-percent="${figure.ratePercent ?? ''}">
    ${figure.ratePercent === null ? '–' : `${figure.ratePercent}%`}
    <span class="count">(${figure.participants} / ${figure.eligible})</span>
  </td>`;

const segmentHeaders = html`${SEGMENTS.map((s) => html`<th scope="col">${SEGMENT_LABELS[s]}</th>`)}`;
const ratesOf = (figure: ParticipationRateView) => (figure.ratePercent === null ? null : Number(figure.ratePercent));

function dimensionFigure(id: string, title: string, dimension: string, rows: DimensionRatesView[]): Html {
  return chartFigure(
    id,
    title,
    {
      type: 'bar',
      labels: rows.map((r) => r.value),
      series: SEGMENTS.map((s) => ({ label: SEGMENT_LABELS[s], values: rows.map((r) => ratesOf(r[s])) })),
      unit: '%',
      range: [0, 100],
    },
    html`<table data-dimension="${dimension}">
      <caption>
        ${title}: participation rate (participants / eligible)
      </caption>
      <thead>
        <tr>
          <th scope="col">${dimension === 'department' ? 'Department' : 'Region'}</th>
          ${segmentHeaders}
        </tr>
      </thead>
      <tbody>
        ${rows.map(
          (r) =>
            html`<tr data-value="${r.value}">
              <th scope="row">${r.value}</th>
              ${SEGMENTS.map((s) => rateCell(s, r[s]))}
            </tr>`,
        )}
      </tbody>
    </table>`,
  );
}

export function participationBody(choices: CampaignChoice[], report: ParticipationReportView | null): Html {
  const picker = html`<form method="get" action="/dashboard/participation" class="picker">
    <label for="campaignId">Campaign</label>
    <select id="campaignId" name="campaignId">
      ${choices.map((c) => html`<option value="${c.campaignId}" ${report?.campaignId === c.campaignId ? html` selected` : ''}>${c.name} (${c.periodStart})</option>`)}
    </select>
    <button type="submit">Show</button>
  </form>`;
  if (!report) {
    return html`<h1>Listening campaign</h1>
      <p>No listening campaign has reached the reports yet.</p>`;
  }
  return html`<h1>Listening campaign: ${report.name}</h1>
    ${picker}
    <p>${report.periodStart} to ${report.periodEnd}, ${report.status}. ${report.eligibilityRule.description}</p>
    ${chartFigure(
      'participation-overall',
      'Participation rate against the whole',
      {
        type: 'bar',
        labels: SEGMENTS.map((s) => SEGMENT_LABELS[s]),
        series: [{ label: 'Participation rate', values: SEGMENTS.map((s) => ratesOf(report.overall[s])) }],
        unit: '%',
        range: [0, 100],
      },
      html`<table data-dimension="overall">
        <caption>
          Participation rate against the whole (participants / eligible)
        </caption>
        <thead>
          <tr>
            <th scope="col">Campaign</th>
            ${segmentHeaders}
          </tr>
        </thead>
        <tbody>
          <tr data-value="all">
            <th scope="row">${report.name}</th>
            ${SEGMENTS.map((s) => rateCell(s, report.overall[s]))}
          </tr>
        </tbody>
      </table>`,
    )}
    ${dimensionFigure('participation-department', 'By department', 'department', report.byDepartment)}
    ${dimensionFigure('participation-region', 'By region', 'region', report.byRegion)}
    ${chartFigure(
      'participation-weekly',
      'Weekly cumulative participation',
      {
        type: 'line',
        labels: report.weekly.map((w) => w.weekStart),
        series: SEGMENTS.map((s) => ({ label: SEGMENT_LABELS[s], values: report.weekly.map((w) => ratesOf(w[s])) })),
        unit: '%',
        range: [0, 100],
      },
      html`<table data-dimension="weekly">
        <caption>
          Weekly cumulative participation: eligible so far, participants so far
        </caption>
        <thead>
          <tr>
            <th scope="col">Week</th>
            ${segmentHeaders}
          </tr>
        </thead>
        <tbody>
          ${report.weekly.map(
            (w) =>
              html`<tr data-value="${w.weekStart}">
                <th scope="row">${w.weekStart} – ${w.weekEnd}</th>
                ${SEGMENTS.map((s) => rateCell(s, w[s]))}
              </tr>`,
          )}
        </tbody>
      </table>`,
    )}`;
}
