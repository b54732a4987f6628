// Helpers shared by the benchmarks: built workspace packages, a scratch database, percentiles, result files,
// and the rows of the summary table that `npm run bench` prints at the end.
import { mkdirSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { randomBytes } from 'node:crypto';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export const require = createRequire(path.join(root, 'package.json'));
export const serverUrl = process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
export const brokers = (process.env.KAFKA_BROKERS ?? '127.0.0.1:9092').split(',').map((b) => b.trim());

export function scratchDatabaseUrl(label) {
  const url = new URL(serverUrl);
  url.pathname = `/cx_bench_${label}_${randomBytes(3).toString('hex')}`;
  return url.toString();
}

export const databaseName = (url) => new URL(url).pathname.slice(1);

export async function dropDatabase(url) {
  const { Client } = require('pg');
  const admin = new Client({ connectionString: serverUrl });
  await admin.connect();
  await admin.query(`DROP DATABASE IF EXISTS ${databaseName(url)} WITH (FORCE)`);
  await admin.end();
}

export function percentile(sorted, p) {
  if (sorted.length === 0) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}

export const round = (value, digits = 1) => Number(value.toFixed(digits));
export const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

/** bench/results/<name>.json, overwritten by each run (git-ignored: the README holds the figures kept). */
export function writeResult(name, result) {
  const dir = path.join(root, 'bench', 'results');
  mkdirSync(dir, { recursive: true });
  const file = path.join(dir, `${name}.json`);
  const body = { benchmark: name, at: new Date().toISOString(), node: process.version, machine: machine(), ...result };
  writeFileSync(file, `${JSON.stringify(body, null, 2)}\n`);
  return path.relative(root, file);
}

/** The machine as it was during the run: others may be using it too, which the load average shows. */
export function machine() {
  return {
    cpus: os.cpus().length,
    memoryGiB: Math.round(os.totalmem() / 2 ** 30),
    loadAverage: os.loadavg().map((l) => round(l, 2)),
  };
}

/**
 * One line of the summary table: a figure beside the baseline measured in the same run, the ratio of the two,
 * and the target where it sets one (`atLeast` or `atMost`, on the figure or on the ratio).
 */
export function row({ figure, value, unit, baseline = null, baselineValue = null, target = null }) {
  const ratio = baselineValue ? value / baselineValue : null;
  let met = null;
  if (target) {
    const checked = target.on === 'ratio' ? ratio : value;
    met = checked !== null && (target.atLeast !== undefined ? checked >= target.atLeast : checked <= target.atMost);
  }
  // Two decimals, or two significant digits below 0.1 (a rebuild at 0.0016 of its baseline is not 0).
  const shown = ratio === null ? null : ratio >= 0.1 ? round(ratio, 2) : Number(ratio.toPrecision(2));
  return { figure, value, unit, baseline, baselineValue, ratio: shown, target, met };
}

export function describeTarget(target) {
  if (!target) return '—';
  const sign = target.atLeast !== undefined ? '≥' : '≤';
  const bound = target.atLeast ?? target.atMost;
  return target.on === 'ratio' ? `ratio ${sign} ${bound}` : `${sign} ${bound.toLocaleString('en')}`;
}
