// Shared by start.mjs and test.mjs: installs what is missing and runs workspace binaries on the project's Node.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const bin = path.join(root, 'node_modules', '.bin');

/** `npm ci` on a fresh checkout, or when package-lock.json changed since the last install. */
export function ensureDependencies(log = console.log) {
  const installed = path.join(root, 'node_modules', '.package-lock.json');
  const lock = path.join(root, 'package-lock.json');
  if (existsSync(installed) && statSync(installed).mtimeMs >= statSync(lock).mtimeMs) return;
  log('setup: installing dependencies (npm ci)…');
  const result = spawnSync('npm', ['ci', '--no-audit', '--no-fund'], { cwd: root, stdio: 'inherit' });
  if (result.status !== 0) throw new Error('npm ci failed');
}

/**
 * The dashboard's browser test drives Debian's Chromium (`/usr/bin/chromium`), which npm cannot bring: installed
 * with apt-get when missing and we may (root); otherwise said once here, and the browser test fails naming it.
 */
export function ensureBrowser(log = console.log) {
  const chromium = '/usr/bin/chromium';
  if (existsSync(chromium)) return;
  const isRoot = process.getuid?.() === 0;
  if (!isRoot || spawnSync('apt-get', ['--version'], { stdio: 'ignore' }).status !== 0) {
    log(`setup: ${chromium} is missing and cannot be installed from here: apt-get install -y chromium (as root)`);
    return;
  }
  log('setup: installing Chromium for the browser test (apt-get install chromium)…');
  const install = () =>
    spawnSync('apt-get', ['install', '-y', '--no-install-recommends', 'chromium'], {
      stdio: 'inherit',
      env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
    }).status === 0;
  // A fresh machine may never have fetched the package lists.
  if (!install() && spawnSync('apt-get', ['update'], { stdio: 'inherit' }).status === 0) install();
}

/** Environment for child processes: the project's Node 24 and binaries first on PATH. */
export function childEnv(extra = {}) {
  return {
    ...process.env,
    PATH: `${bin}${path.delimiter}${process.env.PATH}`,
    NX_DAEMON: 'false',
    NX_NO_CLOUD: 'true',
    NX_TUI: 'false',
    // kafkajs 2.2.4 computes a negative delay that Node clamps to 1 ms (kafkajs issue 1751, unfixed upstream). The
    // services' clients are mended (libs/messaging request-queue-idle-fix.ts); tools that use kafkajs directly
    // still warn, so that warning alone is silenced.
    NODE_OPTIONS: [process.env.NODE_OPTIONS, '--disable-warning=TimeoutNegativeWarning'].filter(Boolean).join(' '),
    ...extra,
  };
}

export function runToCompletion(command, args, env) {
  return new Promise((resolve) => {
    const child = spawn(command, args, { cwd: root, env, stdio: 'inherit' });
    child.on('exit', (code, signal) => resolve(code ?? (signal ? 1 : 0)));
  });
}
