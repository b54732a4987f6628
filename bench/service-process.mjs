// A service as `npm start` runs it: services/<name>/dist/main.js as a child process on the bench's Node,
// with a scratch database, a topic namespace and a free port. Its output goes to tmp/bench/<namespace>-<name>.log.
import { spawn } from 'node:child_process';
import { createWriteStream, mkdirSync, readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import path from 'node:path';
import { root, sleep } from './lib.mjs';

const LOG_DIR = path.join(root, 'tmp', 'bench');
// USER_HZ of /proc/<pid>/stat: 100 on every Linux this runs on (getconf CLK_TCK).
const CLOCK_TICKS_PER_SECOND = 100;

export class ServiceProcess {
  constructor({ name, databaseUrl, namespace, port }) {
    this.name = name;
    this.databaseUrl = databaseUrl;
    this.namespace = namespace;
    this.port = port;
    this.logFile = path.join(LOG_DIR, `${namespace}-${name}.log`);
  }

  /** Starts the service and waits until /health/ready answers 200 (database and broker reached). */
  static async start(settings) {
    const service = new ServiceProcess({ ...settings, port: await freePort() });
    await service.start();
    return service;
  }

  get url() {
    return `http://127.0.0.1:${this.port}`;
  }

  get pid() {
    return this.child.pid;
  }

  get running() {
    return this.child !== undefined && this.child.exitCode === null && this.child.signalCode === null;
  }

  async start() {
    mkdirSync(LOG_DIR, { recursive: true });
    this.log ??= createWriteStream(this.logFile, { flags: 'a' });
    this.child = spawn(process.execPath, [path.join(root, 'services', this.name, 'dist', 'main.js')], {
      cwd: root,
      env: {
        ...process.env,
        PORT: String(this.port),
        [`${this.name.toUpperCase()}_DATABASE_URL`]: this.databaseUrl,
        KAFKA_TOPIC_NAMESPACE: this.namespace,
        LOG_LEVEL: 'warn',
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    this.child.stdout.pipe(this.log, { end: false });
    this.child.stderr.pipe(this.log, { end: false });
    const deadline = Date.now() + 120_000;
    for (;;) {
      if (!this.running) throw new Error(`${this.name} exited while starting; see ${this.logFile}`);
      const ready = await fetch(`${this.url}/health/ready`, { signal: AbortSignal.timeout(5_000) }).catch(() => null);
      if (ready?.status === 200) return;
      if (Date.now() > deadline) throw new Error(`${this.name} was not ready within 120 s; see ${this.logFile}`);
      await sleep(200);
    }
  }

  /** Resident set size now, from /proc/<pid>/status (VmRSS), in MiB. */
  rssMiB() {
    return rssMiB(this.pid);
  }

  /** CPU time the process has used so far (user + system), from /proc/<pid>/stat, in seconds. */
  cpuSeconds() {
    const fields = readFileSync(`/proc/${this.pid}/stat`, 'utf8').split(') ')[1].split(' ');
    return (Number(fields[11]) + Number(fields[12])) / CLOCK_TICKS_PER_SECOND;
  }

  /** The sum of a Prometheus metric's samples on /metrics, over the series whose labels include `labels`. */
  async metricSum(name, labels = {}) {
    const text = await (await fetch(`${this.url}/metrics`, { signal: AbortSignal.timeout(10_000) })).text();
    const wanted = Object.entries(labels).map(([k, v]) => `${k}="${v}"`);
    return text
      .split('\n')
      .filter((l) => (l.startsWith(`${name}{`) || l.startsWith(`${name} `)) && wanted.every((w) => l.includes(w)))
      .reduce((sum, l) => sum + Number(l.slice(l.lastIndexOf(' ') + 1)), 0);
  }

  /** Graceful stop (SIGTERM: requests drained, relay flushed, consumers leave), SIGKILL after 30 s. */
  async stop() {
    if (!this.running) return;
    const exited = new Promise((resolve) => this.child.once('exit', resolve));
    this.child.kill('SIGTERM');
    const timer = setTimeout(() => this.child.kill('SIGKILL'), 30_000);
    await exited;
    clearTimeout(timer);
  }

  async close() {
    await this.stop();
    await new Promise((resolve) => (this.log ? this.log.end(resolve) : resolve()));
    this.log = undefined;
  }
}

export function rssMiB(pid) {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kib = Number(/^VmRSS:\s+(\d+) kB/m.exec(status)[1]);
  return Math.round((kib / 1024) * 10) / 10;
}

/** Samples the RSS of some processes every 250 ms until stopped: the peak and the mean of each, in MiB. */
export function sampleRss(processes) {
  const samples = Object.fromEntries(Object.keys(processes).map((k) => [k, []]));
  const take = () => {
    for (const [k, p] of Object.entries(processes)) if (p.running) samples[k].push(p.rssMiB());
  };
  take();
  const timer = setInterval(take, 250);
  return () => {
    clearInterval(timer);
    take();
    return Object.fromEntries(
      Object.entries(samples).map(([k, s]) => [
        k,
        {
          peakMiB: Math.max(...s),
          meanMiB: Math.round((s.reduce((a, b) => a + b, 0) / s.length) * 10) / 10,
          samples: s.length,
        },
      ]),
    );
  };
}

function freePort() {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
    server.on('error', reject);
  });
}
