// Makes sure Postgres and a Kafka broker answer, for `npm start` and `npm test`.
// Order of preference: what is configured or already running; else a Docker engine (testcontainers);
// else local processes (the machine's Postgres, a Kafka broker from deploy/local/kafka).
// Returns the environment the services and tests need, and a stop() for what this call started.
import { execFile, spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import path from 'node:path';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const here = path.dirname(fileURLToPath(import.meta.url));
const KAFKA_SCRIPT = path.join(here, 'kafka', 'kafka.sh');
const DEFAULT_DATABASE_URL = 'postgres://postgres@127.0.0.1:5432/postgres';
const DEFAULT_BROKERS = '127.0.0.1:9092';
// The broker the testcontainers path starts; Kafka 4.x in KRaft mode, as the local path.
const KAFKA_IMAGE = 'apache/kafka:4.4.0';
const POSTGRES_IMAGE = 'postgres:15-alpine';

export async function ensureInfrastructure({ log = console.log } = {}) {
  const env = {};
  const stops = [];
  const stop = async () => {
    for (const s of stops.reverse()) await s().catch((e) => log(`infra: stop failed: ${e.message}`));
  };
  try {
    const databaseUrl = process.env.DATABASE_URL ?? DEFAULT_DATABASE_URL;
    if (await postgresAnswers(databaseUrl)) {
      log(`infra: Postgres answers at ${redact(databaseUrl)}`);
    } else if (!process.env.DATABASE_URL && (await dockerEngineAnswers())) {
      const { PostgreSqlContainer } = require('@testcontainers/postgresql');
      log(`infra: starting Postgres container (${POSTGRES_IMAGE})`);
      const container = await new PostgreSqlContainer(POSTGRES_IMAGE)
        .withUsername('postgres')
        .withPassword('postgres')
        .start();
      env.DATABASE_URL = container.getConnectionUri().replace(/\/[^/]*$/, '/postgres');
      stops.push(() => container.stop());
    } else {
      throw new Error(
        `Postgres does not answer at ${redact(databaseUrl)}. Start it (e.g. pg_ctlcluster --skip-systemctl-redirect 15 main start) or set DATABASE_URL.`,
      );
    }

    const brokers = process.env.KAFKA_BROKERS ?? DEFAULT_BROKERS;
    if (await kafkaAnswers(brokers)) {
      log(`infra: Kafka answers at ${brokers}`);
    } else if (process.env.KAFKA_BROKERS) {
      throw new Error(`Kafka does not answer at KAFKA_BROKERS=${brokers}`);
    } else if (await dockerEngineAnswers()) {
      const { GenericContainer, Wait } = require('testcontainers');
      log(`infra: starting Kafka container (${KAFKA_IMAGE})`);
      const container = await new GenericContainer(KAFKA_IMAGE)
        .withExposedPorts({ container: 9092, host: 9092 })
        .withWaitStrategy(Wait.forLogMessage(/Kafka Server started/))
        .start();
      stops.push(() => container.stop());
    } else {
      log('infra: no broker answers on 127.0.0.1:9092; starting a local Kafka broker (deploy/local/kafka)');
      await run(KAFKA_SCRIPT, ['start']);
      stops.push(() => run(KAFKA_SCRIPT, ['stop']));
    }
    return { env, stop };
  } catch (error) {
    await stop();
    throw error;
  }
}

export async function postgresAnswers(url) {
  const { Client } = require('pg');
  const client = new Client({ connectionString: url, connectionTimeoutMillis: 3000 });
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

export async function kafkaAnswers(brokers) {
  const { Kafka, logLevel } = require('kafkajs');
  const kafka = new Kafka({
    clientId: 'cx-infra-check',
    brokers: brokers.split(','),
    logLevel: logLevel.NOTHING,
    connectionTimeout: 2000,
    retry: { retries: 0 },
  });
  const admin = kafka.admin();
  try {
    await admin.connect();
    await admin.describeCluster();
    return true;
  } catch {
    return false;
  } finally {
    await admin.disconnect().catch(() => undefined);
  }
}

function dockerEngineAnswers() {
  return new Promise((resolve) => {
    execFile('docker', ['info', '--format', '{{.ServerVersion}}'], { timeout: 5000 }, (error) => resolve(!error));
  });
}

function run(command, args) {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { stdio: 'inherit' });
    child.on('error', reject);
    child.on('exit', (code) =>
      code === 0 ? resolve() : reject(new Error(`${command} ${args.join(' ')} exited with ${code}`)),
    );
  });
}

function redact(url) {
  return url.replace(/\/\/([^:@/]+):[^@/]+@/, '//$1:***@');
}
