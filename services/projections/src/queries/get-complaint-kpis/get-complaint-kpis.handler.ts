import { Inject } from '@nestjs/common';
import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { callerScope } from '@cx/auth';
import { PG_POOL, RequestValidationFailed } from '@cx/platform';
import type { Pool } from 'pg';
import type { RateView } from '../get-ceo-summary/get-ceo-summary.dto';
import type { ComplaintKpisView, GetComplaintKpisRequest } from './get-complaint-kpis.dto';
import { GetComplaintKpis } from './get-complaint-kpis.query';

const DAY_MS = 86_400_000;
const BEIJING_OFFSET_MS = 8 * 3_600_000;
const MAX_DAYS = 366;

const rate = (count: number, of: number): RateView => ({ count, of, rate: of === 0 ? null : count / of });
const num = (value: number | string | null) => (value === null ? null : Number(value));
const dayOf = (ms: number) => new Date(ms).toISOString().slice(0, 10);

/**
 * Daily received and resolved complaints, the median time to resolution and SLA attainment per region, from
 * reporting.complaint_milestones_v1 (the rows behind reporting.complaint_kpis_daily), days in Beijing time.
 * SLA attainment is the CEO summary's: met on time, of met on time plus breaches of that target.
 */
@QueryHandler(GetComplaintKpis)
export class GetComplaintKpisHandler implements IQueryHandler<GetComplaintKpis, ComplaintKpisView> {
  constructor(@Inject(PG_POOL) private readonly pool: Pool) {}

  async execute({ request, principal }: GetComplaintKpis): Promise<ComplaintKpisView> {
    const { from, to } = period(request);
    const scope = callerScope(principal);
    const args = [from, to, request.region ?? null, scope?.regions ?? null, scope?.projects ?? null];
    const where = `occurred_at >= ($1::date::timestamp AT TIME ZONE 'Asia/Shanghai')
        AND occurred_at < (($2::date + 1)::timestamp AT TIME ZONE 'Asia/Shanghai')
        AND ($3::text IS NULL OR region = $3)
        AND ($4::text[] IS NULL OR region = ANY($4) OR project = ANY($5))`;
    const [daily, overall, regions] = await Promise.all([
      this.pool.query<{ day: string; received: string; resolved: string; median: number | null }>(
        `SELECT (occurred_at AT TIME ZONE 'Asia/Shanghai')::date::text AS day,
                count(*) FILTER (WHERE kind = 'received') AS received,
                count(*) FILTER (WHERE kind = 'resolved') AS resolved,
                percentile_cont(0.5) WITHIN GROUP (ORDER BY hours_since_filing) FILTER (WHERE kind = 'resolved')
                  AS median
           FROM reporting.complaint_milestones_v1 WHERE ${where} GROUP BY 1`,
        args,
      ),
      this.pool.query<{ median: number | null }>(
        `SELECT percentile_cont(0.5) WITHIN GROUP (ORDER BY hours_since_filing) AS median
           FROM reporting.complaint_milestones_v1 WHERE kind = 'resolved' AND ${where}`,
        args,
      ),
      this.pool.query<{ region: string; sla_target: string; met: string; breached: string }>(
        `SELECT region, sla_target,
                count(*) FILTER (WHERE within_sla) AS met,
                count(*) FILTER (WHERE kind = 'sla_breached') AS breached
           FROM reporting.complaint_milestones_v1 WHERE sla_target IS NOT NULL AND ${where}
          GROUP BY 1, 2 ORDER BY 1`,
        args,
      ),
    ]);
    const byDay = new Map(daily.rows.map((r) => [r.day, r]));
    const days = [];
    for (let ms = Date.parse(from); ms <= Date.parse(to); ms += DAY_MS) {
      const r = byDay.get(dayOf(ms));
      days.push({
        day: dayOf(ms),
        received: Number(r?.received ?? 0),
        resolved: Number(r?.resolved ?? 0),
        medianHoursToResolution: num(r?.median ?? null),
      });
    }
    const attainment = (region: string, target: string) => {
      const r = regions.rows.find((x) => x.region === region && x.sla_target === target);
      return rate(Number(r?.met ?? 0), Number(r?.met ?? 0) + Number(r?.breached ?? 0));
    };
    return {
      from,
      to,
      region: request.region ?? null,
      days,
      medianHoursToResolution: num(overall.rows[0]?.median ?? null),
      slaAttainmentByRegion: [...new Set(regions.rows.map((r) => r.region))].map((region) => ({
        region,
        acknowledgement: attainment(region, 'acknowledgement'),
        first_response: attainment(region, 'first_response'),
        resolution: attainment(region, 'resolution'),
      })),
    };
  }
}

function period(request: GetComplaintKpisRequest): { from: string; to: string } {
  const today = dayOf(Date.now() + BEIJING_OFFSET_MS);
  const to = request.to ?? today;
  const from = request.from ?? dayOf(Date.parse(to) - 29 * DAY_MS);
  const span = (Date.parse(to) - Date.parse(from)) / DAY_MS + 1;
  const errors = [
    ...(to > today ? [{ field: 'to', messages: ['to must not be after today (Beijing time)'] }] : []),
    ...(from > to ? [{ field: 'from', messages: ['from must not be after to'] }] : []),
    ...(span > MAX_DAYS ? [{ field: 'from', messages: [`the period is at most ${MAX_DAYS} days`] }] : []),
  ];
  if (errors.length > 0) throw new RequestValidationFailed(errors);
  return { from, to };
}
