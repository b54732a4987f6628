import { Inject } from '@nestjs/common';
import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { PG_POOL } from '@cx/platform';
import type { Pool } from 'pg';
import type { EscalationStep } from '../../projections/ceo-escalations/ceo-escalation.row';
import type { CeoEscalationsPage } from './list-ceo-escalations.dto';
import { ListCeoEscalations } from './list-ceo-escalations.query';

interface Row {
  complaint_id: string;
  project: string;
  region: string;
  category: string;
  severity: string;
  channel: string;
  filed_at: Date;
  reached_ceo_office_at: Date;
  age_seconds: string;
  escalation_trail: EscalationStep[];
  sla_state: string;
  hand_offs: number;
  repeat_complaint: boolean;
  total: string;
}

/** Reads the same view BI tools read, so the API and SQL never disagree. */
@QueryHandler(ListCeoEscalations)
export class ListCeoEscalationsHandler implements IQueryHandler<ListCeoEscalations, CeoEscalationsPage> {
  constructor(@Inject(PG_POOL) private readonly pool: Pool) {}

  async execute({ filter }: ListCeoEscalations): Promise<CeoEscalationsPage> {
    const { rows } = await this.pool.query<Row>(
      `SELECT complaint_id, project, region, category, severity, channel, filed_at, reached_ceo_office_at,
              floor(extract(epoch FROM age))::bigint AS age_seconds, escalation_trail,
              sla_state, hand_offs, repeat_complaint, count(*) OVER () AS total
         FROM reporting.ceo_escalations
        WHERE ($1::text IS NULL OR region = $1) AND ($2::text IS NULL OR project = $2)
        ORDER BY filed_at, complaint_id
        LIMIT $3 OFFSET $4`,
      [filter.region ?? null, filter.project ?? null, filter.limit, filter.offset],
    );
    return {
      items: rows.map((r) => ({
        complaintId: r.complaint_id,
        project: r.project,
        region: r.region,
        category: r.category,
        severity: r.severity,
        channel: r.channel,
        filedAt: r.filed_at.toISOString(),
        reachedCeoOfficeAt: r.reached_ceo_office_at.toISOString(),
        ageSeconds: Number(r.age_seconds),
        escalationTrail: r.escalation_trail,
        slaState: r.sla_state,
        handOffs: r.hand_offs,
        repeatComplaint: r.repeat_complaint,
      })),
      total: rows.length > 0 ? Number(rows[0].total) : 0,
      limit: filter.limit,
      offset: filter.offset,
    };
  }
}
