import { Inject } from '@nestjs/common';
import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { SLA_TARGETS } from '@cx/contracts';
import { callerScope } from '@cx/auth';
import { PG_POOL, RequestValidationFailed } from '@cx/platform';
import type { Pool } from 'pg';
import type { CeoSummaryView, GetCeoSummaryRequest, RateView } from './get-ceo-summary.dto';
import { GetCeoSummary } from './get-ceo-summary.query';

const DEFAULT_PERIOD_DAYS = 30;
const DAY_MS = 86_400_000;

interface PeriodRow {
  received: string;
  median_first_response: number | null;
  median_resolution: number | null;
  acknowledgement_met: string;
  acknowledgement_breached: string;
  first_response_met: string;
  first_response_breached: string;
  resolution_met: string;
  resolution_breached: string;
  reopened: string;
  resolved: string;
  satisfaction_average: string | null;
  satisfaction_responses: string;
  breaches_today: string;
  breaches_this_week: string;
}

const rate = (count: number, of: number): RateView => ({ count, of, rate: of === 0 ? null : count / of });
const num = (value: string | number | null) => (value === null ? null : Number(value));

/** Reads the reporting tables BI tools read; every figure's definition is in the README. */
@QueryHandler(GetCeoSummary)
export class GetCeoSummaryHandler implements IQueryHandler<GetCeoSummary, CeoSummaryView> {
  constructor(@Inject(PG_POOL) private readonly pool: Pool) {}

  async execute({ request, principal }: GetCeoSummary): Promise<CeoSummaryView> {
    const { from, to } = period(request);
    const region = request.region ?? null;
    const scope = callerScope(principal);
    // A caller limited to regions or projects counts only what lies there.
    const inScope = [scope?.regions ?? null, scope?.projects ?? null];
    const [open, inPeriod, filed] = await Promise.all([
      this.pool.query<{ dimension: string; value: string; count: string }>(
        `SELECT d.dimension, d.value, count(*) AS count
           FROM reporting.complaint_escalations_v1 e
          CROSS JOIN LATERAL (VALUES ('level', e.escalation_level), ('region', e.region),
                                     ('category', e.category), ('severity', e.severity)) AS d(dimension, value)
          WHERE e.status = 'open' AND ($1::text IS NULL OR e.region = $1)
            AND ($2::text[] IS NULL OR e.region = ANY($2) OR e.project = ANY($3))
          GROUP BY 1, 2`,
        [region, ...inScope],
      ),
      this.pool.query<PeriodRow>(
        `SELECT count(*) FILTER (WHERE kind = 'received' AND in_period) AS received,
                percentile_cont(0.5) WITHIN GROUP (ORDER BY hours_since_filing)
                  FILTER (WHERE kind = 'first_response' AND in_period) AS median_first_response,
                percentile_cont(0.5) WITHIN GROUP (ORDER BY hours_since_filing)
                  FILTER (WHERE kind = 'resolved' AND in_period) AS median_resolution,
                ${SLA_TARGETS.map(
                  (t) => `count(*) FILTER (WHERE in_period AND sla_target = '${t}' AND within_sla) AS ${t}_met,
                count(*) FILTER (WHERE in_period AND sla_target = '${t}' AND kind = 'sla_breached') AS ${t}_breached`,
                ).join(',\n')},
                count(DISTINCT complaint_id) FILTER (WHERE kind = 'reopened' AND in_period) AS reopened,
                count(DISTINCT complaint_id) FILTER (WHERE kind = 'resolved' AND in_period) AS resolved,
                avg(satisfaction) FILTER (WHERE kind = 'closed' AND in_period) AS satisfaction_average,
                count(*) FILTER (WHERE kind = 'closed' AND in_period) AS satisfaction_responses,
                count(*) FILTER (WHERE kind = 'sla_breached' AND occurred_at >=
                  (date_trunc('day', now() AT TIME ZONE 'Asia/Shanghai') AT TIME ZONE 'Asia/Shanghai'))
                  AS breaches_today,
                count(*) FILTER (WHERE kind = 'sla_breached' AND occurred_at >=
                  (date_trunc('week', now() AT TIME ZONE 'Asia/Shanghai') AT TIME ZONE 'Asia/Shanghai'))
                  AS breaches_this_week
           FROM (SELECT *, occurred_at >= $1 AND occurred_at < $2 AS in_period
                   FROM reporting.complaint_milestones_v1
                  WHERE ($3::text IS NULL OR region = $3)
                    AND ($4::text[] IS NULL OR region = ANY($4) OR project = ANY($5))) m`,
        [from, to, region, ...inScope],
      ),
      this.pool.query<{ filed: string; hand_offs: string | null; repeats: string }>(
        `SELECT count(*) AS filed, avg(hand_offs) AS hand_offs, count(*) FILTER (WHERE repeat_complaint) AS repeats
           FROM reporting.complaint_escalations_v1
          WHERE filed_at >= $1 AND filed_at < $2 AND ($3::text IS NULL OR region = $3)
            AND ($4::text[] IS NULL OR region = ANY($4) OR project = ANY($5))`,
        [from, to, region, ...inScope],
      ),
    ]);
    const p = inPeriod.rows[0];
    const f = filed.rows[0];
    const openBy = (dimension: string) =>
      Object.fromEntries(open.rows.filter((r) => r.dimension === dimension).map((r) => [r.value, Number(r.count)]));
    const byLevel = openBy('level');
    return {
      from: from.toISOString(),
      to: to.toISOString(),
      region,
      open: {
        total: Object.values(byLevel).reduce((sum, n) => sum + n, 0),
        byLevel,
        byRegion: openBy('region'),
        byCategory: openBy('category'),
        bySeverity: openBy('severity'),
      },
      breachesToday: Number(p.breaches_today),
      breachesThisWeek: Number(p.breaches_this_week),
      received: Number(p.received),
      medianHoursToFirstResponse: num(p.median_first_response),
      medianHoursToResolution: num(p.median_resolution),
      slaAttainment: {
        acknowledgement: attainment(p.acknowledgement_met, p.acknowledgement_breached),
        first_response: attainment(p.first_response_met, p.first_response_breached),
        resolution: attainment(p.resolution_met, p.resolution_breached),
      },
      reopenRate: rate(Number(p.reopened), Number(p.resolved)),
      handOffsPerComplaint: num(f.hand_offs),
      repeatComplaints: rate(Number(f.repeats), Number(f.filed)),
      satisfactionAverage: num(p.satisfaction_average),
      satisfactionResponses: Number(p.satisfaction_responses),
    };
  }
}

function attainment(met: string, breached: string): RateView {
  return rate(Number(met), Number(met) + Number(breached));
}

function period(request: GetCeoSummaryRequest): { from: Date; to: Date } {
  const now = Date.now();
  const to = request.to ? new Date(request.to) : new Date(now);
  const from = request.from ? new Date(request.from) : new Date(to.getTime() - DEFAULT_PERIOD_DAYS * DAY_MS);
  const errors = [
    ...(to.getTime() > now ? [{ field: 'to', messages: ['to must not be in the future'] }] : []),
    ...(from >= to ? [{ field: 'from', messages: ['from must be before to'] }] : []),
  ];
  if (errors.length > 0) throw new RequestValidationFailed(errors);
  return { from, to };
}
