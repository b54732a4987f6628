import { Inject } from '@nestjs/common';
import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { callerScope } from '@cx/auth';
import { PG_POOL, RequestValidationFailed } from '@cx/platform';
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
  as_of: Date;
}

/** $5 / $6: the caller's regions and projects, or nulls for a caller without a scope. */
const IN_SCOPE = '($5::text[] IS NULL OR region = ANY($5) OR project = ANY($6))';

const COLUMNS = `complaint_id, project, region, category, severity, channel, filed_at, reached_ceo_office_at,
  escalation_trail, sla_state, hand_offs, repeat_complaint, count(*) OVER () AS total`;

/**
 * Now: reads the same view BI tools read, so the API and SQL never disagree. At a past moment: reads the
 * version of each row that was valid then, from the history the projection keeps, instead of replaying.
 */
@QueryHandler(ListCeoEscalations)
export class ListCeoEscalationsHandler implements IQueryHandler<ListCeoEscalations, CeoEscalationsPage> {
  constructor(@Inject(PG_POOL) private readonly pool: Pool) {}

  async execute({ filter, principal }: ListCeoEscalations): Promise<CeoEscalationsPage> {
    const scope = callerScope(principal);
    const asOf = filter.asOf ? new Date(filter.asOf) : null;
    if (asOf && asOf.getTime() > Date.now()) {
      throw new RequestValidationFailed([{ field: 'asOf', messages: ['asOf must not be in the future'] }]);
    }
    const args = [
      filter.region ?? null,
      filter.project ?? null,
      filter.limit,
      filter.offset,
      scope?.regions ?? null,
      scope?.projects ?? null,
    ];
    const { rows } = asOf
      ? await this.pool.query<Row>(
          `SELECT ${COLUMNS}, floor(extract(epoch FROM $7::timestamptz - filed_at))::bigint AS age_seconds,
                  $7::timestamptz AS as_of
             FROM reporting.complaint_escalations_history_v1
            WHERE status = 'open' AND escalation_level = 'ceo_office'
              AND valid_from <= $7 AND (valid_to IS NULL OR valid_to > $7)
              AND ($1::text IS NULL OR region = $1) AND ($2::text IS NULL OR project = $2) AND ${IN_SCOPE}
            ORDER BY filed_at, complaint_id
            LIMIT $3 OFFSET $4`,
          [...args, asOf],
        )
      : await this.pool.query<Row>(
          `SELECT ${COLUMNS}, floor(extract(epoch FROM age))::bigint AS age_seconds, now() AS as_of
             FROM reporting.ceo_escalations
            WHERE ($1::text IS NULL OR region = $1) AND ($2::text IS NULL OR project = $2) AND ${IN_SCOPE}
            ORDER BY filed_at, complaint_id
            LIMIT $3 OFFSET $4`,
          args,
        );
    return {
      asOf: (asOf ?? rows[0]?.as_of ?? new Date()).toISOString(),
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
