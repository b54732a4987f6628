import { Inject, Injectable } from '@nestjs/common';
import {
  DisclosureSourceEvent,
  PARTICIPATION_DISCLOSURE_STREAM_TYPE,
  participationDisclosureEventSchemas,
  rosterStreamId,
} from '@cx/contracts';
import { AggregateRepository, PostgresEventStore, versionOneCodec } from '@cx/event-store';
import { PG_POOL } from '@cx/platform';
import type { Pool, PoolClient } from 'pg';
import type { CountedPerson } from '../domain/disclosure/participation-count';
import type { ParticipationDisclosureCommand } from '../domain/disclosure/participation-disclosure.commands';
import { participationDisclosureDecider } from '../domain/disclosure/participation-disclosure.decider';
import type { ParticipationDisclosureEvent } from '../domain/disclosure/participation-disclosure.events';
import type { ParticipationDisclosureState } from '../domain/disclosure/participation-disclosure.state';

interface SourceRow {
  event_id: string;
  type: string;
  stream_id: string;
  position: string;
  data: unknown;
}

const CAMPAIGN_EVENTS = `(stream_id = $1 OR stream_id = $2
  OR (type = 'ParticipationActivityRecorded' AND data->>'campaignId' = $1))`;

const toSource = (r: SourceRow): DisclosureSourceEvent => ({
  id: r.event_id,
  type: r.type,
  streamId: r.stream_id,
  position: String(r.position),
  data: r.data,
});

@Injectable()
export class ParticipationDisclosureRepository extends AggregateRepository<
  ParticipationDisclosureCommand,
  ParticipationDisclosureEvent,
  ParticipationDisclosureState
> {
  constructor(
    store: PostgresEventStore,
    @Inject(PG_POOL) private readonly pool: Pool,
  ) {
    super(
      store,
      participationDisclosureDecider,
      PARTICIPATION_DISCLOSURE_STREAM_TYPE,
      versionOneCodec<ParticipationDisclosureEvent>(participationDisclosureEventSchemas),
    );
  }

  /**
   * A campaign's events up to a position no later commit can land below. The share lock waits for the
   * writers in flight and holds new ones back for the moment it takes to read the highest position: every
   * position allocated after it is higher. Disclosures are rare; the pause is a few milliseconds.
   */
  async finalCampaignEvents(campaignId: string): Promise<{ throughPosition: string; events: DisclosureSourceEvent[] }> {
    const client = await this.pool.connect();
    try {
      await client.query('BEGIN ISOLATION LEVEL REPEATABLE READ');
      await client.query('LOCK TABLE events IN SHARE MODE');
      const { rows: top } = await client.query<{ position: string | null }>(
        'SELECT max(position) AS position FROM events',
      );
      const throughPosition = String(top[0].position ?? 0);
      const { rows } = await client.query<SourceRow>(
        `SELECT event_id, type, stream_id, position, data FROM events
          WHERE ${CAMPAIGN_EVENTS} AND position <= $3 ORDER BY position`,
        [campaignId, rosterStreamId(campaignId), throughPosition],
      );
      await client.query('COMMIT');
      return { throughPosition, events: rows.map(toSource) };
    } catch (error) {
      await client.query('ROLLBACK').catch(() => undefined);
      throw error;
    } finally {
      client.release();
    }
  }

  /** Every event of the campaign now, to show what changed since a freeze. */
  async campaignEvents(campaignId: string): Promise<DisclosureSourceEvent[]> {
    const { rows } = await this.pool.query<SourceRow>(
      `SELECT event_id, type, stream_id, position, data FROM events WHERE ${CAMPAIGN_EVENTS} ORDER BY position`,
      [campaignId, rosterStreamId(campaignId)],
    );
    return rows.map(toSource);
  }

  /** Written in the disclosure's append transaction: the evidence exists exactly when the disclosure does. */
  static saveEvidence(disclosureId: string, campaignId: string, evidence: readonly CountedPerson[]) {
    return async (tx: PoolClient): Promise<void> => {
      await tx.query(
        `INSERT INTO disclosure_evidence (disclosure_id, campaign_id, person_id, segment, participant)
         SELECT $1, $2, p.person_id, p.segment, p.participant
           FROM unnest($3::text[], $4::text[], $5::boolean[]) AS p(person_id, segment, participant)`,
        [
          disclosureId,
          campaignId,
          evidence.map((e) => e.personId),
          evidence.map((e) => e.segment),
          evidence.map((e) => e.participant),
        ],
      );
    };
  }

  async evidence(disclosureId: string): Promise<CountedPerson[]> {
    const { rows } = await this.pool.query<{
      person_id: string;
      segment: CountedPerson['segment'];
      participant: boolean;
    }>('SELECT person_id, segment, participant FROM disclosure_evidence WHERE disclosure_id = $1 ORDER BY person_id', [
      disclosureId,
    ]);
    return rows.map((r) => ({ personId: r.person_id, segment: r.segment, participant: r.participant }));
  }
}
