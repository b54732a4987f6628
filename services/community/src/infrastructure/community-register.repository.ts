import { Inject, Injectable } from '@nestjs/common';
import {
  COMMUNITY_REGISTER_STREAM_TYPE,
  communityRegisterEventSchemas,
  communityRegisterStreamId,
} from '@cx/contracts';
import { AggregateRepository, AppendResult, EventMetadata, PostgresEventStore, versionOneCodec } from '@cx/event-store';
import { PG_POOL } from '@cx/platform';
import type { Pool } from 'pg';
import type {
  CommunityRegisterCommand,
  RegisterResidents,
} from '../domain/community-register/community-register.commands';
import { communityRegisterDecider } from '../domain/community-register/community-register.decider';
import type { CommunityRegisterEvent } from '../domain/community-register/community-register.events';
import type { CommunityRegisterState, RegisteredResident } from '../domain/community-register/community-register.state';

@Injectable()
export class CommunityRegisterRepository extends AggregateRepository<
  CommunityRegisterCommand,
  CommunityRegisterEvent,
  CommunityRegisterState
> {
  constructor(
    store: PostgresEventStore,
    @Inject(PG_POOL) private readonly pool: Pool,
  ) {
    super(
      store,
      communityRegisterDecider,
      COMMUNITY_REGISTER_STREAM_TYPE,
      versionOneCodec<CommunityRegisterEvent>(communityRegisterEventSchemas),
    );
  }

  /** The register's events and the residents table change in one transaction, in one statement for the table. */
  register(
    command: RegisterResidents,
    expectedVersion: number | undefined,
    metadata: EventMetadata,
  ): Promise<AppendResult> {
    return this.handle(communityRegisterStreamId(command.community), command, {
      expectedVersion,
      metadata,
      alsoInTransaction: async (tx) => {
        await tx.query(
          `INSERT INTO community_residents (community, resident_id, elderly_care, registered_at)
           SELECT $1, r."residentId", r."elderlyCare", $3
             FROM jsonb_to_recordset($2::jsonb) AS r("residentId" text, "elderlyCare" boolean)
           ON CONFLICT (community, resident_id) DO UPDATE SET elderly_care = EXCLUDED.elderly_care`,
          [command.community, JSON.stringify(command.residents), command.now],
        );
      },
    });
  }

  /** The resident as the register has them; null when they are not on it. */
  async residentOf(community: string, residentId: string): Promise<RegisteredResident | null> {
    const { rows } = await this.pool.query<{ elderly_care: boolean }>(
      'SELECT elderly_care FROM community_residents WHERE community = $1 AND resident_id = $2',
      [community, residentId],
    );
    return rows.length === 0 ? null : { elderlyCare: rows[0].elderly_care };
  }
}
