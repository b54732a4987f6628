// Relay publish rate from a backlog (complaint-backlog.mjs: every event unpublished when complaints starts),
// beside the baseline: the most filings accepted per second through HTTP in the same run (the best level of
// http-commands, or measured here at concurrency 64). Each filing is one event, so the ratio compares like with like.
import { relayBacklog } from './complaint-backlog.mjs';
import { maximumFilingRate } from './complaint-pipeline.mjs';
import { round, row, writeResult } from './lib.mjs';

export async function run() {
  const maximum = await maximumFilingRate();
  const relay = await relayBacklog();
  const ratio = relay.eventsPerSecond / maximum.perSecond;
  console.log(
    `relay publish: ${relay.events - relay.measuredFrom} events in ${relay.seconds} s after the first ` +
      `${relay.measuredFrom}: ${relay.eventsPerSecond} events/s, ${round(ratio, 2)}x the ` +
      `${maximum.perSecond} filings/s measured at concurrency ${maximum.concurrency}`,
  );
  const summary = [
    row({
      figure: 'relay publish from backlog',
      value: relay.eventsPerSecond,
      unit: 'events/s',
      baseline: `max HTTP filings/s (c=${maximum.concurrency}, 1 event each)`,
      baselineValue: maximum.perSecond,
      target: { on: 'ratio', atLeast: 2 },
    }),
  ];
  return {
    file: writeResult('relay-publish', { ...relay, maximumFilings: maximum, ratio: round(ratio, 3), summary }),
    summary,
  };
}
