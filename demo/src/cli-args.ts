import { parseArgs } from 'node:util';
import type { Scale } from './data-set';

export interface DemoArgs {
  seed: string;
  scale: Scale;
  help: boolean;
}

export class UsageError extends Error {}

export const USAGE = `usage: npm run demo [-- --seed S] [--scale full|small]

  Loads a realistic data set through the public REST APIs of a running \`npm start\`: customers in the vault,
  complaints along the escalation ladder, a listening campaign with its roster and activities, last month's
  satisfaction survey, community activities with registrations. Deterministic from the seed; a second run
  with the same seed (within the month) replays its Idempotency-Keys and adds nothing.

  --seed S       letters, digits, _ or - (default: demo)
  --scale full   a dozen projects, 320 complaints, a roster of 3,000 (default); small: the same, in seconds

environment: <SERVICE>_URL or <SERVICE>_PORT (e.g. COMPLAINTS_URL, PROJECTIONS_PORT), AUTH_JWT_SECRET,
             AUTH_JWT_ISSUER, AUTH_JWT_AUDIENCE`;

export function parseDemoArgs(argv: readonly string[]): DemoArgs {
  let values;
  try {
    ({ values } = parseArgs({
      args: [...argv],
      options: {
        seed: { type: 'string', default: 'demo' },
        scale: { type: 'string', default: 'full' },
        help: { type: 'boolean', short: 'h', default: false },
      },
      strict: true,
      allowPositionals: false,
    }));
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
  // The seed goes into Idempotency-Keys and is the survey draw's seed: the pattern both accept.
  if (!/^[A-Za-z0-9_-]{1,40}$/.test(values.seed)) {
    throw new UsageError(`--seed must be 1-40 letters, digits, _ or -, not "${values.seed}"`);
  }
  if (values.scale !== 'full' && values.scale !== 'small') {
    throw new UsageError(`--scale must be full or small, not "${values.scale}"`);
  }
  return { seed: values.seed, scale: values.scale, help: values.help };
}
