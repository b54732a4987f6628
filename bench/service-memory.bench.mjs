// Resident memory (VmRSS of /proc/<pid>/status) of every service run as a process: idle (started, connected,
// nothing asked) beside a bare Node HTTP server on the same Node, and under load (the peak while complaints is
// filed at concurrency 64 and projections consumes, sampled every 250 ms) beside the same service idle. Only
// complaints and projections are put under load; the other services are measured idle.
import { spawn } from 'node:child_process';
import { benchDatabase, benchNamespace, complaintPipeline, measured } from './complaint-pipeline.mjs';
import { closedLoop } from './http-load.mjs';
import { row, sleep, writeResult } from './lib.mjs';
import { rssMiB, sampleRss, ServiceProcess } from './service-process.mjs';
import { services } from '../scripts/services.mjs';

const SETTLE_MS = 3_000;

async function bareNodeRss() {
  const child = spawn(
    process.execPath,
    ['-e', "require('node:http').createServer((q, s) => s.end()).listen(0, '127.0.0.1')"],
    { stdio: 'ignore' },
  );
  try {
    await sleep(SETTLE_MS);
    return rssMiB(child.pid);
  } finally {
    child.kill('SIGTERM');
  }
}

export async function run() {
  const pipeline = await complaintPipeline();
  const namespace = benchNamespace();
  const others = services.map((s) => s.name).filter((name) => name !== 'complaints' && name !== 'projections');
  console.log(`service memory: ${services.length} services idle, complaints and projections under load`);
  const starts = await Promise.allSettled(
    others.map((name) => ServiceProcess.start({ name, databaseUrl: benchDatabase(name), namespace })),
  );
  const started = starts.filter((s) => s.status === 'fulfilled').map((s) => s.value);
  const failed = starts.find((s) => s.status === 'rejected');
  if (failed) {
    await Promise.all(started.map((s) => s.close()));
    throw failed.reason;
  }
  let idle;
  try {
    await sleep(SETTLE_MS);
    idle = { ...pipeline.idleRssMiB, ...Object.fromEntries(started.map((s) => [s.name, s.rssMiB()])) };
  } finally {
    await Promise.all(started.map((s) => s.close()));
  }
  const bare = await bareNodeRss();

  if (!measured.rssUnderLoadMiB) {
    const stop = sampleRss({ complaints: pipeline.complaints, projections: pipeline.projections });
    await closedLoop({ concurrency: 64, seconds: 8, send: async () => (await pipeline.fileComplaint()) !== null });
    await pipeline.caughtUp();
    measured.rssUnderLoadMiB = stop();
  }
  const loaded = measured.rssUnderLoadMiB;
  for (const name of services.map((s) => s.name)) {
    const underLoad = loaded[name]
      ? `, under load peak ${loaded[name].peakMiB} MiB (mean ${loaded[name].meanMiB})`
      : '';
    console.log(`  ${name.padEnd(16)} idle ${idle[name]} MiB${underLoad}`);
  }
  console.log(`  bare Node HTTP server idle ${bare} MiB`);

  const summary = [
    ...services.map(({ name }) =>
      row({
        figure: `RSS ${name} idle`,
        value: idle[name],
        unit: 'MiB',
        baseline: 'bare Node HTTP server',
        baselineValue: bare,
      }),
    ),
    ...Object.entries(loaded).map(([name, sample]) =>
      row({
        figure: `RSS ${name} under load (peak)`,
        value: sample.peakMiB,
        unit: 'MiB',
        baseline: `${name} idle`,
        baselineValue: idle[name],
      }),
    ),
  ];
  return {
    file: writeResult('service-memory', { idleMiB: idle, bareNodeMiB: bare, underLoadMiB: loaded, summary }),
    summary,
  };
}
