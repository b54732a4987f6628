// Runs the benchmarks named on the command line (default: all) in this process, one after another, then prints
// one summary table (figure, baseline of the same run, ratio, target, met) and writes bench/results/summary.json.
// Benchmarks measure the system, not the per-caller write limit: it is lifted here (the services inherit it).
process.env.RATE_LIMIT_WRITES_PER_MINUTE ??= '100000000';
const { closeBenchResources } = await import('./complaint-pipeline.mjs');
const { describeTarget, machine, writeResult } = await import('./lib.mjs');

const all = {
  'event-store-append': () => import('./event-store-append.bench.mjs'),
  'http-commands': () => import('./http-commands.bench.mjs'),
  'command-to-projection': () => import('./command-to-projection.bench.mjs'),
  'relay-publish': () => import('./relay-publish.bench.mjs'),
  'projection-rebuild': () => import('./projection-rebuild.bench.mjs'),
  'service-memory': () => import('./service-memory.bench.mjs'),
  'roster-to-participation-report': () => import('./roster-to-participation-report.bench.mjs'),
};
const chosen = process.argv.slice(2).length > 0 ? process.argv.slice(2) : Object.keys(all);
const unknown = chosen.filter((name) => !all[name]);
if (unknown.length > 0) {
  console.error(`unknown benchmark ${unknown.join(', ')}; known: ${Object.keys(all).join(', ')}`);
  process.exit(2);
}

const started = performance.now();
const summary = [];
let failed = false;
try {
  for (const name of chosen) {
    const { run } = await all[name]();
    try {
      const result = await run();
      summary.push(...result.summary.map((r) => ({ benchmark: name, ...r })));
      console.log(`  -> ${result.file}\n`);
    } catch (error) {
      failed = true;
      console.error(`  ${name} failed: ${error.stack ?? error.message}\n`);
      summary.push({ benchmark: name, figure: `${name} FAILED`, value: null });
    }
  }
} finally {
  await closeBenchResources();
}
const seconds = Math.round((performance.now() - started) / 1000);
printTable(summary);
console.log(`\n${chosen.length} benchmark(s) in ${seconds} s; load average ${machine().loadAverage.join(' ')}`);
console.log(`  -> ${writeResult('summary', { benchmarks: chosen, seconds, rows: summary })}`);
process.exit(failed ? 1 : 0);

function printTable(rows) {
  const number = (v) => (v === null || v === undefined ? '—' : v.toLocaleString('en', { maximumFractionDigits: 1 }));
  const lines = rows.map((r) => [
    r.figure,
    r.value === null ? '—' : `${number(r.value)} ${r.unit}`,
    r.baseline ? `${r.baseline}: ${number(r.baselineValue)}` : '—',
    r.ratio === null || r.ratio === undefined ? '—' : String(r.ratio),
    describeTarget(r.target),
    r.met === null || r.met === undefined ? '—' : r.met ? 'yes' : 'NO',
  ]);
  const header = ['figure', 'value', 'baseline (same run)', 'ratio', 'target', 'met'];
  const widths = header.map((h, i) => Math.max(h.length, ...lines.map((l) => l[i].length)));
  const format = (cells) =>
    cells.map((c, i) => (i === 1 || i === 3 ? c.padStart(widths[i]) : c.padEnd(widths[i]))).join(' | ');
  console.log(`\nsummary\n${format(header)}\n${widths.map((w) => '-'.repeat(w)).join('-|-')}`);
  for (const l of lines) console.log(format(l));
}
