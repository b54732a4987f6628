// `npm test`: dependencies, infrastructure (started only if nothing answers), type-checked build and specs,
// every project's tests (unit + integration against real Postgres and Kafka), then stop what was started.
import { existsSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { childEnv, ensureBrowser, ensureDependencies, root, runToCompletion } from './workspace.mjs';

const started = Date.now();
ensureDependencies();
ensureBrowser();
const { ensureInfrastructure } = await import('../deploy/local/infrastructure.mjs');
const infra = await ensureInfrastructure();
let stopping = false;
const stopInfra = async () => {
  if (stopping) return;
  stopping = true;
  await infra.stop();
};
for (const signal of ['SIGINT', 'SIGTERM']) {
  process.on(signal, () => stopInfra().finally(() => process.exit(130)));
}

const resultsDir = path.join(root, 'tmp', 'jest-results');
rmSync(resultsDir, { recursive: true, force: true });
let code = 1;
try {
  const env = childEnv({ ...infra.env, JEST_RESULTS_DIR: resultsDir });
  code = await runToCompletion('nx', ['run-many', '-t', 'build', '--outputStyle=static'], env);
  // The specs themselves, which the builds exclude and jest does not type-check.
  if (code === 0) code = await runToCompletion('tsc', ['-p', 'tsconfig.specs.json'], env);
  if (code === 0) {
    code = await runToCompletion('nx', ['run-many', '-t', 'test', '--parallel=2', '--outputStyle=stream'], env);
  }
} finally {
  await stopInfra();
}

const totals = { passed: 0, failed: 0, skipped: 0 };
if (existsSync(resultsDir)) {
  for (const file of readdirSync(resultsDir)) {
    const r = JSON.parse(readFileSync(path.join(resultsDir, file), 'utf8'));
    totals.passed += r.passed;
    totals.failed += r.failed;
    totals.skipped += r.skipped;
  }
}
console.log(`\nnpm test finished in ${Math.round((Date.now() - started) / 1000)} s`);
console.log(`${totals.passed} passed, ${totals.failed} failed, ${totals.skipped} skipped`);
if (code === 0 && totals.passed === 0) {
  console.error('no test ran');
  code = 1;
}
process.exit(code);
