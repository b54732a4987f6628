// Runs the benchmarks named on the command line (default: all) in this process, one after another.
// Benchmarks measure the system, not the per-caller write limit: it is lifted here.
process.env.RATE_LIMIT_WRITES_PER_MINUTE ??= '100000000';
const all = {
  'event-store-append': () => import('./event-store-append.bench.mjs'),
  'command-to-ceo-view': () => import('./command-to-ceo-view.bench.mjs'),
  'roster-to-participation-report': () => import('./roster-to-participation-report.bench.mjs'),
};
const chosen = process.argv.slice(2).length > 0 ? process.argv.slice(2) : Object.keys(all);
for (const name of chosen) {
  if (!all[name]) {
    console.error(`unknown benchmark ${name}; known: ${Object.keys(all).join(', ')}`);
    process.exit(2);
  }
  const { run } = await all[name]();
  console.log(`  -> ${await run()}\n`);
}
process.exit(0);
