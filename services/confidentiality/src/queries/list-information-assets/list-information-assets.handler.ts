import { Inject } from '@nestjs/common';
import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { PG_POOL } from '@cx/platform';
import type { Pool } from 'pg';
import type { InformationAssetsPage } from './list-information-assets.dto';
import { ListInformationAssets } from './list-information-assets.query';

interface Row {
  asset_id: string;
  name: string;
  category: string;
  level: string;
  owner_id: string;
  handling_rules: string;
  status: string;
  registered_at: Date;
  retired_at: Date | null;
  total: string;
}

/** The register, most sensitive first: secret, then confidential, internal, public; by name within a level. */
@QueryHandler(ListInformationAssets)
export class ListInformationAssetsHandler implements IQueryHandler<ListInformationAssets, InformationAssetsPage> {
  constructor(@Inject(PG_POOL) private readonly pool: Pool) {}

  async execute({ filter }: ListInformationAssets): Promise<InformationAssetsPage> {
    const { rows } = await this.pool.query<Row>(
      `SELECT asset_id, name, category, level, owner_id, handling_rules, status, registered_at, retired_at,
              count(*) OVER () AS total
         FROM information_assets
        WHERE ($1::text IS NULL OR category = $1) AND ($2::text IS NULL OR level = $2)
          AND ($3::text IS NULL OR status = $3)
        ORDER BY array_position(ARRAY['secret', 'confidential', 'internal', 'public'], level), name, asset_id
        LIMIT $4 OFFSET $5`,
      [filter.category ?? null, filter.level ?? null, filter.status ?? null, filter.limit, filter.offset],
    );
    return {
      items: rows.map((r) => ({
        assetId: r.asset_id,
        name: r.name,
        category: r.category,
        level: r.level,
        ownerId: r.owner_id,
        handlingRules: r.handling_rules,
        status: r.status,
        registeredAt: r.registered_at.toISOString(),
        retiredAt: r.retired_at?.toISOString() ?? null,
      })),
      total: rows.length > 0 ? Number(rows[0].total) : 0,
      limit: filter.limit,
      offset: filter.offset,
    };
  }
}
