// A service as `npm start` runs it (libs/testing's ServiceProcess: services/<name>/dist/main.js as a child process
// on the bench's Node, a free port, ready when /health/ready says so) on a scratch database and a topic namespace,
// its output in tmp/bench/<namespace>-<name>.log; plus what the benchmarks read of it: memory, CPU time, metrics.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { brokers, require, root } from './lib.mjs';

const { ServiceProcess: Service } = require('@cx/testing');
const { loadServiceConfig } = require('@cx/platform');

const LOG_DIR = path.join(root, 'tmp', 'bench');
// USER_HZ of /proc/<pid>/stat: 100 on every Linux this runs on (getconf CLK_TCK).
const CLOCK_TICKS_PER_SECOND = 100;

export class ServiceProcess {
  /** Starts it and waits until it is ready; it inherits the bench's environment (the lifted write limit). */
  static async start({ name, databaseUrl, namespace }) {
    const service = await Service.start({
      name,
      databaseUrl,
      brokers,
      namespace,
      jwtSecret: loadServiceConfig(name, 0).jwtSecret,
      env: { LOG_LEVEL: 'warn' },
      logDir: LOG_DIR,
    });
    return new ServiceProcess(service);
  }

  constructor(service) {
    this.service = service;
  }

  get name() {
    return this.service.name;
  }

  get url() {
    return this.service.url;
  }

  get databaseUrl() {
    return this.service.databaseUrl;
  }

  get pid() {
    return this.service.pid;
  }

  get running() {
    return this.service.running;
  }

  /** Starts it again on the same port. */
  start() {
    return this.service.start();
  }

  /** Graceful stop (SIGTERM: requests drained, relay flushed, consumers leave), SIGKILL after 30 s. */
  stop() {
    return this.service.stop();
  }

  close() {
    return this.service.close();
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
  metricSum(name, labels = {}) {
    return this.service.metric(name, labels);
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
