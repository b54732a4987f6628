import type { RecordedEvent } from './recorded-event';
import { versionOneCodec } from './version-one-codec';

type Noted = { type: 'Noted'; data: { text: string } };

const codec = versionOneCodec<Noted>({ Noted: { type: 'object' } });

function stored(type: string, schemaVersion: number): RecordedEvent {
  return {
    eventId: '6f1c2a5e-0000-4000-8000-000000000001',
    streamId: 'note-1',
    streamType: 'Note',
    streamVersion: 1,
    position: '42',
    transactionId: '7',
    type,
    schemaVersion,
    data: { text: 'hello' },
    metadata: { correlationId: 'c-1', causationId: null, actor: { type: 'user', id: 'tester' } },
    recordedAt: new Date('2026-11-26T00:00:00Z'),
  };
}

describe('versionOneCodec', () => {
  it('reads a known event at version 1 as the domain event', () => {
    expect(codec.decode(stored('Noted', 1))).toEqual({ type: 'Noted', data: { text: 'hello' } });
  });

  it('writes every event at version 1', () => {
    expect(codec.schemaVersionOf({ type: 'Noted', data: { text: 'x' } })).toBe(1);
  });

  it('refuses a later version instead of misreading it, naming where it is', () => {
    expect(() => codec.decode(stored('Noted', 2))).toThrow('Cannot read Noted v2 at position 42');
  });

  it('refuses a type the stream does not know', () => {
    expect(() => codec.decode(stored('Erased', 1))).toThrow('Cannot read Erased v1 at position 42');
  });
});
