import { execFileSync, spawn } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import { chownSync, closeSync, existsSync, mkdirSync, openSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { connect, createServer } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { Kafka, logLevel } from 'kafkajs';
import { Client } from 'pg';

/**
 * The suite's own Kafka broker and Postgres server, never the shared ones on 9092 and 5432: scenarios kill and
 * restart them. Both run as child processes of the Jest process; their pids live in a state file, so the global
 * setup, every spec and the global teardown act on the same processes, and a run that died leaves nothing a next
 * run cannot clean up (it only ends processes whose command line names this suite's directory).
 */
export const repoRoot = path.resolve(__dirname, '../../..');
const KAFKA_DIR = path.join(repoRoot, 'deploy', 'local', 'kafka');
const STATE_DIR = path.join(os.tmpdir(), `cx-faults-${createHash('sha1').update(repoRoot).digest('hex').slice(0, 8)}`);
const STATE_FILE = path.join(STATE_DIR, 'state.json');
/** Logs of the broker, Postgres and the services, kept after the run (tmp/ is ignored by git). */
export const LOG_DIR = path.join(repoRoot, 'tmp', 'faults');

interface KafkaState {
  pid?: number;
  port: number;
  controllerPort: number;
  /** A second listener whose advertised address is the test's TCP proxy, so clients stay behind the proxy. */
  proxiedPort: number;
  proxyPort: number;
  config: string;
  logsDir: string;
  starts: number;
}

interface PostgresState {
  pid?: number;
  port: number;
  dataDir: string;
  logsDir: string;
  starts: number;
  /** Postgres refuses to run as root: on a root machine it runs as an unprivileged user. */
  uid?: number;
  gid?: number;
}

interface State {
  dir: string;
  kafka: KafkaState;
  postgres: PostgresState;
}

export async function startInfrastructure(log: (line: string) => void): Promise<void> {
  await cleanUpPreviousRun(log);
  mkdirSync(STATE_DIR, { recursive: true, mode: 0o755 });
  rmSync(LOG_DIR, { recursive: true, force: true });
  const [port, controllerPort, proxiedPort, proxyPort, pgPort] = await freePorts(5);
  const state: State = {
    dir: STATE_DIR,
    kafka: {
      port,
      controllerPort,
      proxiedPort,
      proxyPort,
      config: path.join(STATE_DIR, 'kafka', 'server.properties'),
      logsDir: path.join(LOG_DIR, 'kafka'),
      starts: 0,
    },
    postgres: {
      port: pgPort,
      dataDir: path.join(STATE_DIR, 'postgres', 'data'),
      logsDir: path.join(LOG_DIR, 'postgres'),
      starts: 0,
      ...unprivilegedUser(),
    },
  };
  writeState(state);
  const infra = new FaultInfrastructure();
  const began = Date.now();
  await Promise.all([infra.kafka.create(), infra.postgres.create()]);
  await Promise.all([infra.kafka.start(), infra.postgres.start()]);
  log(
    `faults: own Kafka broker on 127.0.0.1:${port} and Postgres on 127.0.0.1:${pgPort} ready in ` +
      `${((Date.now() - began) / 1000).toFixed(1)} s (${STATE_DIR})`,
  );
}

export async function stopInfrastructure(): Promise<void> {
  if (!existsSync(STATE_FILE)) return;
  const infra = new FaultInfrastructure();
  await Promise.all([infra.kafka.stop(), infra.postgres.stop('fast')]);
  rmSync(STATE_DIR, { recursive: true, force: true });
}

/** What the specs use: the broker and the database server, by the pids in the state file. */
export class FaultInfrastructure {
  readonly kafka = new KafkaBroker();
  readonly postgres = new PostgresServer();
}

export class KafkaBroker {
  get brokers(): string[] {
    return [`127.0.0.1:${readState().kafka.port}`];
  }

  /** Where clients connect to go through the test's TCP proxy (which forwards to `proxiedPort`). */
  get proxy(): { listenPort: number; upstreamPort: number } {
    const { proxyPort, proxiedPort } = readState().kafka;
    return { listenPort: proxyPort, upstreamPort: proxiedPort };
  }

  async create(): Promise<void> {
    const { kafka } = readState();
    const libs = ensureKafkaJars();
    mkdirSync(kafka.logsDir, { recursive: true });
    mkdirSync(path.dirname(kafka.config), { recursive: true });
    const dataDir = path.join(path.dirname(kafka.config), 'data');
    writeFileSync(
      kafka.config,
      [
        'process.roles=broker,controller',
        'node.id=1',
        `controller.quorum.bootstrap.servers=127.0.0.1:${kafka.controllerPort}`,
        `listeners=PLAINTEXT://127.0.0.1:${kafka.port},CONTROLLER://127.0.0.1:${kafka.controllerPort},` +
          `PROXIED://127.0.0.1:${kafka.proxiedPort}`,
        `advertised.listeners=PLAINTEXT://127.0.0.1:${kafka.port},PROXIED://127.0.0.1:${kafka.proxyPort}`,
        'controller.listener.names=CONTROLLER',
        'listener.security.protocol.map=PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT,PROXIED:PLAINTEXT',
        'inter.broker.listener.name=PLAINTEXT',
        `log.dirs=${dataDir}`,
        'num.partitions=3',
        // The single-broker settings of deploy/local/kafka (see its README), and fewer offsets partitions:
        // a restarted broker loads them before any group can commit.
        'offsets.topic.replication.factor=1',
        'offsets.topic.num.partitions=5',
        'transaction.state.log.replication.factor=1',
        'transaction.state.log.min.isr=1',
        'share.coordinator.state.topic.replication.factor=1',
        'share.coordinator.state.topic.min.isr=1',
        'group.initial.rebalance.delay.ms=0',
        'auto.create.topics.enable=true',
        '',
      ].join('\n'),
    );
    // Kafka's cluster ids are 16 random bytes in URL-safe base64 without padding.
    const clusterId = randomBytes(16).toString('base64url');
    execFileSync(
      'java',
      [
        '-cp',
        `${libs}/*`,
        `-Dlog4j2.configurationFile=${path.join(KAFKA_DIR, 'log4j2.yaml')}`,
        'kafka.tools.StorageTool',
        'format',
        '-t',
        clusterId,
        '-c',
        kafka.config,
        '--standalone',
      ],
      { stdio: 'pipe' },
    );
  }

  /** Starts the broker on its existing storage and waits until it serves requests. */
  async start(): Promise<void> {
    const state = readState();
    const { kafka } = state;
    if (kafka.pid && alive(kafka.pid)) throw new Error(`the suite's broker already runs (pid ${kafka.pid})`);
    kafka.starts++;
    const log = path.join(kafka.logsDir, `broker-${kafka.starts}.log`);
    const out = openSync(log, 'a');
    const child = spawn(
      'java',
      [
        '-Xmx384m',
        '-Xms128m',
        '-XX:+UseG1GC',
        '-Djava.awt.headless=true',
        `-Dlog4j2.configurationFile=${path.join(KAFKA_DIR, 'log4j2.yaml')}`,
        `-Dkafka.logs.dir=${kafka.logsDir}`,
        '-cp',
        `${ensureKafkaJars()}/*`,
        'kafka.Kafka',
        kafka.config,
      ],
      { stdio: ['ignore', out, out] },
    );
    closeSync(out);
    child.unref();
    kafka.pid = child.pid;
    writeState(state);
    // Ready = the start-up line is logged (the broker is unfenced) and the port answers, as kafka.sh waits.
    await waitUntil(
      async () => {
        if (!alive(child.pid!)) throw new Error(`the broker exited; see ${log}:\n${tail(log)}`);
        return (
          readFileSync(log, 'utf8').includes('Kafka Server started') &&
          (await portAnswers(kafka.port)) &&
          (await servesTopics(kafka.port))
        );
      },
      120_000,
      `the broker was not ready after 120 s; see ${log}`,
    );
  }

  /** Ends the broker with a signal (SIGKILL: no shutdown at all) and waits until the process is gone. */
  async kill(signal: NodeJS.Signals = 'SIGKILL'): Promise<void> {
    const state = readState();
    const pid = state.kafka.pid;
    if (!pid) return;
    process.kill(pid, signal);
    await waitUntil(async () => !alive(pid), 60_000, `the broker (pid ${pid}) outlived ${signal} by 60 s`);
    state.kafka.pid = undefined;
    writeState(state);
  }

  async stop(): Promise<void> {
    const pid = readState().kafka.pid;
    if (!pid || !alive(pid)) return;
    process.kill(pid, 'SIGTERM');
    try {
      await waitUntil(async () => !alive(pid), 30_000, 'broker shutdown');
    } catch {
      await this.kill('SIGKILL');
    }
  }
}

export class PostgresServer {
  /** The server URL (database `postgres`); services get `/<their database>` on the same server. */
  get url(): string {
    return `postgres://postgres@127.0.0.1:${readState().postgres.port}/postgres`;
  }

  databaseUrl(database: string): string {
    return `postgres://postgres@127.0.0.1:${readState().postgres.port}/${database}`;
  }

  async create(): Promise<void> {
    const { postgres } = readState();
    mkdirSync(postgres.dataDir, { recursive: true });
    mkdirSync(postgres.logsDir, { recursive: true });
    if (postgres.uid !== undefined) chownSync(postgres.dataDir, postgres.uid, postgres.gid!);
    execFileSync(
      path.join(postgresBinaries(), 'initdb'),
      ['-D', postgres.dataDir, '-U', 'postgres', '--auth=trust', '-E', 'UTF8', '--no-sync', '--no-instructions'],
      { stdio: 'pipe', uid: postgres.uid, gid: postgres.gid },
    );
  }

  async start(): Promise<void> {
    const state = readState();
    const { postgres } = state;
    if (postgres.pid && alive(postgres.pid)) throw new Error(`the suite's Postgres already runs (pid ${postgres.pid})`);
    postgres.starts++;
    const log = path.join(postgres.logsDir, `postgres-${postgres.starts}.log`);
    const out = openSync(log, 'a');
    const child = spawn(
      path.join(postgresBinaries(), 'postgres'),
      [
        '-D',
        postgres.dataDir,
        '-p',
        String(postgres.port),
        '-c',
        'listen_addresses=127.0.0.1',
        '-c',
        'unix_socket_directories=',
        '-c',
        'max_connections=300',
        // The OS keeps what a killed server wrote; only a machine crash would need fsync. Commits stay synchronous.
        '-c',
        'fsync=off',
      ],
      { stdio: ['ignore', out, out], uid: postgres.uid, gid: postgres.gid },
    );
    closeSync(out);
    child.unref();
    postgres.pid = child.pid;
    writeState(state);
    await waitUntil(
      async () => {
        if (!alive(child.pid!)) throw new Error(`Postgres exited; see ${log}:\n${tail(log)}`);
        return postgresAnswers(this.url);
      },
      60_000,
      `Postgres was not ready after 60 s; see ${log}`,
    );
  }

  /**
   * Shuts the server down: `fast` ends every session with an error (57P01) and checkpoints; `immediate` drops
   * them like a crash, and the next start runs crash recovery.
   */
  async stop(mode: 'fast' | 'immediate'): Promise<void> {
    const state = readState();
    const pid = state.postgres.pid;
    if (!pid || !alive(pid)) return;
    process.kill(pid, mode === 'fast' ? 'SIGINT' : 'SIGQUIT');
    await waitUntil(async () => !alive(pid), 60_000, `Postgres (pid ${pid}) did not stop within 60 s`);
    state.postgres.pid = undefined;
    writeState(state);
  }
}

function readState(): State {
  return JSON.parse(readFileSync(STATE_FILE, 'utf8')) as State;
}

function writeState(state: State): void {
  writeFileSync(STATE_FILE, JSON.stringify(state, null, 2));
}

async function cleanUpPreviousRun(log: (line: string) => void): Promise<void> {
  if (!existsSync(STATE_FILE)) return rmSync(STATE_DIR, { recursive: true, force: true });
  const previous = readState();
  for (const [name, pid, signal] of [
    ['broker', previous.kafka.pid, 'SIGKILL'],
    ['postgres', previous.postgres.pid, 'SIGQUIT'],
  ] as const) {
    // Only a process of ours: its command line names this suite's directory.
    if (!pid || !alive(pid) || !readFileSync(`/proc/${pid}/cmdline`, 'utf8').includes(STATE_DIR)) continue;
    log(`faults: ending the ${name} a previous run left behind (pid ${pid})`);
    process.kill(pid, signal);
    await waitUntil(async () => !alive(pid), 30_000, `the previous run's ${name} (pid ${pid}) did not end`);
  }
  rmSync(STATE_DIR, { recursive: true, force: true });
}

/** The jars kafka.sh resolves with Maven into .kafka-cache; resolved here only on a machine that never ran it. */
function ensureKafkaJars(): string {
  const pom = readFileSync(path.join(KAFKA_DIR, 'pom.xml'), 'utf8');
  const version = /<kafka\.version>([^<]+)<\/kafka\.version>/.exec(pom)![1];
  const cache = process.env.KAFKA_CACHE_DIR ?? path.join(repoRoot, '.kafka-cache');
  const libs = path.join(cache, `libs-${version}`);
  if (!existsSync(path.join(libs, '.complete'))) {
    execFileSync(path.join(KAFKA_DIR, 'kafka.sh'), ['ensure'], { stdio: 'inherit' });
  }
  return libs;
}

/** PG_BIN_DIR, else the newest server under /usr/lib/postgresql (Debian and Ubuntu), else `pg_config --bindir`. */
function postgresBinaries(): string {
  if (process.env.PG_BIN_DIR) return process.env.PG_BIN_DIR;
  const debian = '/usr/lib/postgresql';
  if (existsSync(debian)) {
    const versions = execFileSync('ls', [debian], { encoding: 'utf8' })
      .split('\n')
      .filter((v) => /^\d+$/.test(v))
      .sort((a, b) => Number(b) - Number(a));
    if (versions.length > 0) return path.join(debian, versions[0], 'bin');
  }
  return execFileSync('pg_config', ['--bindir'], { encoding: 'utf8' }).trim();
}

function unprivilegedUser(): { uid?: number; gid?: number } {
  if (process.getuid?.() !== 0) return {};
  for (const name of ['postgres', 'nobody']) {
    const entry = readFileSync('/etc/passwd', 'utf8')
      .split('\n')
      .find((line) => line.startsWith(`${name}:`));
    if (entry) {
      const [, , uid, gid] = entry.split(':');
      return { uid: Number(uid), gid: Number(gid) };
    }
  }
  throw new Error('running as root and found neither a postgres nor a nobody user to run Postgres as');
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
  } catch {
    return false;
  }
  // A zombie has exited; only its parent has not collected it yet.
  const stat = existsSync(`/proc/${pid}/stat`) ? readFileSync(`/proc/${pid}/stat`, 'utf8') : '';
  return !/^\d+ \(.*\) Z/.test(stat);
}

function tail(file: string, lines = 30): string {
  return readFileSync(file, 'utf8').split('\n').slice(-lines).join('\n');
}

async function postgresAnswers(url: string): Promise<boolean> {
  const client = new Client({ connectionString: url, connectionTimeoutMillis: 2_000 });
  client.on('error', () => undefined);
  try {
    await client.connect();
    await client.query('SELECT 1');
    return true;
  } catch {
    return false;
  } finally {
    await client.end().catch(() => undefined);
  }
}

/**
 * A broker just started may still refuse to create a topic or report its leader ("does not host this
 * topic-partition"), which a service starting then would take for a failure: ready once a probe topic works.
 */
async function servesTopics(port: number): Promise<boolean> {
  const kafka = new Kafka({
    clientId: 'faults-probe',
    brokers: [`127.0.0.1:${port}`],
    logLevel: logLevel.NOTHING,
    retry: { retries: 0 },
  });
  const admin = kafka.admin();
  try {
    await admin.connect();
    await admin.createTopics({ topics: [{ topic: 'faults.ready' }], waitForLeaders: true });
    return (await admin.fetchTopicOffsets('faults.ready')).length > 0;
  } catch {
    return false;
  } finally {
    await admin.disconnect().catch(() => undefined);
  }
}

function portAnswers(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect(port, '127.0.0.1');
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
  });
}

async function freePorts(count: number): Promise<number[]> {
  const servers = await Promise.all(
    Array.from(
      { length: count },
      () =>
        new Promise<ReturnType<typeof createServer>>((resolve, reject) => {
          const server = createServer();
          server.once('error', reject);
          server.listen(0, '127.0.0.1', () => resolve(server));
        }),
    ),
  );
  const ports = servers.map((s) => (s.address() as { port: number }).port);
  await Promise.all(servers.map((s) => new Promise((resolve) => s.close(resolve))));
  return ports;
}

async function waitUntil(condition: () => Promise<boolean>, timeoutMs: number, failure: string): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error(failure);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}
