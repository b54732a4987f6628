// `npm run cx -- <command>`: the operator CLI (ops/), built first if it is not yet, on the project's Node.
import { existsSync } from 'node:fs';
import path from 'node:path';
import { childEnv, root, runToCompletion } from './workspace.mjs';

const cli = path.join(root, 'ops/dist/cx.js');
if (!existsSync(cli)) {
  const built = await runToCompletion('nx', ['run', '@cx/ops:build', '--outputStyle=static'], childEnv());
  if (built !== 0) process.exit(built);
}
// Ctrl-C reaches the CLI too (same process group): it stops a tail cleanly, and its exit code is ours.
process.on('SIGINT', () => undefined);
process.exit(await runToCompletion('node', [cli, ...process.argv.slice(2)], childEnv()));
