import { Inject } from '@nestjs/common';
import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { ROSTER_SEGMENTS } from '@cx/contracts';
import { PG_POOL } from '@cx/platform';
import type { Pool } from 'pg';
import { CampaignNotFound } from './campaign-not-found.error';
import type {
  DimensionRatesView,
  ParticipationRateView,
  ParticipationReportView,
  SegmentedRatesView,
} from './get-participation-report.dto';
import { GetParticipationReport } from './get-participation-report.query';

const ELIGIBILITY_RULES: Record<string, string> = {
  employment_overlaps_period:
    'Eligible: on the roster with employment overlapping the campaign period, from the later of joining and the ' +
    'period start to the earlier of leaving and the period end (left before the campaign: not eligible; joined ' +
    'during it: eligible from joining). Participant: an eligible person with at least one activity dated inside ' +
    'that window, counted once however many activities.',
};

const PROBLEM_COUNTS = [
  'problems',
  'open',
  'closed',
  'overdue',
  'linked',
  'actions',
  'actions_verified',
  'actions_overdue',
] as const;

interface FigureRow {
  segment: string;
  eligible: string;
  participants: string;
}

const rate = (r: FigureRow | undefined): ParticipationRateView => {
  const eligible = Number(r?.eligible ?? 0);
  const participants = Number(r?.participants ?? 0);
  const exact = eligible === 0 ? null : participants / eligible;
  return { eligible, participants, rate: exact, ratePercent: exact === null ? null : (exact * 100).toFixed(1) };
};

function segmented(rows: FigureRow[]): SegmentedRatesView {
  const bySegment = (segment: string) => rate(rows.find((r) => r.segment === segment));
  return { all: bySegment('all'), employee: bySegment('employee'), management: bySegment('management') };
}

/** Reads the views BI tools read; the exact ratio is computed from the two counts, rounded only for display. */
@QueryHandler(GetParticipationReport)
export class GetParticipationReportHandler implements IQueryHandler<GetParticipationReport, ParticipationReportView> {
  constructor(@Inject(PG_POOL) private readonly pool: Pool) {}

  async execute({ request }: GetParticipationReport): Promise<ParticipationReportView> {
    const { campaignId } = request;
    const campaign = await this.pool.query<{
      name: string;
      period_start: string;
      period_end: string;
      status: string;
    }>(
      `SELECT name, period_start::text, period_end::text, status FROM reporting.listening_campaigns_v1
        WHERE campaign_id = $1`,
      [campaignId],
    );
    if (campaign.rows.length === 0) throw new CampaignNotFound(campaignId);
    const [figures, weekly, problems] = await Promise.all([
      this.pool.query<FigureRow & { dimension: string; dimension_value: string; eligibility_rule: string }>(
        `SELECT segment, dimension, dimension_value, eligible, participants, eligibility_rule
           FROM reporting.campaign_participation WHERE campaign_id = $1`,
        [campaignId],
      ),
      this.pool.query<FigureRow & { week_start: string; week_end: string }>(
        `SELECT segment, week_start::text, week_end::text, eligible, participants
           FROM reporting.campaign_participation_weekly WHERE campaign_id = $1 ORDER BY week_start`,
        [campaignId],
      ),
      this.pool.query<Record<(typeof PROBLEM_COUNTS)[number], string> & { category: string }>(
        `SELECT coalesce(category, 'all') AS category, ${PROBLEM_COUNTS.map((c) => `sum(${c}) AS ${c}`).join(', ')}
           FROM reporting.campaign_problem_stats WHERE campaign_id = $1
          GROUP BY GROUPING SETS ((), (category)) ORDER BY GROUPING(category) DESC, category`,
        [campaignId],
      ),
    ]);
    const c = campaign.rows[0];
    const ruleId = figures.rows[0]?.eligibility_rule ?? 'employment_overlaps_period';
    const byDimension = (dimension: string): DimensionRatesView[] => {
      const rows = figures.rows.filter((r) => r.dimension === dimension);
      return [...new Set(rows.map((r) => r.dimension_value))]
        .sort()
        .map((value) => ({ value, ...segmented(rows.filter((r) => r.dimension_value === value)) }));
    };
    const weeks = [...new Set(weekly.rows.map((r) => r.week_start))];
    return {
      campaignId,
      name: c.name,
      periodStart: c.period_start,
      periodEnd: c.period_end,
      status: c.status,
      segments: ROSTER_SEGMENTS,
      eligibilityRule: { id: ruleId, description: ELIGIBILITY_RULES[ruleId] },
      overall: segmented(figures.rows.filter((r) => r.dimension === 'overall')),
      byDepartment: byDimension('department'),
      byRegion: byDimension('region'),
      weekly: weeks.map((weekStart) => {
        const rows = weekly.rows.filter((r) => r.week_start === weekStart);
        return { weekStart, weekEnd: rows[0].week_end, ...segmented(rows) };
      }),
      problems: problems.rows.map((r) => ({
        category: r.category,
        problems: Number(r.problems),
        open: Number(r.open),
        closed: Number(r.closed),
        overdue: Number(r.overdue),
        linked: Number(r.linked),
        actions: Number(r.actions),
        actionsVerified: Number(r.actions_verified),
        actionsOverdue: Number(r.actions_overdue),
      })),
    };
  }
}
