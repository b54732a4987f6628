import { DEV_JWT_SECRET } from '@cx/platform';
import { ApiClient, serviceUrls } from './api-client';
import { groupMonth } from './calendar';
import { parseDemoArgs, USAGE, UsageError } from './cli-args';
import { loadDemo } from './load-demo';
import { progressBar } from './progress';
import { whereToLook } from './where-to-look';

/** `npm run demo [-- --seed S] [--scale full|small]`: see USAGE. Resolves with the exit code. */
export async function main(argv: readonly string[], env: NodeJS.ProcessEnv = process.env): Promise<number> {
  let args;
  try {
    args = parseDemoArgs(argv);
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    process.stderr.write(`${error.message}\n\n${USAGE}\n`);
    return 2;
  }
  if (args.help) {
    process.stdout.write(`${USAGE}\n`);
    return 0;
  }
  const urls = serviceUrls(env);
  const progress = progressBar();
  const api = new ApiClient(
    urls,
    {
      secret: env.AUTH_JWT_SECRET ?? DEV_JWT_SECRET,
      issuer: env.AUTH_JWT_ISSUER,
      audience: env.AUTH_JWT_AUDIENCE,
    },
    (service, seconds) => progress.note(`${service}: write limit reached, waiting ${seconds} s (429 Retry-After)`),
  );
  const summary = await loadDemo(api, { seed: args.seed, scale: args.scale, month: groupMonth(new Date()) }, progress);
  process.stdout.write(`\n${whereToLook(summary, urls)}\n`);
  return 0;
}

if (require.main === module) {
  main(process.argv.slice(2)).then(
    (code) => process.exit(code),
    (error: Error) => {
      process.stderr.write(`\ndemo: ${error.message}\n`);
      process.exit(1);
    },
  );
}
