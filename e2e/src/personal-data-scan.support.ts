import { signToken, Role } from '@cx/auth';
import { createKafka, scanTopic } from '@cx/messaging';
import {
  kafkaBrokers,
  ServiceProcess,
  startServiceProcess,
  stopServiceProcess,
  testServiceConfig,
  TestDatabase,
} from '@cx/testing';
import { Client } from 'pg';

/**
 * What the personal-data scans share: the services as real processes, and the search for the seeded data.
 * Services run as real processes (their built main.js, as `npm start` runs them) at debug level, so every log
 * line they write is captured; every answer they give through `call` is kept for the search.
 */
export class ScannedServices {
  readonly services: ServiceProcess[] = [];
  /** Every answer: route, status and body, for the error-body search. */
  readonly answers: { service: string; label: string; status: number; text: string }[] = [];
  private readonly databases: TestDatabase[] = [];
  private secret = '';

  constructor(readonly namespace: string) {}

  async start(name: string): Promise<void> {
    const { config, database } = await testServiceConfig(name, { topicNamespace: this.namespace });
    this.databases.push(database);
    this.secret = config.jwtSecret;
    this.services.push(await startServiceProcess(config, { LOG_LEVEL: 'debug' }));
  }

  async stop(): Promise<void> {
    for (const service of this.services) await stopServiceProcess(service);
    for (const database of this.databases) await database.drop();
  }

  service(name: string): ServiceProcess {
    return this.services.find((s) => s.name === name)!;
  }

  token(...roles: Role[]): string {
    return `Bearer ${signToken({ sub: 'scan-1', name: 'Scanner', roles }, this.secret)}`;
  }

  /** A JSON call (or a CSV one, when the body is a string) with a token of these roles; the answer is kept. */
  async call(service: string, method: string, route: string, roles: Role[], body?: unknown) {
    const csv = typeof body === 'string';
    const response = await fetch(`${this.service(service).url}${route}`, {
      method,
      headers: { authorization: this.token(...roles), 'content-type': csv ? 'text/csv' : 'application/json' },
      body: body === undefined ? undefined : csv ? body : JSON.stringify(body),
    });
    const text = await response.text();
    this.answers.push({ service, label: `${method} ${route}`, status: response.status, text });
    return { status: response.status, body: text ? JSON.parse(text) : null, text };
  }
}

/** Where each needle was found; the scan passes when nothing is, outside where the data legitimately lives. */
export class Findings {
  readonly found: string[] = [];

  constructor(private readonly needles: readonly string[]) {}

  search(where: string, text: string): void {
    for (const needle of this.needles) if (text.includes(needle)) this.found.push(`${needle} in ${where}`);
  }
}

/** Every topic of the namespace, the dead-letter topics included, from the beginning: the topics and messages read. */
export async function scanNamespaceTopics(
  namespace: string,
  findings: Findings,
): Promise<{ topics: string[]; messages: number }> {
  const quiet = { debug: () => undefined, info: () => undefined, warn: () => undefined, error: () => undefined };
  const kafka = createKafka(kafkaBrokers(), 'pii-scan', quiet);
  const admin = kafka.admin();
  await admin.connect();
  const ofRun = (topic: string) => topic.startsWith(`${namespace}.`) || topic.includes(`.${namespace}.`);
  const topics = (await admin.listTopics()).filter(ofRun).sort();
  await admin.disconnect();
  let messages = 0;
  for (const topic of topics) {
    messages += await scanTopic(kafka, topic, (message) => {
      findings.search(`${topic} message ${message.offset}`, message.value?.toString('utf8') ?? '');
      findings.search(`${topic} headers`, JSON.stringify(message.headers ?? {}));
    });
  }
  return { topics, messages };
}

/** Every row of every table of the database but the ones named (`schema.table`): the tables searched. */
export async function scanTables(databaseUrl: string, findings: Findings, except: string[] = []): Promise<string[]> {
  const client = new Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const { rows: tables } = await client.query<{ name: string }>(
      `SELECT table_schema || '.' || table_name AS name FROM information_schema.tables
        WHERE table_type = 'BASE TABLE' AND table_schema NOT IN ('pg_catalog', 'information_schema')
        ORDER BY 1`,
    );
    const searched = tables.map((t) => t.name).filter((name) => !except.includes(name));
    for (const name of searched) {
      const { rows } = await client.query<{ row: string }>(`SELECT row_to_json(t)::text AS row FROM ${name} t`);
      for (const { row } of rows) findings.search(`table ${name}`, row);
    }
    return searched;
  } finally {
    await client.end();
  }
}

/** The rows of one table, as JSON text: for the positive control, where the data legitimately lives. */
export async function tableText(databaseUrl: string, table: string): Promise<string> {
  const client = new Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const { rows } = await client.query(`SELECT * FROM ${table}`);
    return JSON.stringify(rows);
  } finally {
    await client.end();
  }
}
