// `npm run bench`: infrastructure, build, then each benchmark in bench/; figures are printed and written
// to bench/results/*.json. Never part of `npm test`: tests do not assert on wall-clock time.
import path from 'node:path';
import { childEnv, ensureDependencies, root, runToCompletion } from './workspace.mjs';

ensureDependencies();
const { ensureInfrastructure } = await import('../deploy/local/infrastructure.mjs');
const infra = await ensureInfrastructure();
let code = 1;
try {
  const env = childEnv(infra.env);
  code = await runToCompletion('nx', ['run-many', '-t', 'build', '--outputStyle=static'], env);
  if (code === 0)
    code = await runToCompletion('node', [path.join(root, 'bench', 'run.mjs'), ...process.argv.slice(2)], env);
} finally {
  await infra.stop();
}
process.exit(code);
