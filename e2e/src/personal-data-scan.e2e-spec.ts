import { signToken, Role } from '@cx/auth';
import { namespacedTopic, Topics } from '@cx/contracts';
import { createKafka, scanTopic } from '@cx/messaging';
import { eventually, kafkaBrokers, testServiceConfig, TestDatabase } from '@cx/testing';
import { ChildProcess, spawn } from 'node:child_process';
import { createServer } from 'node:net';
import path from 'node:path';
import { Client } from 'pg';

const root = path.resolve(__dirname, '../..');

/** Distinctive personal data: none of it may appear in any event, log line, error body or projection table. */
const NAME = 'Zhuge Qiaoming';
const PHONE = '13987654321';
const EMAIL = 'qiaoming.zhuge@example.cn';
const ID_BASE = '51010719880514123';
const ID_NUMBER = ID_BASE + checkCharacter(ID_BASE);
const DISTRICT_DETAIL = 'Building 7, Jinjiang Garden, Room 1902';
const NEEDLES = [NAME, PHONE, '139 8765 4321', EMAIL, ID_NUMBER, DISTRICT_DETAIL];

/** The ISO 7064 MOD 11-2 check character of a PRC resident ID number. */
function checkCharacter(first17: string): string {
  const weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
  const sum = [...first17].reduce((total, digit, i) => total + Number(digit) * weights[i], 0);
  return '10X98765432'[sum % 11];
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
    server.on('error', reject);
  });
}

interface RunningService {
  name: string;
  url: string;
  process: ChildProcess;
  output: string[];
}

/**
 * Vault, complaints and projections run as real processes (their built main.js, as `npm start` runs them) at
 * debug level, so every log line they write is captured; then personal data goes in through the APIs, good and
 * bad requests alike, and every topic, log line, error body and projection table is searched for it.
 */
describe('personal data stays in the vault: topics, logs, error bodies and projections scanned', () => {
  const databases: TestDatabase[] = [];
  const services: RunningService[] = [];
  let namespace: string;
  let secret: string;
  let projectionsUrl: string;
  let complaintsUrl: string;
  const errorBodies: string[] = [];

  const token = (...roles: Role[]) => `Bearer ${signToken({ sub: 'scan-1', name: 'Scanner', roles }, secret)}`;
  const call = async (service: string, method: string, route: string, roles: Role[], body?: unknown) => {
    const base = services.find((s) => s.name === service)!.url;
    const response = await fetch(`${base}${route}`, {
      method,
      headers: { authorization: token(...roles), 'content-type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await response.text();
    if (response.status >= 400) errorBodies.push(`${service} ${method} ${route} ${response.status}: ${text}`);
    return { status: response.status, body: text ? JSON.parse(text) : null };
  };

  async function start(name: string): Promise<void> {
    const { config, database } = await testServiceConfig(name, { topicNamespace: namespace });
    databases.push(database);
    if (name === 'projections') projectionsUrl = config.databaseUrl;
    if (name === 'complaints') complaintsUrl = config.databaseUrl;
    secret = config.jwtSecret;
    const port = await freePort();
    const child = spawn(process.execPath, [path.join(root, 'services', name, 'dist', 'main.js')], {
      env: {
        ...process.env,
        PORT: String(port),
        [`${name.toUpperCase()}_DATABASE_URL`]: config.databaseUrl,
        KAFKA_BROKERS: config.kafkaBrokers.join(','),
        KAFKA_TOPIC_NAMESPACE: namespace,
        AUTH_JWT_SECRET: config.jwtSecret,
        LOG_LEVEL: 'debug',
        NODE_OPTIONS: '',
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const service: RunningService = { name, url: `http://127.0.0.1:${port}`, process: child, output: [] };
    child.stdout!.on('data', (chunk: Buffer) => service.output.push(chunk.toString('utf8')));
    child.stderr!.on('data', (chunk: Buffer) => service.output.push(chunk.toString('utf8')));
    services.push(service);
    await eventually(async () => {
      if (child.exitCode !== null) throw new Error(`${name} exited: ${service.output.join('')}`);
      const ready = await fetch(`${service.url}/health/ready`);
      expect(ready.status).toBe(200);
    }, 60_000);
  }

  beforeAll(async () => {
    namespace = `t${Date.now().toString(36)}scan`;
    for (const name of ['confidentiality', 'complaints', 'projections']) await start(name);
  }, 120_000);

  afterAll(async () => {
    for (const service of services) {
      service.process.kill('SIGTERM');
      await new Promise((resolve) =>
        service.process.exitCode !== null ? resolve(null) : service.process.once('exit', resolve),
      );
    }
    for (const database of databases) await database.drop();
  });

  it('finds none of it anywhere but the vault', async () => {
    const registered = await call('confidentiality', 'POST', '/v1/subjects', ['agent'], {
      name: NAME,
      phone: '+86 139 8765 4321',
      idNumber: ID_NUMBER,
      email: EMAIL,
      address: { province: 'Sichuan', city: 'Chengdu', district: 'Jinjiang', detail: DISTRICT_DETAIL },
    });
    expect(registered.status).toBe(201);
    const subjectId = registered.body.subjectId as string;
    expect(registered.body.personalData.phone).toBe('139****4321');

    // Bad requests that carry personal data where it does not belong.
    expect(
      (await call('confidentiality', 'POST', '/v1/subjects', ['agent'], { name: NAME, phone: `${PHONE}0` })).status,
    ).toBe(400);
    expect(
      (await call('confidentiality', 'POST', '/v1/subjects', ['agent'], { name: NAME, idNumber: ID_BASE + 'Z' }))
        .status,
    ).toBe(400);
    expect(
      (await call('confidentiality', 'POST', '/v1/subjects', ['agent'], { name: NAME, phone: PHONE })).status,
    ).toBe(409);
    const complaint = {
      project: 'CD-JINJIANG-03',
      region: 'west-china',
      category: 'maintenance',
      severity: 'critical',
      channel: 'ceo_direct',
      description: `${NAME} (${PHONE}, ${EMAIL}) reports water in the lift shaft`,
    };
    expect(
      (await call('complaints', 'POST', '/v1/complaints', ['agent'], { ...complaint, customerId: PHONE })).status,
    ).toBe(400);
    expect(
      (
        await call('complaints', 'POST', '/v1/complaints', ['agent'], {
          ...complaint,
          customerId: subjectId,
          customerName: NAME,
        })
      ).status,
    ).toBe(400);
    const filed = await call('complaints', 'POST', '/v1/complaints', ['agent'], {
      ...complaint,
      customerId: subjectId,
    });
    expect(filed.status).toBe(201);
    const complaintId = filed.body.complaintId as string;
    expect(
      (await call('complaints', 'POST', `/v1/complaints/${complaintId}/contacts`, ['agent'], { note: NAME })).status,
    ).toBe(400);

    const reporting = new Client({ connectionString: projectionsUrl });
    await reporting.connect();
    try {
      await eventually(async () => {
        const { rows } = await reporting.query('SELECT 1 FROM reporting.ceo_escalations WHERE complaint_id = $1', [
          complaintId,
        ]);
        expect(rows).toHaveLength(1);
      }, 30_000);

      const found: string[] = [];
      const search = (where: string, text: string) => {
        for (const needle of NEEDLES) if (text.includes(needle)) found.push(`${needle} in ${where}`);
      };

      const kafka = createKafka(kafkaBrokers(), 'pii-scan', {
        debug: () => undefined,
        info: () => undefined,
        warn: () => undefined,
        error: () => undefined,
      });
      const topics = [
        namespacedTopic(Topics.confidentiality, namespace),
        namespacedTopic(Topics.complaints, namespace),
        `cx.dlq.${namespace}.projections`,
        `cx.dlq.${namespace}.complaints`,
      ];
      let messages = 0;
      for (const topic of topics) {
        messages += await scanTopic(kafka, topic, (message) => {
          search(`${topic} message ${message.offset}`, message.value?.toString('utf8') ?? '');
          search(`${topic} headers`, JSON.stringify(message.headers ?? {}));
        });
      }
      expect(messages).toBeGreaterThanOrEqual(2);

      const { rows: tables } = await reporting.query(
        `SELECT table_schema || '.' || table_name AS name FROM information_schema.tables
          WHERE table_schema IN ('reporting', 'public')`,
      );
      for (const { name } of tables) {
        const { rows } = await reporting.query(`SELECT row_to_json(t)::text AS row FROM ${name} t`);
        for (const { row } of rows) search(`table ${name}`, row);
      }

      for (const service of services) search(`${service.name} logs`, service.output.join(''));
      expect(services.every((s) => s.output.join('').length > 0)).toBe(true);
      for (const body of errorBodies) search('error body', body);
      expect(errorBodies.length).toBeGreaterThanOrEqual(6);

      expect(found).toEqual([]);

      // The scan can find what it looks for: the complaint's own words, kept in the complaints database, hold it.
      const complaints = new Client({ connectionString: complaintsUrl });
      await complaints.connect();
      const { rows } = await complaints.query('SELECT description FROM complaint_descriptions');
      await complaints.end();
      search('complaint_descriptions (expected)', JSON.stringify(rows));
      expect(found).toEqual([
        `${NAME} in complaint_descriptions (expected)`,
        `${PHONE} in complaint_descriptions (expected)`,
        `${EMAIL} in complaint_descriptions (expected)`,
      ]);
    } finally {
      await reporting.end();
    }
  }, 120_000);
});
