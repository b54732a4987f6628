// `npm start`: dependencies, infrastructure (started only if nothing answers), build, then every service
// (each creates and migrates its own database on start-up). Ctrl-C stops the services and what was started.
// `npm start -- --demo [--seed S] [--scale full|small]`: the same with the demo's SLA policy (targets in minutes,
// every category on calendar time, so breaches show while you watch), then the demo data loaded once all are ready.
import { spawn } from 'node:child_process';
import path from 'node:path';
import readline from 'node:readline';
import { services } from './services.mjs';
import { childEnv, ensureDependencies, root, runToCompletion } from './workspace.mjs';

const USAGE = 'usage: npm start [-- --demo [--seed S] [--scale full|small]]';
const [mode, ...demoArgs] = process.argv.slice(2);
const demo = mode === '--demo';
if (mode !== undefined && !demo) {
  console.error(USAGE);
  process.exit(2);
}
const DEMO_SLA_POLICY = path.join(root, 'demo', 'sla-policy.demo.json');
const portOf = (service) => process.env[`${service.name.toUpperCase()}_PORT`] ?? String(service.port);

ensureDependencies();
const { ensureInfrastructure } = await import('../deploy/local/infrastructure.mjs');
const infra = await ensureInfrastructure();
const env = childEnv({ ...infra.env, ...(demo ? { SLA_POLICY_FILE: DEMO_SLA_POLICY } : {}) });
const children = [];
let stopping = false;

async function shutdown(code) {
  if (stopping) return;
  stopping = true;
  console.log('\nstopping services…');
  await Promise.all(
    children.map(
      (child) =>
        new Promise((resolve) => {
          if (child.exitCode !== null) return resolve();
          child.once('exit', resolve);
          child.kill('SIGTERM');
          setTimeout(() => child.kill('SIGKILL'), 15_000).unref();
        }),
    ),
  );
  await infra.stop();
  process.exit(code);
}
process.on('SIGINT', () => shutdown(0));
process.on('SIGTERM', () => shutdown(0));

if ((await runToCompletion('nx', ['run-many', '-t', 'build', '--outputStyle=static'], env)) !== 0) {
  console.error('build failed');
  await shutdown(1);
}

for (const service of services) {
  const child = spawn('node', [path.join(root, 'services', service.name, 'dist', 'main.js')], {
    cwd: root,
    env: {
      ...env,
      PORT: portOf(service),
      SERVICE_NAME: service.name,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  for (const stream of [child.stdout, child.stderr]) {
    readline
      .createInterface({ input: stream })
      .on('line', (line) => process.stdout.write(`[${service.name}] ${line}\n`));
  }
  child.on('exit', (code) => {
    if (!stopping) {
      console.error(`${service.name} exited with code ${code}; stopping everything`);
      void shutdown(1);
    }
  });
  children.push(child);
}

await Promise.all(services.map((s) => waitUntilReady(s)));
console.log('\ncx-platform is running:');
for (const s of services) {
  console.log(`  ${s.name.padEnd(12)} http://127.0.0.1:${portOf(s)}/v1   docs: http://127.0.0.1:${portOf(s)}/docs`);
}
if (demo && !stopping) {
  console.log(
    `\ndemo: complaints runs ${path.relative(root, DEMO_SLA_POLICY)} (SLA targets in minutes); loading data…`,
  );
  const loaded = await runToCompletion('node', [path.join(root, 'demo', 'dist', 'demo.js'), ...demoArgs], env);
  if (loaded !== 0) console.error(`demo: the loader exited with code ${loaded}; the services keep running`);
}
console.log('\nA token for the APIs: npm run token -- --role ceo_office');
console.log('Ctrl-C stops the services and the infrastructure this command started.');

async function waitUntilReady(service) {
  const deadline = Date.now() + 120_000;
  while (Date.now() < deadline && !stopping) {
    try {
      const response = await fetch(`http://127.0.0.1:${portOf(service)}/health/ready`);
      if (response.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  if (!stopping) {
    console.error(`${service.name} did not become ready within 120 s`);
    await shutdown(1);
  }
}
