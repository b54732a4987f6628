import { parseArgs, ParseArgsOptionsConfig } from 'node:util';

/** One operator command, as read from `npm run cx -- <command> …`. */
export type CxCommand =
  | {
      name: 'tail';
      topic: string;
      types: string[];
      stream?: string;
      fromBeginning: boolean;
      max?: number;
      json: boolean;
    }
  | { name: 'lag'; group?: string }
  | { name: 'dlq-list'; group: string }
  | { name: 'dlq-redrive'; group: string; url: string }
  | { name: 'rebuild'; projection: string }
  | { name: 'token'; args: string[] }
  | { name: 'help' };

export class UsageError extends Error {}

export const USAGE = `usage: npm run cx -- <command>

  tail <topic> [--type T]… [--stream ID] [--from-beginning] [--max N] [--json]
      follow a topic (complaints, cx.complaints.events, cx.dlq.projections, …), filtered by event type / stream id
  lag [--group G]
      consumer lag per group, topic and partition (every consumer group without --group)
  dlq list <group>
      the messages on cx.dlq.<group>, with why each was refused
  dlq redrive <group> [--url URL]
      apply the dead letters again through the owning service's admin route (projections: $PROJECTIONS_URL)
  rebuild <projection>
      rebuild a projection from its topics, with a progress bar (the projections rebuild CLI)
  token --role R [--role R2] [--sub id] [--scope s] [--hours h]
      mint a development token (scripts/token.mjs)

environment: KAFKA_BROKERS, KAFKA_TOPIC_NAMESPACE, AUTH_JWT_SECRET, DATABASE_URL / PROJECTIONS_DATABASE_URL`;

/** The consumer groups whose dead letters a service can redrive, with the route that does it. */
export const REDRIVE_ROUTES: Record<string, { service: string; defaultUrl: string; path: string }> = {
  projections: {
    service: 'projections',
    defaultUrl: 'http://127.0.0.1:3006',
    path: '/v1/operations/dead-letters/redrive',
  },
};

export function parseCommand(argv: readonly string[], env: NodeJS.ProcessEnv = {}): CxCommand {
  const [command, ...rest] = argv;
  switch (command) {
    case undefined:
    case 'help':
    case '--help':
    case '-h':
      return { name: 'help' };
    case 'tail':
      return parseTail(rest);
    case 'lag': {
      const { values } = parse(rest, { group: { type: 'string' } }, 0);
      return { name: 'lag', group: values.group };
    }
    case 'dlq':
      return parseDlq(rest, env);
    case 'rebuild': {
      const { positionals } = parse(rest, {}, 1);
      return { name: 'rebuild', projection: positionals[0] };
    }
    case 'token':
      return { name: 'token', args: [...rest] };
    default:
      throw new UsageError(`unknown command "${command}"`);
  }
}

function parseTail(args: readonly string[]): CxCommand {
  const { values, positionals } = parse(
    args,
    {
      type: { type: 'string', multiple: true },
      stream: { type: 'string' },
      'from-beginning': { type: 'boolean' },
      max: { type: 'string' },
      json: { type: 'boolean' },
    },
    1,
  );
  const max = values.max === undefined ? undefined : Number(values.max);
  if (max !== undefined && (!Number.isInteger(max) || max < 1)) {
    throw new UsageError(`--max must be a whole number of at least 1, not "${values.max}"`);
  }
  return {
    name: 'tail',
    topic: positionals[0],
    types: values.type ?? [],
    stream: values.stream,
    fromBeginning: values['from-beginning'] === true,
    max,
    json: values.json === true,
  };
}

function parseDlq(args: readonly string[], env: NodeJS.ProcessEnv): CxCommand {
  const [action, ...rest] = args;
  if (action === 'list') {
    const { positionals } = parse(rest, {}, 1);
    return { name: 'dlq-list', group: positionals[0] };
  }
  if (action === 'redrive') {
    const { values, positionals } = parse(rest, { url: { type: 'string' } }, 1);
    const group = positionals[0];
    const route = REDRIVE_ROUTES[group];
    if (!route) {
      throw new UsageError(
        `no service redrives the dead letters of "${group}"; redrivable groups: ${Object.keys(REDRIVE_ROUTES).join(', ')}`,
      );
    }
    const url = values.url ?? env[`${route.service.toUpperCase()}_URL`] ?? route.defaultUrl;
    return { name: 'dlq-redrive', group, url };
  }
  throw new UsageError(`dlq needs "list <group>" or "redrive <group>"`);
}

/** node:util parseArgs, strict, with exactly `positionalCount` positionals; its errors become usage errors. */
function parse<Options extends ParseArgsOptionsConfig>(
  args: readonly string[],
  options: Options,
  positionalCount: number,
) {
  let parsed;
  try {
    parsed = parseArgs({ args: [...args], options, allowPositionals: true, strict: true as const });
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
  if (parsed.positionals.length !== positionalCount) {
    throw new UsageError(
      positionalCount === 0
        ? `unexpected argument "${parsed.positionals[0]}"`
        : `expected ${positionalCount} argument(s), got ${parsed.positionals.length}`,
    );
  }
  return parsed;
}
