import type { ServiceConfig } from '@cx/platform';
import { ChildProcess, spawn } from 'node:child_process';
import { createServer } from 'node:net';
import path from 'node:path';
import { eventually } from './test-infrastructure';

const root = path.resolve(__dirname, '../../..');

/** A service run as `npm start` runs it: its built main.js in a process of its own, JSON log lines captured. */
export interface ServiceProcess {
  name: string;
  url: string;
  process: ChildProcess;
  /** Everything written to stdout and stderr, as it came. */
  output: string[];
  /** The pino lines so far, parsed. */
  logLines(): Array<Record<string, unknown>>;
  /** Resolves with the exit code (null when a signal ended it). */
  exited: Promise<number | null>;
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
export async function startServiceProcess(
  config: ServiceConfig,
  env: Record<string, string> = {},
): Promise<ServiceProcess> {
  const name = config.serviceName;
  const port = await freePort();
  const child = spawn(process.execPath, [path.join(root, 'services', name, 'dist', 'main.js')], {
    env: {
      ...process.env,
      PORT: String(port),
      [`${name.toUpperCase()}_DATABASE_URL`]: config.databaseUrl,
      KAFKA_BROKERS: config.kafkaBrokers.join(','),
      KAFKA_TOPIC_NAMESPACE: config.topicNamespace,
      AUTH_JWT_SECRET: config.jwtSecret,
      LOG_LEVEL: 'info',
      NODE_OPTIONS: '',
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const output: string[] = [];
  child.stdout!.on('data', (chunk: Buffer) => output.push(chunk.toString('utf8')));
  child.stderr!.on('data', (chunk: Buffer) => output.push(chunk.toString('utf8')));
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  const service: ServiceProcess = {
    name,
    url: `http://127.0.0.1:${port}`,
    process: child,
    output,
    exited,
    logLines: () =>
      output
        .join('')
        .split('\n')
        .filter((line) => line.startsWith('{') && line.endsWith('}'))
        .map((line) => JSON.parse(line) as Record<string, unknown>),
  };
  await eventually(async () => {
    if (child.exitCode !== null) throw new Error(`${name} exited: ${output.join('')}`);
    const ready = await fetch(`${service.url}/health/ready`);
    if (ready.status !== 200) throw new Error(`${name} not ready: ${ready.status}`);
  }, 60_000);
  return service;
}

/** SIGTERM, then waits for the exit; the exit code. */
export async function stopServiceProcess(service: ServiceProcess): Promise<number | null> {
  if (service.process.exitCode === null) service.process.kill('SIGTERM');
  return service.exited;
}
