import { randomBytes } from 'node:crypto';
import { Client } from 'pg';
import { ensureDatabase } from '@cx/event-store';
import { loadServiceConfig, ServiceConfig, serviceDatabaseUrl } from '@cx/platform';

/**
 * Tests share one Postgres server and one broker (started by `npm test`); each test file gets its own
 * database and topic namespace, so files can run side by side and reruns start clean.
 */
export function uniqueSuffix(): string {
  return randomBytes(4).toString('hex');
}

export function serverUrl(): string {
  return process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
}

export function kafkaBrokers(): string[] {
  return (process.env.KAFKA_BROKERS ?? '127.0.0.1:9092').split(',');
}

export interface TestDatabase {
  url: string;
  drop(): Promise<void>;
}

export async function createTestDatabase(label: string): Promise<TestDatabase> {
  const url = serviceDatabaseUrl(serverUrl(), `test_${label}_${uniqueSuffix()}`);
  await ensureDatabase(url);
  return {
    url,
    drop: async () => {
      const admin = new Client({ connectionString: serverUrl() });
      await admin.connect();
      try {
        const name = new URL(url).pathname.slice(1);
        // pg's Pool.end() resolves before its clients have gone: give them a moment, so that forcing the drop does
        // not terminate a closing connection whose pool has no error listener any more (an unhandled error).
        for (let waited = 0; waited < 3_000; waited += 50) {
          const { rows } = await admin.query('SELECT count(*)::int AS n FROM pg_stat_activity WHERE datname = $1', [
            name,
          ]);
          if (rows[0].n === 0) break;
          await new Promise((resolve) => setTimeout(resolve, 50));
        }
        await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      } finally {
        await admin.end();
      }
    },
  };
}

/** A service configuration pointing at a fresh test database and a fresh topic namespace. */
export async function testServiceConfig(
  serviceName: string,
  overrides: Partial<ServiceConfig> = {},
): Promise<{ config: ServiceConfig; database: TestDatabase }> {
  const database = await createTestDatabase(serviceName);
  const config = {
    ...loadServiceConfig(serviceName, 0, {}),
    databaseUrl: database.url,
    kafkaBrokers: kafkaBrokers(),
    topicNamespace: `t${uniqueSuffix()}`,
    logLevel: process.env.TEST_LOG_LEVEL ?? 'silent',
    ...overrides,
  };
  return { config, database };
}

/** Waits until the assertion passes (or the time runs out, then rethrows its last failure). */
export async function eventually<T>(assertion: () => Promise<T> | T, timeoutMs = 20_000, intervalMs = 100): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      return await assertion();
    } catch (error) {
      if (Date.now() > deadline) throw error;
      await new Promise((resolve) => setTimeout(resolve, intervalMs));
    }
  }
}
