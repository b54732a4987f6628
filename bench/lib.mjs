// Helpers shared by the benchmarks: built workspace packages, a scratch database, percentiles, result files.
import { mkdirSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { randomBytes } from 'node:crypto';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export const require = createRequire(path.join(root, 'package.json'));
export const serverUrl = process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';

export function scratchDatabaseUrl(label) {
  const url = new URL(serverUrl);
  url.pathname = `/cx_bench_${label}_${randomBytes(3).toString('hex')}`;
  return url.toString();
}

export async function dropDatabase(url) {
  const { Client } = require('pg');
  const admin = new Client({ connectionString: serverUrl });
  await admin.connect();
  await admin.query(`DROP DATABASE IF EXISTS ${new URL(url).pathname.slice(1)} WITH (FORCE)`);
  await admin.end();
}

export function percentile(sorted, p) {
  if (sorted.length === 0) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}

export function writeResult(name, result) {
  const dir = path.join(root, 'bench', 'results');
  mkdirSync(dir, { recursive: true });
  const file = path.join(dir, `${name}-${new Date().toISOString().replace(/[:.]/g, '-')}.json`);
  const body = { benchmark: name, at: new Date().toISOString(), node: process.version, machine: machine(), ...result };
  writeFileSync(file, `${JSON.stringify(body, null, 2)}\n`);
  return path.relative(root, file);
}

function machine() {
  const os = require('node:os');
  return { cpus: os.cpus().length, memoryGiB: Math.round(os.totalmem() / 2 ** 30) };
}
