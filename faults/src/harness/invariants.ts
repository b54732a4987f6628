import { DeadLetterHeaders } from '@cx/contracts';
import { scanTopic } from '@cx/messaging';
import { CommandResult, isAccepted } from './complaint-load';
import type { Scenario } from './scenario';

export interface ExactlyOnceOptions {
  /**
   * 'none': the topic holds every event once. 'allowed': a batch may go out twice where the relay cannot know
   * that it was stored (it died before its checkpoint, or the broker's answer was lost); consumers dedupe.
   */
  topicDuplicates: 'none' | 'allowed';
  /** Event ids the projections must refuse (dead-letter) instead of applying. */
  deadLettered?: readonly string[];
  /** Messages on the topic that are not events of the store (poison produced straight to the topic by the test). */
  foreignMessages?: number;
  timeoutMs?: number;
}

export interface ExactlyOnceReport {
  events: number;
  topicMessages: number;
  topicDuplicates: number;
}

interface StoredEvent {
  event_id: string;
  stream_id: string;
  stream_type: string;
  stream_version: number;
  type: string;
  data: { escalationLevel?: string; toLevel?: string };
}

/**
 * The suite's invariant: every event the complaints store holds reaches the topic (by event id) and is applied
 * by the projections exactly once: one processed_events row per event, none for anything else, and read-model
 * rows that agree with the store (a second application of an escalation would add a hand-off and a history
 * version). Waits a bounded time for the pipeline to drain, then says exactly what is missing or extra.
 */
export async function expectEveryEventExactlyOnce(
  scenario: Scenario,
  options: ExactlyOnceOptions,
): Promise<ExactlyOnceReport> {
  const stored = await scenario.sql<StoredEvent>(
    'complaints',
    'SELECT event_id::text, stream_id, stream_type, stream_version, type, data FROM events ORDER BY position',
  );
  const deadLettered = new Set(options.deadLettered ?? []);
  const toApply = new Set(stored.map((e) => e.event_id).filter((id) => !deadLettered.has(id)));

  const deadline = Date.now() + (options.timeoutMs ?? 120_000);
  let processed = new Set<string>();
  for (;;) {
    processed = await processedEvents(scenario);
    if ([...toApply].every((id) => processed.has(id))) break;
    if (Date.now() > deadline) break;
    await new Promise((resolve) => setTimeout(resolve, 500));
  }

  const topic = new Map<string, number>();
  let topicMessages = 0;
  let foreign = 0;
  const storedIds = new Set(stored.map((e) => e.event_id));
  await scanTopic(scenario.kafka, scenario.topic, (message) => {
    topicMessages++;
    const id = eventIdOf(message.value?.toString('utf8'));
    if (id === undefined || !storedIds.has(id)) foreign++;
    else topic.set(id, (topic.get(id) ?? 0) + 1);
  });
  const problems: string[] = [];
  const report = (what: string, ids: string[]) => {
    if (ids.length > 0)
      problems.push(`${what}: ${ids.length} (${ids.slice(0, 5).join(', ')}${ids.length > 5 ? ', …' : ''})`);
  };
  report(
    'stored events missing from the topic',
    [...storedIds].filter((id) => !topic.has(id)),
  );
  if (foreign !== (options.foreignMessages ?? 0)) {
    problems.push(
      `messages on the topic that are not stored events: ${foreign}, expected ${options.foreignMessages ?? 0}`,
    );
  }
  const duplicated = [...topic].filter(([, n]) => n > 1).map(([id]) => id);
  if (options.topicDuplicates === 'none') report('events on the topic more than once', duplicated);
  report(
    'events never applied by the projections',
    [...toApply].filter((id) => !processed.has(id)),
  );
  report(
    'events applied that should not be',
    [...processed].filter((id) => !toApply.has(id)),
  );
  problems.push(
    ...(await readModelDisagreements(
      scenario,
      stored.filter((e) => toApply.has(e.event_id)),
    )),
  );

  if (problems.length > 0) {
    throw new Error(
      `exactly-once invariant broken (${stored.length} stored events, ${topicMessages} topic messages, ` +
        `${processed.size} applied):\n- ${problems.join('\n- ')}`,
    );
  }
  return {
    events: stored.length,
    topicMessages,
    topicDuplicates: duplicated.reduce((sum, id) => sum + topic.get(id)! - 1, 0),
  };
}

/** The projections' dead-letter topic: each letter's reason (header) and value. */
export async function deadLetters(scenario: Scenario): Promise<Array<{ reason: string; value: string }>> {
  const letters: Array<{ reason: string; value: string }> = [];
  await scanTopic(scenario.kafka, scenario.projectionsDeadLetterTopic, (message) => {
    letters.push({
      reason: message.headers?.[DeadLetterHeaders.error]?.toString() ?? '',
      value: message.value?.toString('utf8') ?? '',
    });
  });
  return letters;
}

/** processed_events holds one row per (group, event id): an event id there was applied once, in that transaction. */
async function processedEvents(scenario: Scenario): Promise<Set<string>> {
  const rows = await scenario.sql<{ event_id: string }>(
    'projections',
    'SELECT event_id::text FROM processed_events WHERE consumer_group = $1',
    [scenario.projectionsGroup],
  );
  return new Set(rows.map((r) => r.event_id));
}

/** Per complaint: the CEO view's row and history as the store's filings and escalations say they must be. */
async function readModelDisagreements(scenario: Scenario, applied: StoredEvent[]): Promise<string[]> {
  const expected = new Map<string, { level: string; version: number; escalations: number }>();
  for (const event of applied) {
    if (event.stream_type !== 'Complaint') continue;
    if (event.type === 'ComplaintFiled') {
      expected.set(event.stream_id, {
        level: event.data.escalationLevel!,
        version: event.stream_version,
        escalations: 0,
      });
    } else if (event.type === 'ComplaintEscalated') {
      const complaint = expected.get(event.stream_id)!;
      complaint.level = event.data.toLevel!;
      complaint.version = event.stream_version;
      complaint.escalations++;
    }
  }
  const rows = await scenario.sql<{
    complaint_id: string;
    escalation_level: string;
    last_stream_version: number;
    hand_offs: number;
    trail: number;
    versions: string;
  }>(
    'projections',
    `SELECT e.complaint_id::text, e.escalation_level, e.last_stream_version, e.hand_offs,
            jsonb_array_length(e.escalation_trail) AS trail,
            (SELECT count(*) FROM reporting.complaint_escalations_history_v1 h WHERE h.complaint_id = e.complaint_id)
              AS versions
       FROM reporting.complaint_escalations_v1 e`,
  );
  const actual = new Map(rows.map((r) => [r.complaint_id, r]));
  const disagreements: string[] = [];
  for (const [id, want] of expected) {
    const row = actual.get(id);
    const got = row && {
      level: row.escalation_level,
      version: row.last_stream_version,
      handOffs: row.hand_offs,
      trail: row.trail,
      versions: Number(row.versions),
    };
    const wanted = {
      level: want.level,
      version: want.version,
      handOffs: want.escalations,
      trail: want.escalations + 1,
      versions: want.escalations + 1,
    };
    if (JSON.stringify(got) !== JSON.stringify(wanted)) {
      disagreements.push(
        `CEO view of complaint ${id}: ${JSON.stringify(got ?? null)}, expected ${JSON.stringify(wanted)}`,
      );
    }
  }
  for (const id of actual.keys()) {
    if (!expected.has(id)) disagreements.push(`CEO view has complaint ${id}, which the store never filed`);
  }
  return disagreements.slice(0, 10);
}

function eventIdOf(value: string | undefined): string | undefined {
  try {
    const id = (JSON.parse(value ?? '') as { id?: unknown }).id;
    return typeof id === 'string' ? id : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Every command a client was told succeeded is in the store: each 201 filing as its complaint's ComplaintFiled,
 * each 200 escalation as one ComplaintEscalated of its complaint. A command that failed may or may not have
 * committed (the answer can be lost after the commit), so it may add at most its own event.
 */
export async function expectAcceptedCommandsStored(
  scenario: Scenario,
  results: readonly CommandResult[],
): Promise<void> {
  const rows = await scenario.sql<{ stream_id: string; type: string; n: string }>(
    'complaints',
    `SELECT stream_id, type, count(*) AS n FROM events WHERE type IN ('ComplaintFiled', 'ComplaintEscalated')
      GROUP BY stream_id, type`,
  );
  const stored = new Map(rows.map((r) => [`${r.type} ${r.stream_id}`, Number(r.n)]));
  const bounds = new Map<string, { accepted: number; failed: number }>();
  for (const result of results) {
    if (!result.complaintId) continue;
    const key = `${result.kind === 'file' ? 'ComplaintFiled' : 'ComplaintEscalated'} ${result.complaintId}`;
    const bound = bounds.get(key) ?? { accepted: 0, failed: 0 };
    if (isAccepted(result)) bound.accepted++;
    else bound.failed++;
    bounds.set(key, bound);
  }
  const lost: string[] = [];
  for (const [key, { accepted: ok, failed }] of bounds) {
    const n = stored.get(key) ?? 0;
    if (n < ok || n > ok + failed) lost.push(`${key}: ${n} stored, ${ok} accepted, ${failed} failed`);
  }
  expect(lost).toEqual([]);
}
