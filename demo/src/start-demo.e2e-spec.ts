import {
  createTestDatabase,
  eventually,
  freePort,
  kafkaBrokers,
  serverUrl,
  TestDatabase,
  uniqueSuffix,
} from '@cx/testing';
import { ChildProcess, spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { ApiClient, SERVICES, serviceUrls } from './api-client';
import { callers } from './callers';

const root = path.resolve(__dirname, '../..');
const DEMO_SLA_POLICY_FILE = path.join(root, 'demo', 'sla-policy.demo.json');

/**
 * `npm start -- --demo --scale small` as a user runs it (scripts/start.mjs: build check, every service, the loader
 * once they are ready), pointed at test databases, free ports and a topic namespace of its own; the broker and
 * Postgres are named explicitly, so it starts and stops no infrastructure.
 */
describe('npm start -- --demo', () => {
  const databases: TestDatabase[] = [];
  const env: Record<string, string> = {};
  const output: string[] = [];
  let start: ChildProcess;
  let exited: Promise<number | null>;
  const said = () => output.join('');
  const secret = `start-demo-${uniqueSuffix()}`;

  beforeAll(async () => {
    for (const name of SERVICES) {
      const database = await createTestDatabase(`start_${name}`);
      databases.push(database);
      env[`${name.toUpperCase()}_DATABASE_URL`] = database.url;
      env[`${name.toUpperCase()}_PORT`] = String(await freePort());
    }
    start = spawn(process.execPath, [path.join(root, 'scripts', 'start.mjs'), '--demo', '--scale', 'small'], {
      cwd: root,
      env: {
        ...process.env,
        ...env,
        DATABASE_URL: serverUrl(),
        KAFKA_BROKERS: kafkaBrokers().join(','),
        KAFKA_TOPIC_NAMESPACE: `t${uniqueSuffix()}start`,
        AUTH_JWT_SECRET: secret,
        LOG_LEVEL: 'warn',
        NODE_OPTIONS: '',
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    start.stdout!.on('data', (chunk: Buffer) => output.push(chunk.toString('utf8')));
    start.stderr!.on('data', (chunk: Buffer) => output.push(chunk.toString('utf8')));
    exited = new Promise((resolve) => start.once('exit', (code) => resolve(code)));
    // Printed once the loader is done (or has failed): the services keep running after it.
    await new Promise<void>((resolve, reject) => {
      const check = setInterval(() => {
        if (said().includes('Ctrl-C stops the services')) {
          clearInterval(check);
          resolve();
        } else if (start.exitCode !== null) {
          clearInterval(check);
          reject(new Error(`npm start exited with ${start.exitCode}:\n${said()}`));
        }
      }, 250);
    });
  }, 480_000);

  afterAll(async () => {
    if (start?.exitCode === null) start.kill('SIGINT');
    await exited;
    for (const database of databases) await database.drop();
  });

  it('loads the demo data once the services are ready, with the demo SLA policy in the complaints service', async () => {
    expect(said()).toContain('Demo data loaded in');
    expect(said()).not.toContain('the loader exited with code');
    // The loader reports the acknowledgement target the service applies: 3 minutes, not the default hour.
    expect(said()).toMatch(/critical complaints wait for acknowledgement; their 3-minute target runs out/);

    // Every complaint the CEO office sees runs on the demo file's targets for its severity, on calendar time.
    const api = new ApiClient(serviceUrls(env), { secret });
    const { targets } = JSON.parse(readFileSync(DEMO_SLA_POLICY_FILE, 'utf8')) as {
      targets: Record<string, Record<string, number>>;
    };
    type Clock = { target: string; hours: number; mode: string };
    const escalations = await eventually(async () => {
      const { body } = await api.call<{ items: { complaintId: string }[] }>(
        'projections',
        'GET',
        '/v1/ceo/escalations',
        {
          as: callers.ceoOffice,
        },
      );
      expect(body.items.length).toBeGreaterThan(0);
      return body;
    }, 30_000);
    for (const { complaintId } of escalations.items) {
      const { body } = await api.call<{ severity: string; slaClocks: Clock[] }>(
        'complaints',
        'GET',
        `/v1/complaints/${complaintId}`,
        { as: callers.ceoOffice },
      );
      expect(body.slaClocks.map((c) => [c.target, c.hours, c.mode])).toEqual(
        Object.entries(targets[body.severity]).map(([target, hours]) => [target, hours, 'calendar']),
      );
    }
  });

  it('stops every service on Ctrl-C, with exit code 0', async () => {
    start.kill('SIGINT');
    expect(await exited).toBe(0);
    for (const name of SERVICES) {
      await expect(fetch(`http://127.0.0.1:${env[`${name.toUpperCase()}_PORT`]}/health/live`)).rejects.toThrow();
    }
  });
});
