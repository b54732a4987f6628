// Command -> projection visible: complaints filed at 10% and 80% of the maximum measured in this run (the best
// filings/s of http-commands, or measured here first at concurrency 64), sent at a fixed rate (open loop); each latency
// runs from sending the request to the first poll (every 5 ms) of the CEO view (reporting.ceo_escalations) that
// shows the complaint. Beside it, the baseline: the same requests' HTTP answer (201) latency.
import { complaintPipeline, maximumFilingRate } from './complaint-pipeline.mjs';
import { openLoop } from './http-load.mjs';
import { percentile, round, row, sleep, writeResult } from './lib.mjs';

const SHARES = [0.1, 0.8];
const SECONDS = Number(process.env.BENCH_LATENCY_SECONDS ?? 12);
const VISIBLE_WITHIN_SECONDS = 120;

async function atRate(pipeline, ratePerSecond) {
  const pending = new Map();
  const visible = [];
  const answered = [];
  let polling = true;
  const poller = (async () => {
    while (polling) {
      const ids = [...pending.keys()];
      if (ids.length > 0) {
        const { rows } = await pipeline.reporting.query(
          'SELECT complaint_id FROM reporting.ceo_escalations WHERE complaint_id = ANY($1::uuid[])',
          [ids],
        );
        const seenAt = performance.now();
        for (const { complaint_id } of rows) {
          visible.push(seenAt - pending.get(complaint_id));
          pending.delete(complaint_id);
        }
      }
      await sleep(5);
    }
  })();
  try {
    const load = await openLoop({
      ratePerSecond,
      seconds: SECONDS,
      send: async () => {
        const sentAt = performance.now();
        const id = await pipeline.fileComplaint();
        if (id === null) return false;
        answered.push(performance.now() - sentAt);
        pending.set(id, sentAt);
        return true;
      },
    });
    const deadline = performance.now() + VISIBLE_WITHIN_SECONDS * 1000;
    while (pending.size > 0 && performance.now() < deadline) await sleep(20);
    visible.sort((a, b) => a - b);
    answered.sort((a, b) => a - b);
    return {
      ratePerSecond,
      ...load,
      neverVisible: pending.size,
      visibleP50Ms: round(percentile(visible, 50)),
      visibleP99Ms: round(percentile(visible, 99)),
      visibleMaxMs: round(visible.at(-1) ?? NaN),
      answerP50Ms: round(percentile(answered, 50)),
      answerP99Ms: round(percentile(answered, 99)),
    };
  } finally {
    polling = false;
    await poller;
  }
}

export async function run() {
  const pipeline = await complaintPipeline();
  const { perSecond: maximum, concurrency } = await maximumFilingRate();
  console.log(
    `command -> CEO view visible: ${SECONDS} s at ${SHARES.map((s) => s * 100 + '%').join(' and ')} of ${maximum}/s (c=${concurrency})`,
  );
  const phases = [];
  for (const share of SHARES) {
    await pipeline.caughtUp();
    const phase = { share, ...(await atRate(pipeline, Math.max(1, Math.round(maximum * share)))) };
    console.log(
      `  ${String(share * 100).padStart(3)}% (${phase.ratePerSecond}/s): visible p50 ${phase.visibleP50Ms} ms, ` +
        `p99 ${phase.visibleP99Ms} ms, max ${phase.visibleMaxMs} ms; answer p50 ${phase.answerP50Ms} ms, ` +
        `p99 ${phase.answerP99Ms} ms; ${phase.accepted}/${phase.sent} accepted, ${phase.neverVisible} not visible ` +
        `within ${VISIBLE_WITHIN_SECONDS} s`,
    );
    phases.push(phase);
  }
  const summary = phases.flatMap((p) => {
    const unseen = p.neverVisible > 0 ? `, ${p.neverVisible} never visible` : '';
    const label = `command -> CEO view at ${p.share * 100}% (${p.ratePerSecond}/s${unseen})`;
    const at80 = p.share === 0.8;
    return [
      row({
        figure: `${label} p50`,
        value: p.visibleP50Ms,
        unit: 'ms',
        baseline: 'HTTP answer p50',
        baselineValue: p.answerP50Ms,
        target: at80 ? { atMost: 30 } : null,
      }),
      row({
        figure: `${label} p99`,
        value: p.visibleP99Ms,
        unit: 'ms',
        baseline: 'HTTP answer p99',
        baselineValue: p.answerP99Ms,
        target: at80 ? { atMost: 250 } : null,
      }),
    ];
  });
  return {
    file: writeResult('command-to-projection', {
      maximumFilings: { perSecond: maximum, concurrency },
      secondsPerPhase: SECONDS,
      pollIntervalMs: 5,
      phases,
      summary,
    }),
    summary,
  };
}
