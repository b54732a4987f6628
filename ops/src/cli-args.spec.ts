import { parseCommand, UsageError } from './cli-args';
import { formatLag } from './lag';
import { formatMessage, matches, TailedMessage } from './tail';
import { resolveGroup, resolveTopic } from './topics';

describe('cx arguments', () => {
  it('reads tail with its filters, and defaults to following from the end', () => {
    expect(parseCommand(['tail', 'complaints'])).toEqual({
      name: 'tail',
      topic: 'complaints',
      types: [],
      stream: undefined,
      fromBeginning: false,
      max: undefined,
      json: false,
    });
    expect(
      parseCommand([
        'tail',
        'cx.complaints.events',
        '--type',
        'ComplaintFiled',
        '--type',
        'ComplaintEscalated',
        '--stream',
        'c-1',
        '--from-beginning',
        '--max',
        '5',
        '--json',
      ]),
    ).toEqual({
      name: 'tail',
      topic: 'cx.complaints.events',
      types: ['ComplaintFiled', 'ComplaintEscalated'],
      stream: 'c-1',
      fromBeginning: true,
      max: 5,
      json: true,
    });
  });

  it('reads lag, dlq list, dlq redrive (with the service URL from the environment), rebuild and token', () => {
    expect(parseCommand(['lag'])).toEqual({ name: 'lag', group: undefined });
    expect(parseCommand(['lag', '--group', 'projections'])).toEqual({ name: 'lag', group: 'projections' });
    expect(parseCommand(['dlq', 'list', 'complaints'])).toEqual({ name: 'dlq-list', group: 'complaints' });
    expect(parseCommand(['dlq', 'redrive', 'projections'])).toEqual({
      name: 'dlq-redrive',
      group: 'projections',
      url: 'http://127.0.0.1:3006',
    });
    expect(parseCommand(['dlq', 'redrive', 'projections'], { PROJECTIONS_URL: 'http://projections:3006' })).toEqual({
      name: 'dlq-redrive',
      group: 'projections',
      url: 'http://projections:3006',
    });
    expect(parseCommand(['dlq', 'redrive', 'projections', '--url', 'http://x:1'])).toMatchObject({ url: 'http://x:1' });
    expect(parseCommand(['rebuild', 'ceo-escalations'])).toEqual({ name: 'rebuild', projection: 'ceo-escalations' });
    expect(parseCommand(['token', '--role', 'admin', '--sub', 'ops-1'])).toEqual({
      name: 'token',
      args: ['--role', 'admin', '--sub', 'ops-1'],
    });
    expect(parseCommand([])).toEqual({ name: 'help' });
  });

  it.each([
    [['frobnicate'], /unknown command "frobnicate"/],
    [['tail'], /expected 1 argument/],
    [['tail', 'complaints', '--max', '0'], /--max must be a whole number/],
    [['tail', 'complaints', '--max', 'lots'], /--max must be a whole number/],
    [['tail', 'complaints', '--follow'], /Unknown option '--follow'/],
    [['lag', 'projections'], /unexpected argument "projections"/],
    [['dlq'], /dlq needs/],
    [
      ['dlq', 'redrive', 'complaints'],
      /no service redrives the dead letters of "complaints"; redrivable groups: projections/,
    ],
    [['rebuild'], /expected 1 argument/],
  ])('refuses %j with a usage error', (argv, message) => {
    expect(() => parseCommand(argv)).toThrow(UsageError);
    expect(() => parseCommand(argv)).toThrow(message);
  });

  it('names topics and groups as the services do under a namespace', () => {
    expect(resolveTopic('complaints', '')).toBe('cx.complaints.events');
    expect(resolveTopic('complaints', 'ta1')).toBe('ta1.cx.complaints.events');
    expect(resolveTopic('cx.complaints.events', 'ta1')).toBe('ta1.cx.complaints.events');
    expect(resolveTopic('cx.dlq.ta1.projections', 'ta1')).toBe('cx.dlq.ta1.projections');
    expect(resolveTopic('ta1.cx.complaints.events', 'ta1')).toBe('ta1.cx.complaints.events');
    expect(resolveGroup('projections', '')).toBe('projections');
    expect(resolveGroup('projections', 'ta1')).toBe('ta1.projections');
    expect(resolveGroup('ta1.projections', 'ta1')).toBe('ta1.projections');
  });
});

describe('cx tail filters and lines', () => {
  const envelope = {
    id: '6f1c7a4e-0d5b-4f7e-9a51-3b8f2d9c1e00',
    type: 'ComplaintEscalated',
    schemaVersion: 1,
    streamId: 'c-1',
    streamType: 'Complaint',
    streamVersion: 3,
    position: '17',
    occurredAt: '2026-03-01T08:00:00.000Z',
    correlationId: 'call-centre-4711',
    causationId: null,
    actor: { type: 'user', id: 'u-1' },
    data: {},
  };
  const message = (overrides: Partial<TailedMessage> = {}): TailedMessage => ({
    topic: 'cx.complaints.events',
    partition: 2,
    offset: '41',
    key: 'c-1',
    value: JSON.stringify(envelope),
    headers: { 'event-type': 'ComplaintEscalated', 'schema-version': '1' },
    ...overrides,
  });

  it('keeps a message when it has one of the types and the stream asked for', () => {
    expect(matches(message(), { types: [] })).toBe(true);
    expect(matches(message(), { types: ['ComplaintFiled', 'ComplaintEscalated'] })).toBe(true);
    expect(matches(message(), { types: ['ComplaintFiled'] })).toBe(false);
    expect(matches(message(), { types: [], stream: 'c-1' })).toBe(true);
    expect(matches(message(), { types: [], stream: 'c-2' })).toBe(false);
    expect(matches(message({ headers: {} }), { types: ['ComplaintEscalated'] })).toBe(true);
    expect(matches(message({ key: null }), { types: [], stream: 'c-1' })).toBe(true);
  });

  it('never matches a type filter on a message that is no envelope, but shows it unfiltered', () => {
    const garbled = message({ value: '{ not json', headers: {} });
    expect(matches(garbled, { types: ['ComplaintFiled'] })).toBe(false);
    expect(matches(garbled, { types: [] })).toBe(true);
    expect(formatMessage(garbled, false)).toBe('cx.complaints.events[2]@41 key=c-1 { not json');
  });

  it('prints where, what, which stream version and which request; or the envelope as JSON', () => {
    expect(formatMessage(message(), false)).toBe(
      '2026-03-01T08:00:00.000Z cx.complaints.events[2]@41 ComplaintEscalated v1 c-1#3 correlation=call-centre-4711',
    );
    expect(JSON.parse(formatMessage(message(), true))).toEqual({
      topic: 'cx.complaints.events',
      partition: 2,
      offset: '41',
      envelope,
    });
  });

  it('prints lag as a table with a total per group', () => {
    expect(
      formatLag([
        { groupId: 'projections', topic: 'cx.complaints.events', partition: 0, committed: 10, end: 12, lag: 2 },
        { groupId: 'projections', topic: 'cx.complaints.events', partition: 1, committed: null, end: 3, lag: 3 },
      ]).split('\n'),
    ).toEqual([
      'GROUP        TOPIC                 PARTITION  COMMITTED  END  LAG',
      'projections  cx.complaints.events  0          10         12   2',
      'projections  cx.complaints.events  1          -          3    3',
      'projections  (total)                                          5',
    ]);
    expect(formatLag([])).toBe('no committed offsets found');
  });
});
