import { DisclosureSourceEvent, EventEnvelope, ParticipationDisclosureFrozenV1 } from '@cx/contracts';
import { scanTopic } from '@cx/messaging';
import type { Kafka } from 'kafkajs';
import { countParticipation, ParticipationCount } from '../domain/disclosure/participation-count';

export interface DisclosureVerification {
  disclosure: ParticipationDisclosureFrozenV1;
  recomputed: ParticipationCount;
  /** True when the events digest, the evidence digest and every figure agree. */
  matches: boolean;
}

/**
 * Recomputes a disclosure from the topic alone, as a third party would: finds the disclosure's event, takes
 * every event of its campaign at or below the frozen position and counts them with the same pure rule.
 * Duplicates on the topic (an event republished after a crash) are counted once, by event id.
 */
export async function verifyDisclosureFromTopic(
  kafka: Kafka,
  topic: string,
  disclosureId: string,
): Promise<DisclosureVerification | null> {
  const events = new Map<string, DisclosureSourceEvent>();
  let disclosure: ParticipationDisclosureFrozenV1 | null = null;
  await scanTopic(kafka, topic, (message) => {
    let envelope: EventEnvelope;
    try {
      envelope = JSON.parse(message.value?.toString('utf8') ?? '') as EventEnvelope;
    } catch {
      return;
    }
    if (envelope.type === 'ParticipationDisclosureFrozen' && envelope.streamId === disclosureId) {
      disclosure = envelope.data as ParticipationDisclosureFrozenV1;
    }
    const { id, type, streamId, position, data } = envelope;
    events.set(id, { id, type, streamId, position, data });
  });
  if (!disclosure) return null;
  const frozen: ParticipationDisclosureFrozenV1 = disclosure;
  const counted = [...events.values()].filter((e) => BigInt(e.position) <= BigInt(frozen.throughPosition));
  const recomputed = countParticipation(frozen.campaignId, counted);
  const matches =
    recomputed.eventsDigest === frozen.eventsDigest &&
    recomputed.evidenceDigest === frozen.evidenceDigest &&
    recomputed.eventsCounted === frozen.eventsCounted &&
    JSON.stringify(recomputed.figures) === JSON.stringify(frozen.figures);
  return { disclosure: frozen, recomputed, matches };
}
