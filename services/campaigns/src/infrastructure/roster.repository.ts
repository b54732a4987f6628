import { Inject, Injectable } from '@nestjs/common';
import { ROSTER_STREAM_TYPE, rosterEventSchemas } from '@cx/contracts';
import { AggregateRepository, PostgresEventStore, versionOneCodec } from '@cx/event-store';
import { PG_POOL } from '@cx/platform';
import type { Pool, PoolClient } from 'pg';
import type { Employment } from '../domain/eligibility';
import type { RosterCommand } from '../domain/roster/roster.commands';
import { rosterDecider } from '../domain/roster/roster.decider';
import type { RosterEvent } from '../domain/roster/roster.events';
import type { RosterEntry, RosterState } from '../domain/roster/roster.state';

/** Someone as an import names them: the entry the domain sees, and the name it never does. */
export interface RosterPerson {
  row: number;
  name: string;
  entry: RosterEntry;
}

export interface NameOnRoster {
  name: string;
  region: string;
}

export type EmploymentInRegion = Employment & { region: string };

@Injectable()
export class RosterRepository extends AggregateRepository<RosterCommand, RosterEvent, RosterState> {
  constructor(
    store: PostgresEventStore,
    @Inject(PG_POOL) private readonly pool: Pool,
  ) {
    super(store, rosterDecider, ROSTER_STREAM_TYPE, versionOneCodec<RosterEvent>(rosterEventSchemas));
  }

  /** The names and regions the roster holds for these people; someone not on it has none. */
  async namesOf(campaignId: string, personIds: readonly string[]): Promise<Map<string, NameOnRoster>> {
    const { rows } = await this.pool.query<{ person_id: string; name: string; region: string }>(
      'SELECT person_id, name, region FROM roster_entries WHERE campaign_id = $1 AND person_id = ANY($2::text[])',
      [campaignId, personIds],
    );
    return new Map(rows.map((r) => [r.person_id, { name: r.name, region: r.region }]));
  }

  /** The employment and region of these people as the roster holds them; someone missing is not on it. */
  async employmentOf(campaignId: string, personIds: readonly string[]): Promise<Map<string, EmploymentInRegion>> {
    const { rows } = await this.pool.query<{
      person_id: string;
      region: string;
      employed_from: string;
      employed_until: string | null;
    }>(
      `SELECT person_id, region, employed_from::text AS employed_from, employed_until::text AS employed_until
         FROM roster_entries WHERE campaign_id = $1 AND person_id = ANY($2::text[])`,
      [campaignId, personIds],
    );
    return new Map(
      rows.map((r) => [
        r.person_id,
        { region: r.region, employedFrom: r.employed_from, employedUntil: r.employed_until },
      ]),
    );
  }

  /**
   * Written in the append's transaction, so the table always matches the stream, names included. One
   * statement for the whole import; people whose row is the same already are left untouched.
   */
  static saveEntries(campaignId: string, people: readonly RosterPerson[]) {
    return async (tx: PoolClient): Promise<void> => {
      await tx.query(
        `INSERT INTO roster_entries AS r
                (campaign_id, person_id, name, segment, department, region, employed_from, employed_until)
         SELECT $1, p.* FROM unnest($2::text[], $3::text[], $4::text[], $5::text[], $6::text[], $7::date[], $8::date[])
                AS p(person_id, name, segment, department, region, employed_from, employed_until)
         ON CONFLICT (campaign_id, person_id) DO UPDATE
            SET name = EXCLUDED.name, segment = EXCLUDED.segment, department = EXCLUDED.department,
                region = EXCLUDED.region, employed_from = EXCLUDED.employed_from,
                employed_until = EXCLUDED.employed_until, updated_at = now()
          WHERE (r.name, r.segment, r.department, r.region, r.employed_from, r.employed_until)
                IS DISTINCT FROM (EXCLUDED.name, EXCLUDED.segment, EXCLUDED.department, EXCLUDED.region,
                                  EXCLUDED.employed_from, EXCLUDED.employed_until)`,
        [
          campaignId,
          people.map((p) => p.entry.personId),
          people.map((p) => p.name),
          people.map((p) => p.entry.segment),
          people.map((p) => p.entry.department),
          people.map((p) => p.entry.region),
          people.map((p) => p.entry.employedFrom),
          people.map((p) => p.entry.employedUntil),
        ],
      );
    };
  }
}
