// Complaints filed per second through HTTP by 1, 16 and 64 callers (closed loops) on the complaints service run
// as a process, beside the same server answering its no-op route (GET /health/live: no database, no broker) at
// the same concurrency in the same run; p50/p99 latency of each. projections runs alongside and consumes what is
// filed, as in production; after each level the bench waits for it to catch up (its rate then is reported too).
// For finding the bottleneck, each level also records the CPU both processes used (share of one core), how busy
// the whole machine was (others may share it) and, at 64, what the complaints database's busy sessions were
// waiting on (pg_stat_activity sampled every 50 ms).
import { readFileSync } from 'node:fs';
import { complaintPipeline, measured } from './complaint-pipeline.mjs';
import { closedLoop } from './http-load.mjs';
import { databaseName, require, row, serverUrl, sleep, writeResult } from './lib.mjs';
import { sampleRss } from './service-process.mjs';

const { Client } = require('pg');
const SECONDS = Number(process.env.BENCH_HTTP_SECONDS ?? 8);
const LEVELS = [1, 16, 64];

const show = (label, r) =>
  console.log(
    `  ${label.padEnd(34)} ${String(r.perSecond).padStart(6)}/s  p50 ${String(r.p50Ms).padStart(6)} ms  ` +
      `p99 ${String(r.p99Ms).padStart(6)} ms  (${r.accepted} in ${r.seconds} s, ${r.failed} refused)`,
  );

/** Counts of what the database's non-idle sessions wait on, sampled until stopped (e.g. `Lock:object`). */
function sampleWaits(databaseUrl) {
  const counts = {};
  let sampling = true;
  const done = (async () => {
    const client = new Client({ connectionString: serverUrl });
    await client.connect();
    try {
      while (sampling) {
        const { rows } = await client.query(
          `SELECT state || ' ' || coalesce(wait_event_type || ':' || wait_event, 'on CPU') AS what, count(*)::int AS n
             FROM pg_stat_activity WHERE datname = $1 AND state <> 'idle' AND pid <> pg_backend_pid() GROUP BY 1`,
          [databaseName(databaseUrl)],
        );
        for (const { what, n } of rows) counts[what] = (counts[what] ?? 0) + n;
        await sleep(50);
      }
    } finally {
      await client.end();
    }
  })();
  return async () => {
    sampling = false;
    await done;
    return Object.fromEntries(Object.entries(counts).sort(([, a], [, b]) => b - a));
  };
}

/** Busy and total jiffies of the whole machine (every core), from /proc/stat. */
function machineJiffies() {
  const [, ...fields] = readFileSync('/proc/stat', 'utf8').split('\n')[0].trim().split(/\s+/);
  const values = fields.map(Number);
  const idle = values[3] + values[4];
  const total = values.reduce((a, b) => a + b, 0);
  return { busy: total - idle, total };
}

const cpu = (pipeline) => ({
  complaints: pipeline.complaints.cpuSeconds(),
  projections: pipeline.projections.cpuSeconds(),
});

export async function run() {
  const pipeline = await complaintPipeline();
  const file = async () => (await pipeline.fileComplaint()) !== null;
  console.log(`HTTP commands: ${SECONDS} s per level, concurrency ${LEVELS.join(', ')}`);
  await closedLoop({ concurrency: 16, seconds: 2, send: file });
  await closedLoop({ concurrency: 16, seconds: 1, send: pipeline.noop });
  await pipeline.caughtUp();

  const levels = [];
  for (const concurrency of LEVELS) {
    const noop = await closedLoop({ concurrency, seconds: SECONDS, send: pipeline.noop });
    show(`no-op GET /health/live, c=${concurrency}`, noop);
    const stopSampling =
      concurrency === 64 ? sampleRss({ complaints: pipeline.complaints, projections: pipeline.projections }) : null;
    const stopWaits = concurrency === 64 ? sampleWaits(pipeline.complaints.databaseUrl) : null;
    const cpuBefore = cpu(pipeline);
    const machineBefore = machineJiffies();
    const commands = await closedLoop({ concurrency, seconds: SECONDS, send: file });
    const cpuAfter = cpu(pipeline);
    const machineAfter = machineJiffies();
    commands.machineCpuBusy =
      Math.round(((machineAfter.busy - machineBefore.busy) / (machineAfter.total - machineBefore.total)) * 100) / 100;
    commands.cpuShareOfOneCore = Object.fromEntries(
      Object.keys(cpuAfter).map((k) => [k, Math.round(((cpuAfter[k] - cpuBefore[k]) / commands.seconds) * 100) / 100]),
    );
    show(`POST /v1/complaints, c=${concurrency}`, commands);
    console.log(
      `    CPU while filing (share of one core): complaints ${commands.cpuShareOfOneCore.complaints}, ` +
        `projections ${commands.cpuShareOfOneCore.projections}; whole machine busy ${commands.machineCpuBusy * 100}%`,
    );
    if (stopWaits) {
      commands.complaintsDatabaseWaits = await stopWaits();
      console.log(`    complaints database sessions (samples): ${JSON.stringify(commands.complaintsDatabaseWaits)}`);
    }
    const catchUp = await pipeline.caughtUp();
    console.log(
      `  projections caught up ${catchUp.seconds} s after the load` +
        (catchUp.perSecond ? ` (${catchUp.applied} events, ${catchUp.perSecond}/s)` : ''),
    );
    if (stopSampling) measured.rssUnderLoadMiB = stopSampling();
    levels.push({ concurrency, noop, commands, catchUp });
  }
  const best = levels.reduce((a, b) => (b.commands.perSecond > a.commands.perSecond ? b : a));
  measured.maximumFilings = { perSecond: best.commands.perSecond, concurrency: best.concurrency };

  const summary = levels.flatMap(({ concurrency, noop, commands }) => [
    row({
      figure: `HTTP filings c=${concurrency}`,
      value: commands.perSecond,
      unit: 'commands/s',
      baseline: 'no-op route, same c',
      baselineValue: noop.perSecond,
      target: concurrency === 64 ? { atLeast: 1500 } : null,
    }),
    row({
      figure: `HTTP filings c=${concurrency} p50`,
      value: commands.p50Ms,
      unit: 'ms',
      baseline: 'no-op route p50',
      baselineValue: noop.p50Ms,
    }),
    row({
      figure: `HTTP filings c=${concurrency} p99`,
      value: commands.p99Ms,
      unit: 'ms',
      baseline: 'no-op route p99',
      baselineValue: noop.p99Ms,
    }),
  ]);
  return {
    file: writeResult('http-commands', {
      secondsPerLevel: SECONDS,
      noopRoute: 'GET /health/live',
      command: 'POST /v1/complaints (ceo_direct, one ComplaintFiled event)',
      levels,
      maximumFilings: measured.maximumFilings,
      rssUnderLoadMiB: measured.rssUnderLoadMiB,
      summary,
    }),
    summary,
  };
}
