import type { ServiceConfig } from '@cx/platform';
import { ChildProcess, spawn } from 'node:child_process';
import { createWriteStream, mkdirSync, WriteStream } from 'node:fs';
import { createServer } from 'node:net';
import path from 'node:path';

const root = path.resolve(__dirname, '../../..');

const READY_WITHIN_MS = 90_000;
const KILL_AFTER_MS = 30_000;

export interface ServiceSettings {
  /** Its folder under services/. */
  name: string;
  databaseUrl: string;
  brokers: string[];
  namespace: string;
  jwtSecret: string;
  /** Several instances of one service tell their log files apart by this. */
  instance?: string;
  /** Settings beyond the connection ones (README, "Configuration"); LOG_LEVEL is info unless given. */
  env?: Record<string, string>;
  /** A folder whose `<namespace>-<name>[-<instance>].log` gets the output as well, appended across restarts. */
  logDir?: string;
}

/**
 * A service as `npm start` runs it: its built dist/main.js in a child process, configured by environment. Its
 * output is kept (and written to a log file when asked); it can be signalled, killed, stopped and started again
 * on the same port.
 */
export class ServiceProcess {
  /** Everything written to stdout and stderr, as it came, over every start. */
  readonly output: string[] = [];
  private child?: ChildProcess;
  private exit?: Promise<number | null>;
  private log?: WriteStream;
  private starts = 0;

  private constructor(
    readonly settings: ServiceSettings,
    readonly port: number,
  ) {}

  /** Starts it on a free port and waits until /health/ready answers 200 (database and broker reached). */
  static async start(settings: ServiceSettings): Promise<ServiceProcess> {
    const service = new ServiceProcess(settings, await freePort());
    await service.start();
    return service;
  }

  get name(): string {
    return this.settings.name;
  }

  get url(): string {
    return `http://127.0.0.1:${this.port}`;
  }

  get databaseUrl(): string {
    return this.settings.databaseUrl;
  }

  get running(): boolean {
    return this.child !== undefined && this.child.exitCode === null && this.child.signalCode === null;
  }

  get pid(): number {
    return this.process.pid!;
  }

  /** The child process of the latest start. */
  get process(): ChildProcess {
    if (!this.child) throw new Error(`${this.describe()} was never started`);
    return this.child;
  }

  /** Resolves with the exit code of the latest start's process (null when a signal ended it). */
  get exited(): Promise<number | null> {
    if (!this.exit) throw new Error(`${this.describe()} was never started`);
    return this.exit;
  }

  get logFile(): string | undefined {
    const { logDir, namespace, name, instance } = this.settings;
    return logDir && path.join(logDir, `${namespace}-${name}${instance ? `-${instance}` : ''}.log`);
  }

  /** Starts (or starts again, on the same port) and waits until /health/ready answers 200. */
  async start(): Promise<void> {
    if (this.running) throw new Error(`${this.describe()} already runs`);
    const { name, databaseUrl, brokers, namespace, jwtSecret } = this.settings;
    const logFile = this.logFile;
    if (logFile) {
      mkdirSync(path.dirname(logFile), { recursive: true });
      this.log ??= createWriteStream(logFile, { flags: 'a' });
    }
    this.starts++;
    this.log?.write(`--- start ${this.starts} ---\n`);
    const child = spawn(process.execPath, [path.join(root, 'services', name, 'dist', 'main.js')], {
      env: {
        ...process.env,
        // Not the test runner's (jest's VM-module flags).
        NODE_OPTIONS: '',
        PORT: String(this.port),
        [`${name.toUpperCase()}_DATABASE_URL`]: databaseUrl,
        KAFKA_BROKERS: brokers.join(','),
        KAFKA_TOPIC_NAMESPACE: namespace,
        AUTH_JWT_SECRET: jwtSecret,
        LOG_LEVEL: 'info',
        ...this.settings.env,
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const keep = (chunk: Buffer) => {
      this.log?.write(chunk);
      this.output.push(chunk.toString('utf8'));
    };
    child.stdout!.on('data', keep);
    child.stderr!.on('data', keep);
    this.child = child;
    this.exit = new Promise((resolve) => child.once('exit', (code) => resolve(code)));
    const deadline = Date.now() + READY_WITHIN_MS;
    for (;;) {
      if (!this.running) throw new Error(`${this.describe()} exited while starting:\n${this.tail()}`);
      const ready = await fetch(`${this.url}/health/ready`, { signal: AbortSignal.timeout(5_000) }).catch(() => null);
      if (ready?.status === 200) return;
      if (Date.now() > deadline) {
        // Not left running behind a failed start: nothing else holds it to stop it.
        child.kill('SIGKILL');
        throw new Error(`${this.describe()} was not ready within ${READY_WITHIN_MS / 1000} s:\n${this.tail()}`);
      }
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
  }

  /** Sends a signal: SIGKILL (no shutdown), SIGSTOP / SIGCONT (frozen and thawed, connections left open). */
  signal(signal: NodeJS.Signals): void {
    this.process.kill(signal);
  }

  async kill(): Promise<void> {
    if (!this.running) return;
    this.process.kill('SIGKILL');
    await this.exited;
  }

  /**
   * Graceful stop (SIGTERM: requests drained, relay flushed, consumers leave their group), thawed first if
   * frozen; SIGKILL after 30 s. Resolves with the exit code.
   */
  async stop(): Promise<number | null> {
    if (!this.child) return null;
    if (this.running) {
      this.child.kill('SIGCONT');
      this.child.kill('SIGTERM');
      const timer = setTimeout(() => this.child!.kill('SIGKILL'), KILL_AFTER_MS);
      await this.exited.finally(() => clearTimeout(timer));
    }
    return this.exited;
  }

  /** Stops it and closes its log file. */
  async close(): Promise<void> {
    await this.stop();
    await new Promise((resolve) => (this.log ? this.log.end(resolve) : resolve(undefined)));
    this.log = undefined;
  }

  /**
   * A figure of /metrics: the sum of the samples of `name` whose labels include `labels` (all of them when none
   * are given), e.g. consumer_events_total with { group, outcome: 'duplicate' }; 0 when there is none.
   */
  async metric(name: string, labels: Record<string, string> = {}): Promise<number> {
    const text = await (await fetch(`${this.url}/metrics`, { signal: AbortSignal.timeout(10_000) })).text();
    const wanted = Object.entries(labels).map(([k, v]) => `${k}="${v}"`);
    return text
      .split('\n')
      .filter((line) => {
        if (line.startsWith(`${name} `)) return wanted.length === 0;
        return line.startsWith(`${name}{`) && wanted.every((w) => line.slice(0, line.indexOf('}')).includes(w));
      })
      .reduce((sum, line) => sum + Number(line.slice(line.lastIndexOf(' ') + 1)), 0);
  }

  /** The pino lines so far, parsed. */
  logLines(): Array<Record<string, unknown>> {
    return this.output
      .join('')
      .split('\n')
      .filter((line) => line.startsWith('{') && line.endsWith('}'))
      .map((line) => JSON.parse(line) as Record<string, unknown>);
  }

  describe(): string {
    const instance = this.settings.instance ? ` ${this.settings.instance}` : '';
    const log = this.logFile ? `, log ${this.logFile}` : '';
    return `${this.settings.name}${instance} (${this.url}${log})`;
  }

  /** The last lines of its output, for error messages. */
  tail(): string {
    return this.output.join('').split('\n').slice(-30).join('\n');
  }
}

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
    server.on('error', reject);
  });
}

/** Starts services/<name>/dist/main.js with the config's database, broker and namespace; waits until ready. */
export function startServiceProcess(config: ServiceConfig, env: Record<string, string> = {}): Promise<ServiceProcess> {
  return ServiceProcess.start({
    name: config.serviceName,
    databaseUrl: config.databaseUrl,
    brokers: config.kafkaBrokers,
    namespace: config.topicNamespace,
    jwtSecret: config.jwtSecret,
    env,
  });
}

/** SIGTERM, then waits for the exit; the exit code. */
export function stopServiceProcess(service: ServiceProcess): Promise<number | null> {
  return service.stop();
}
