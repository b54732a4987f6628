import { Inject } from '@nestjs/common';
import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { PG_POOL, RequestValidationFailed } from '@cx/platform';
import type { Pool } from 'pg';
import type { AccessAuditPage } from './list-access-audit.dto';
import { ListAccessAudit } from './list-access-audit.query';

interface Row {
  event_id: string;
  position: string;
  decided_at: Date;
  decision: string;
  action: string;
  reason: string | null;
  subject_id: string;
  actor: string;
  purpose: string;
  fields: string[] | null;
  grant_id: string | null;
  total: string;
}

/** Who saw, or was refused, which subject's data, when and why: the append-only trail, in the order it was written. */
@QueryHandler(ListAccessAudit)
export class ListAccessAuditHandler implements IQueryHandler<ListAccessAudit, AccessAuditPage> {
  constructor(@Inject(PG_POOL) private readonly pool: Pool) {}

  async execute({ filter }: ListAccessAudit): Promise<AccessAuditPage> {
    const from = filter.from ? new Date(filter.from) : null;
    const to = filter.to ? new Date(filter.to) : null;
    if (from && to && from.getTime() >= to.getTime()) {
      throw new RequestValidationFailed([{ field: 'to', messages: ['to must be later than from'] }]);
    }
    const { rows } = await this.pool.query<Row>(
      `SELECT event_id, position, decided_at, decision, action, reason, subject_id, actor, purpose, fields, grant_id,
              count(*) OVER () AS total
         FROM access_audit
        WHERE ($1::text IS NULL OR subject_id = $1) AND ($2::text IS NULL OR actor = $2)
          AND ($3::timestamptz IS NULL OR decided_at >= $3) AND ($4::timestamptz IS NULL OR decided_at < $4)
          AND ($5::text IS NULL OR decision = $5)
        ORDER BY position
        LIMIT $6 OFFSET $7`,
      [filter.subjectId ?? null, filter.actor ?? null, from, to, filter.decision ?? null, filter.limit, filter.offset],
    );
    return {
      items: rows.map((r) => ({
        eventId: r.event_id,
        position: String(r.position),
        decidedAt: r.decided_at.toISOString(),
        decision: r.decision,
        action: r.action,
        reason: r.reason,
        subjectId: r.subject_id,
        actor: r.actor,
        purpose: r.purpose,
        fields: r.fields,
        grantId: r.grant_id,
      })),
      total: rows.length > 0 ? Number(rows[0].total) : 0,
      limit: filter.limit,
      offset: filter.offset,
    };
  }
}
