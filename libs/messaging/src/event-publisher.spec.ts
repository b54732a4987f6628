import type { Message } from 'kafkajs';
import { inSendableParts, MAX_SEND_BYTES } from './event-publisher';

const message = (key: string, valueBytes: number): Message => ({
  key,
  value: 'x'.repeat(valueBytes),
  headers: { 'event-type': 'RosterEntriesAdded' },
});

describe('sending a relay batch to Kafka', () => {
  it('sends small events in one part', () => {
    const messages = Array.from({ length: 500 }, (_, i) => message(`k${i}`, 300));
    expect(inSendableParts(messages)).toEqual([messages]);
  });

  it('splits large events into parts below the limit, keeping their order', () => {
    const messages = Array.from({ length: 40 }, (_, i) => message(`roster-${i}`, 70_000));
    const parts = inSendableParts(messages);
    expect(parts.length).toBeGreaterThan(1);
    expect(parts.flat()).toEqual(messages);
    for (const part of parts) {
      const bytes = part.reduce((sum, m) => sum + Buffer.byteLength(m.value as string), 0);
      expect(bytes).toBeLessThanOrEqual(MAX_SEND_BYTES);
    }
  });

  it('sends a message larger than the limit on its own', () => {
    const [small, large, last] = [message('a', 10), message('b', MAX_SEND_BYTES + 1), message('c', 10)];
    expect(inSendableParts([small, large, last])).toEqual([[small], [large], [last]]);
  });

  it('sends nothing for no events', () => {
    expect(inSendableParts([])).toEqual([]);
  });
});
