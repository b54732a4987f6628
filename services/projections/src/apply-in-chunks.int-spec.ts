import { EventEnvelope, rosterStreamId } from '@cx/contracts';
import { migrateDatabase } from '@cx/event-store';
import { createTestDatabase, TestDatabase } from '@cx/testing';
import { Pool } from 'pg';
import { projectionMigrations } from './infrastructure/projection-migrations';
import { campaignParticipation } from './projections/campaign-participation/campaign-participation';
import { ceoEscalations } from './projections/ceo-escalations/ceo-escalations';
import { complaintKpis } from './projections/complaint-kpis/complaint-kpis';
import type { Projection } from './projections/projection';

/** Deterministic pseudo-random numbers (mulberry32), so that a failure can be replayed. */
function random(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

const DAY = 86_400_000;
const START = Date.parse('2026-06-01T00:00:00.000Z');
const levels = ['frontline', 'project', 'region', 'ceo_office'];

/**
 * Complaint streams of a few customers (so that repeats within and beyond the 90 days occur in both arrival
 * orders), each stream in version order but the streams interleaved as partitions would be; recorded times that
 * sometimes go backwards; events delivered twice, late, or for a complaint never filed; erasures of customers
 * between their filings; events of other read models in between.
 */
function history(seed: number): EventEnvelope[] {
  const next = random(seed);
  const pick = <T>(items: readonly T[]) => items[Math.floor(next() * items.length)];
  const id = () =>
    '00000000-0000-4000-8000-000000000000'.replace(/0/g, () => Math.floor(next() * 16).toString(16)).toUpperCase();
  const customers = ['subj_aaaaaaaa01', 'subj_bbbbbbbb02', 'subj_cccccccc03', 'subj_dddddddd04'];
  let position = 0;
  const envelope = (
    streamId: string,
    streamType: string,
    streamVersion: number,
    type: string,
    at: number,
    data: object,
  ): EventEnvelope => ({
    id: id().toLowerCase(),
    type,
    schemaVersion: 1,
    streamId,
    streamType,
    streamVersion,
    position: String(++position),
    occurredAt: new Date(at).toISOString(),
    correlationId: 'chunks-test',
    causationId: null,
    actor: { type: 'user', id: 'agent-1' },
    data,
  });

  const streams: EventEnvelope[][] = [];
  for (let c = 0; c < 40; c++) {
    const complaintId = id();
    const filedAt = START + Math.floor(next() * 200) * DAY + Math.floor(next() * DAY);
    let at = filedAt;
    let level = pick(levels);
    const events: EventEnvelope[] = [];
    const add = (type: string, data: object) => {
      // Mostly forward, sometimes recorded a little before the event it follows.
      at += next() < 0.15 ? -Math.floor(next() * 3_600_000) : Math.floor(next() * 2 * DAY);
      events.push(envelope(complaintId, 'Complaint', events.length + 1, type, at, { complaintId, ...data }));
    };
    if (next() > 0.05) {
      events.push(
        envelope(complaintId, 'Complaint', 1, 'ComplaintFiled', filedAt, {
          complaintId,
          customerId: pick(customers),
          project: pick(['P1', 'P2']),
          region: pick(['r1', 'r2']),
          category: pick(['delivery', 'housing_quality']),
          severity: pick(['low', 'high', 'critical']),
          channel: level === 'ceo_office' ? 'ceo_direct' : 'hotline',
          escalationLevel: level,
          filedAt: new Date(filedAt).toISOString(),
        }),
      );
    }
    for (let n = Math.floor(next() * 12); n > 0; n--) {
      const kind = Math.floor(next() * 14);
      const stamp = new Date(at + DAY).toISOString();
      if (kind === 0) add('ComplaintAcknowledged', { acknowledgedAt: stamp });
      else if (kind === 1)
        add('ComplaintResponded', { channel: 'phone', firstResponse: next() < 0.6, respondedAt: stamp });
      else if (kind === 2) {
        const toLevel = levels[Math.min(levels.indexOf(level) + 1, 3)];
        add('ComplaintEscalated', { fromLevel: level, toLevel, reason: 'slow', escalatedAt: stamp });
        level = toLevel;
      } else if (kind === 3) {
        const toLevel = levels[Math.max(levels.indexOf(level) - 1, 0)];
        add('ComplaintDeEscalated', { fromLevel: level, toLevel, reason: 'handled', deEscalatedAt: stamp });
        level = toLevel;
      } else if (kind === 4)
        add('ComplaintSeverityChanged', { fromSeverity: 'low', toSeverity: pick(['low', 'high']) });
      else if (kind === 5) add('ComplaintResolved', { outcome: 'repaired', resolvedAt: stamp });
      else if (kind === 6) add('ComplaintReopened', { reason: 'again', reopenedAt: stamp });
      else if (kind === 7) add('ResolutionRejected', { reason: 'not fixed', rejectedAt: stamp });
      else if (kind === 8) add('ComplaintAssigned', { handlerId: 'h2', previousHandlerId: next() < 0.5 ? null : 'h1' });
      else if (kind === 9) add('CeoInstructionIssued', { instruction: 'call back', issuedAt: stamp });
      else if (kind === 10) add('ComplaintSlaAtRisk', { target: 'resolution', deadline: stamp });
      else if (kind === 11)
        add('ComplaintSlaBreached', {
          target: pick(['acknowledgement', 'first_response', 'resolution']),
          deadline: stamp,
          escalationLevel: level,
          breachedAt: stamp,
        });
      else if (kind === 12) add('ComplaintClosed', { satisfaction: 1 + Math.floor(next() * 5), closedAt: stamp });
      else add('ComplaintNoteAdded', { note: 'irrelevant here' });
    }
    streams.push(events);
  }
  for (const subjectId of customers.slice(0, 2)) {
    streams.push([
      envelope(subjectId, 'Subject', 1, 'SubjectErased', START + 150 * DAY, {
        subjectId,
        ground: 'subject_request',
        erasedAt: new Date(START + 150 * DAY).toISOString(),
      }),
    ]);
  }
  streams.push([
    envelope(id(), 'TypicalCaseReview', 1, 'RootCauseRecorded', START, { rootCauseCategory: 'construction_quality' }),
  ]);

  // A listening campaign: its roster imported then corrected, runs of activities by the people on it (and by one
  // who is not), so that activities come both in runs and between other events.
  const campaignId = id().toLowerCase();
  const people = ['hr-001', 'hr-002', 'hr-003', 'hr-004', 'hr-005'];
  const entry = (personId: string) => ({
    personId,
    segment: pick(['employee', 'management']),
    department: pick(['d1', 'd2']),
    region: pick(['r1', 'r2']),
    employedFrom: '2026-01-01',
    employedUntil: next() < 0.2 ? '2026-07-01' : null,
  });
  const stamp = (at: number) => new Date(at).toISOString();
  streams.push([
    envelope(campaignId, 'ListeningCampaign', 1, 'ListeningCampaignCreated', START, {
      campaignId,
      name: 'Six Ones',
      periodStart: '2026-06-01',
      periodEnd: '2026-08-31',
      activityKinds: ['customer_visit'],
      createdAt: stamp(START),
    }),
    envelope(campaignId, 'ListeningCampaign', 2, 'ListeningCampaignOpened', START, {
      campaignId,
      openedAt: stamp(START),
    }),
  ]);
  const roster = (version: number, type: string, entries: object[]) =>
    envelope(rosterStreamId(campaignId), 'Roster', version, type, START, {
      campaignId,
      importId: id().toLowerCase(),
      entries,
      importedAt: stamp(START),
    });
  streams.push([
    roster(1, 'RosterEntriesAdded', people.map(entry)),
    roster(2, 'RosterEntriesUpdated', people.slice(0, 2).map(entry)),
  ]);
  for (let s = 0; s < 4; s++) {
    const submissionId = id().toLowerCase();
    streams.push(
      Array.from({ length: 1 + Math.floor(next() * 25) }, (_, i) =>
        envelope(submissionId, 'ParticipationSubmission', i + 1, 'ParticipationActivityRecorded', START + i * DAY, {
          submissionId,
          activityId: id().toLowerCase(),
          campaignId,
          personId: pick([...people, 'hr-999']),
          kind: 'customer_visit',
          date: stamp(START + i * DAY).slice(0, 10),
          customersMet: Math.floor(next() * 5),
          scenario: 'home visit',
          findings: next() < 0.5 ? [] : ['door frame gap'],
          recordedAt: stamp(START + i * DAY),
        }),
      ),
    );
  }

  // Interleave the streams as partitions would, keeping each stream's order.
  const events: EventEnvelope[] = [];
  const cursors = streams.map(() => 0);
  while (cursors.some((c, i) => c < streams[i].length)) {
    const open = streams.map((_, i) => i).filter((i) => cursors[i] < streams[i].length);
    const i = pick(open);
    events.push(streams[i][cursors[i]++]);
  }
  // Redeliveries: some events again, later (the relay after a crash, a rebuild reading what was applied).
  for (const event of events.slice()) {
    if (next() < 0.1) events.splice(Math.floor(next() * events.length), 0, event);
  }
  return events;
}

const projectionsUnderTest: Projection[] = [ceoEscalations, complaintKpis, campaignParticipation] as Projection[];

/** What each table holds, row for row, in key order (updated_at is the writing transaction's clock). */
const contents: Record<string, { orderBy: string; except?: string }> = {
  escalations: { orderBy: 'complaint_id', except: 'updated_at' },
  history: { orderBy: 'complaint_id, stream_version' },
  customers: { orderBy: 'complaint_id' },
  erasedSubjects: { orderBy: 'subject_id' },
  customerLocks: { orderBy: 'customer_id' },
  milestones: { orderBy: 'complaint_id, stream_version, kind' },
  campaigns: { orderBy: 'campaign_id' },
  roster: { orderBy: 'campaign_id, person_id' },
  activities: { orderBy: 'activity_id' },
};

describe('the CEO escalation, complaint KPI and campaign participation projections applying events together (real Postgres)', () => {
  let database: TestDatabase;
  let pool: Pool;

  beforeAll(async () => {
    database = await createTestDatabase('apply_in_chunks');
    await migrateDatabase(database.url, projectionMigrations);
    pool = new Pool({ connectionString: database.url, max: 2 });
  });

  afterAll(async () => {
    await pool?.end();
    await database?.drop();
  });

  /** Fresh copies of the projections' tables, named after the way of applying. */
  async function freshTables(suffix: string): Promise<Map<Projection, Record<string, string>>> {
    const copies = new Map<Projection, Record<string, string>>();
    for (const projection of projectionsUnderTest) {
      const tables: Record<string, string> = {};
      for (const [role, table] of Object.entries(projection.tables as Record<string, string>)) {
        tables[role] = `${table}_${suffix}`;
        await pool.query(`CREATE TABLE ${tables[role]} (LIKE ${table} INCLUDING ALL)`);
      }
      copies.set(projection, tables);
    }
    return copies;
  }

  async function tableContents(copies: Map<Projection, Record<string, string>>) {
    const result: Record<string, unknown[]> = {};
    for (const tables of copies.values()) {
      for (const [role, table] of Object.entries(tables)) {
        const { rows } = await pool.query(`SELECT * FROM ${table} ORDER BY ${contents[role].orderBy}`);
        result[role] = rows.map((row) => {
          const { [contents[role].except ?? '']: _left, ...kept } = row;
          return kept;
        });
      }
    }
    return result;
  }

  /** Each chunk in its own transaction, as the consumer and the rebuild do. */
  async function applyInChunks(
    events: readonly EventEnvelope[],
    sizes: (index: number) => number,
    suffix: string,
  ): Promise<Record<string, unknown[]>> {
    const copies = await freshTables(suffix);
    const tx = await pool.connect();
    try {
      for (let start = 0, n = 0; start < events.length; n++) {
        const chunk = events.slice(start, start + sizes(n));
        start += chunk.length;
        await tx.query('BEGIN');
        for (const [projection, tables] of copies) await projection.applyMany!(chunk, tx, tables);
        await tx.query('COMMIT');
      }
    } finally {
      tx.release();
    }
    return tableContents(copies);
  }

  async function applyOneByOne(events: readonly EventEnvelope[], suffix: string): Promise<Record<string, unknown[]>> {
    const copies = await freshTables(suffix);
    const tx = await pool.connect();
    try {
      for (const event of events) {
        await tx.query('BEGIN');
        for (const [projection, tables] of copies) await projection.apply(event, tx, tables);
        await tx.query('COMMIT');
      }
    } finally {
      tx.release();
    }
    return tableContents(copies);
  }

  it.each([1, 2, 3])('leaves the same rows whether events come one by one or in chunks (history %i)', async (seed) => {
    const events = history(seed);
    const oneByOne = await applyOneByOne(events, `one_${seed}`);
    // The history exercises what it is meant to: repeats found, filings forgotten, versions, milestones.
    expect(oneByOne.escalations.some((row) => (row as { repeat_complaint: boolean }).repeat_complaint)).toBe(true);
    expect(oneByOne.erasedSubjects).toHaveLength(2);
    expect(oneByOne.history.length).toBeGreaterThan(oneByOne.escalations.length);
    expect(oneByOne.milestones.length).toBeGreaterThan(oneByOne.escalations.length);
    expect(oneByOne.activities.length).toBeGreaterThan(4);
    expect(oneByOne.roster).toHaveLength(5);

    const splits: [string, (n: number) => number][] = [
      ['all', () => events.length],
      ['sevens', () => 7],
      ['uneven', (n) => [1, 13, 2, 50, 5][n % 5]],
    ];
    for (const [name, sizes] of splits) {
      expect({ split: name, ...(await applyInChunks(events, sizes, `${name}_${seed}`)) }).toEqual({
        split: name,
        ...oneByOne,
      });
    }
  });
});
