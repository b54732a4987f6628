import { ChildProcess, spawn } from 'node:child_process';
import { createWriteStream, mkdirSync, WriteStream } from 'node:fs';
import { createServer } from 'node:net';
import path from 'node:path';
import { LOG_DIR, repoRoot } from './infrastructure';

export type ServiceName = 'complaints' | 'projections';

export interface ServiceSettings {
  name: ServiceName;
  databaseUrl: string;
  brokers: string[];
  namespace: string;
  jwtSecret: string;
  /** Several instances of one service tell their log files apart by this. */
  instance?: string;
  /** Settings beyond the connection ones (README, "Configuration"). */
  env?: Record<string, string>;
}

/**
 * A service as `npm start` runs it: its built dist/main.js in a child process, configured by environment.
 * Output goes to a log file (named on failure) and a short in-memory tail for error messages.
 */
export class ServiceProcess {
  private child?: ChildProcess;
  private log?: WriteStream;
  private readonly recent: string[] = [];
  private starts = 0;

  private constructor(
    readonly settings: ServiceSettings,
    readonly port: number,
  ) {}

  static async start(settings: ServiceSettings): Promise<ServiceProcess> {
    const service = new ServiceProcess(settings, await freePort());
    await service.start();
    return service;
  }

  get url(): string {
    return `http://127.0.0.1:${this.port}`;
  }

  get running(): boolean {
    return this.child !== undefined && this.child.exitCode === null && this.child.signalCode === null;
  }

  get pid(): number {
    return this.child!.pid!;
  }

  get logFile(): string {
    const instance = this.settings.instance ? `-${this.settings.instance}` : '';
    return path.join(LOG_DIR, 'services', `${this.settings.namespace}-${this.settings.name}${instance}.log`);
  }

  /** Starts (or starts again, on the same port) and waits until /health/ready answers 200. */
  async start(): Promise<void> {
    if (this.running) throw new Error(`${this.describe()} already runs`);
    const { name, databaseUrl, brokers, namespace, jwtSecret } = this.settings;
    mkdirSync(path.dirname(this.logFile), { recursive: true });
    this.log ??= createWriteStream(this.logFile, { flags: 'a' });
    this.starts++;
    this.log.write(`--- start ${this.starts} ---\n`);
    const child = spawn(process.execPath, [path.join(repoRoot, 'services', name, 'dist', 'main.js')], {
      env: {
        PATH: process.env.PATH,
        PORT: String(this.port),
        [`${name.toUpperCase()}_DATABASE_URL`]: databaseUrl,
        KAFKA_BROKERS: brokers.join(','),
        KAFKA_TOPIC_NAMESPACE: namespace,
        AUTH_JWT_SECRET: jwtSecret,
        LOG_LEVEL: 'warn',
        RATE_LIMIT_WRITES_PER_MINUTE: '1000000',
        NODE_OPTIONS: '--disable-warning=TimeoutNegativeWarning',
        ...this.settings.env,
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const keep = (chunk: Buffer) => {
      this.log!.write(chunk);
      this.recent.push(chunk.toString('utf8'));
      if (this.recent.length > 40) this.recent.shift();
    };
    child.stdout!.on('data', keep);
    child.stderr!.on('data', keep);
    this.child = child;
    const deadline = Date.now() + 90_000;
    for (;;) {
      if (!this.running) throw new Error(`${this.describe()} exited while starting:\n${this.tail()}`);
      const ready = await fetch(`${this.url}/health/ready`, { signal: AbortSignal.timeout(5_000) }).catch(() => null);
      if (ready?.status === 200) return;
      if (Date.now() > deadline) throw new Error(`${this.describe()} was not ready within 90 s:\n${this.tail()}`);
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
  }

  /** Sends a signal: SIGKILL (no shutdown), SIGSTOP / SIGCONT (frozen and thawed, connections left open). */
  signal(signal: NodeJS.Signals): void {
    this.child!.kill(signal);
  }

  async kill(): Promise<void> {
    if (!this.running) return;
    const exited = this.exited();
    this.child!.kill('SIGKILL');
    await exited;
  }

  /** Graceful stop (SIGTERM: consumers leave their group, the relay stops); SIGKILL after 30 s. */
  async stop(): Promise<void> {
    if (!this.running) return;
    const exited = this.exited();
    this.child!.kill('SIGCONT');
    this.child!.kill('SIGTERM');
    const timer = setTimeout(() => this.child!.kill('SIGKILL'), 30_000);
    await exited;
    clearTimeout(timer);
  }

  async close(): Promise<void> {
    await this.stop();
    await new Promise((resolve) => (this.log ? this.log.end(resolve) : resolve(undefined)));
  }

  /** A Prometheus sample of /metrics, e.g. consumer_events_total{group="…",outcome="duplicate"}. */
  async metric(name: string, labels: Record<string, string>): Promise<number> {
    const text = await (await fetch(`${this.url}/metrics`, { signal: AbortSignal.timeout(10_000) })).text();
    const wanted = Object.entries(labels).map(([k, v]) => `${k}="${v}"`);
    const line = text
      .split('\n')
      .find((l) => l.startsWith(`${name}{`) && wanted.every((w) => l.slice(0, l.indexOf('}')).includes(w)));
    return line ? Number(line.slice(line.lastIndexOf(' ') + 1)) : 0;
  }

  describe(): string {
    const instance = this.settings.instance ? ` ${this.settings.instance}` : '';
    return `${this.settings.name}${instance} (${this.url}, log ${this.logFile})`;
  }

  tail(): string {
    return this.recent.join('').split('\n').slice(-30).join('\n');
  }

  private exited(): Promise<void> {
    return new Promise((resolve) => this.child!.once('exit', () => resolve()));
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
