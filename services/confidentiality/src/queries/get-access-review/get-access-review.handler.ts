import { Inject } from '@nestjs/common';
import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import type { AccessPurpose, ConfidentialityLevel, GranteeType, InformationCategory } from '@cx/contracts';
import { Clock, CLOCK, PG_POOL } from '@cx/platform';
import type { Pool } from 'pg';
import type { AccessReviewView } from './get-access-review.dto';
import { GetAccessReview } from './get-access-review.query';

interface Row {
  grant_id: string;
  grantee_type: GranteeType;
  grantee_id: string;
  category: InformationCategory;
  level: ConfidentialityLevel;
  subject_id: string | null;
  purpose: AccessPurpose;
  requested_by: string;
  approved_by: string;
  approved_at: Date;
  expires_at: Date;
  total: string;
}

const DAY = 86_400_000;

/**
 * The periodic access review (ISO/IEC 27001:2022 5.18): every grant that gives access at the service's `now`,
 * approved and not past its expiry, whether or not the expiry job has run.
 */
@QueryHandler(GetAccessReview)
export class GetAccessReviewHandler implements IQueryHandler<GetAccessReview, AccessReviewView> {
  constructor(
    @Inject(PG_POOL) private readonly pool: Pool,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async execute({ page }: GetAccessReview): Promise<AccessReviewView> {
    const now = this.clock.now();
    const { rows } = await this.pool.query<Row>(
      `SELECT grant_id, grantee_type, grantee_id, category, level, subject_id, purpose, requested_by, approved_by,
              approved_at, expires_at, count(*) OVER () AS total
         FROM access_grants
        WHERE status = 'approved' AND expires_at > $1
        ORDER BY expires_at, grant_id
        LIMIT $2 OFFSET $3`,
      [now, page.limit, page.offset],
    );
    return {
      asOf: now.toISOString(),
      items: rows.map((r) => ({
        grantId: r.grant_id,
        grantee: { type: r.grantee_type, id: r.grantee_id },
        scope: { category: r.category, level: r.level, subjectId: r.subject_id },
        purpose: r.purpose,
        requestedBy: r.requested_by,
        approvedBy: r.approved_by,
        approvedAt: r.approved_at.toISOString(),
        expiresAt: r.expires_at.toISOString(),
        daysLeft: Math.floor((r.expires_at.getTime() - now.getTime()) / DAY),
      })),
      total: rows.length > 0 ? Number(rows[0].total) : 0,
      limit: page.limit,
      offset: page.offset,
    };
  }
}
