import { html, Html, HtmlPart, jsonData } from './html';

export interface ChartSeries {
  label: string;
  values: (number | null | [number, number])[];
  /** Drawn as a line over bars, e.g. a cumulative rate. */
  kind?: 'bar' | 'line';
}

export interface ChartSpec {
  type: 'bar' | 'line';
  labels: string[];
  series: ChartSeries[];
  /** Axis title of the values, e.g. "%". */
  unit: string;
  /** Fixed value axis, e.g. [0, 100] for rates. */
  range?: [number, number];
}

/**
 * A chart and the table it is drawn from, in one figure: the canvas is decoration for sighted readers
 * (aria-hidden), the table carries the figures for everybody, screen readers and keyboard users included.
 */
export function chartFigure(id: string, caption: string, spec: ChartSpec, table: HtmlPart): Html {
  return html`<figure class="chart" id="${id}" aria-labelledby="${id}-caption">
    <figcaption id="${id}-caption">${caption}</figcaption>
    <div class="chart-canvas"><canvas aria-hidden="true"></canvas></div>
    <script type="application/json" class="chart-data">
      ${jsonData(spec)}
    </script>
    ${table}
  </figure>`;
}

export const percent = (rate: number | null): string => (rate === null ? '–' : `${(rate * 100).toFixed(1)}%`);
export const percentValue = (rate: number | null): number | null =>
  rate === null ? null : Number((rate * 100).toFixed(1));
export const decimal = (value: number | null, places = 1): string => (value === null ? '–' : value.toFixed(places));
