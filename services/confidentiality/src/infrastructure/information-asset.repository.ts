import { Injectable } from '@nestjs/common';
import { INFORMATION_ASSET_STREAM_TYPE, informationAssetEventSchemas } from '@cx/contracts';
import { AggregateRepository, AppendResult, HandleOptions, PostgresEventStore, versionOneCodec } from '@cx/event-store';
import type { InformationAssetCommand } from '../domain/information-asset/information-asset.commands';
import { informationAssetDecider } from '../domain/information-asset/information-asset.decider';
import type { InformationAssetEvent } from '../domain/information-asset/information-asset.events';
import type { InformationAssetState } from '../domain/information-asset/information-asset.state';

@Injectable()
export class InformationAssetRepository extends AggregateRepository<
  InformationAssetCommand,
  InformationAssetEvent,
  InformationAssetState
> {
  constructor(store: PostgresEventStore) {
    super(store, informationAssetDecider, INFORMATION_ASSET_STREAM_TYPE, versionOneCodec(informationAssetEventSchemas));
  }

  /** Every change also rewrites the asset's row in the register table, in the same transaction as its events. */
  override handle(
    assetId: string,
    command: InformationAssetCommand,
    options: HandleOptions<InformationAssetState>,
  ): Promise<AppendResult> {
    return super.handle(assetId, command, {
      ...options,
      alsoInTransaction: async (tx, after) => {
        await options.alsoInTransaction?.(tx, after);
        if (after.status === 'not_registered') return;
        await tx.query(
          `INSERT INTO information_assets (asset_id, name, category, level, owner_id, handling_rules, status,
                                           registered_at, retired_at, updated_at)
           VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, now())
           ON CONFLICT (asset_id) DO UPDATE SET level = EXCLUDED.level, status = EXCLUDED.status,
             retired_at = EXCLUDED.retired_at, updated_at = now()`,
          [
            assetId,
            after.name,
            after.category,
            after.level,
            after.ownerId,
            after.handlingRules,
            after.status,
            after.registeredAt,
            after.status === 'retired' ? after.retiredAt : null,
          ],
        );
      },
    });
  }
}
