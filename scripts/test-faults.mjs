// `npm run test:faults`: dependencies, the build of what the suite runs (complaints and projections, as processes
// from their dist/main.js), then the fault-injection suite (faults/). The suite starts its own Kafka broker and
// Postgres server, kills and restarts only those, and stops them at the end: the shared ones are never touched.
import { childEnv, ensureDependencies, runToCompletion } from './workspace.mjs';

const started = Date.now();
ensureDependencies();
const env = childEnv();
let code = await runToCompletion(
  'nx',
  ['run-many', '-t', 'build', '-p', '@cx/complaints', '@cx/projections', '--outputStyle=static'],
  env,
);
if (code === 0) code = await runToCompletion('nx', ['run', '@cx/faults:test', '--outputStyle=stream'], env);
console.log(`\nnpm run test:faults finished in ${Math.round((Date.now() - started) / 1000)} s`);
process.exit(code);
