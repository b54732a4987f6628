import { Client, Pool } from 'pg';
import { DataSource, MigrationInterface } from 'typeorm';

type MigrationClass = new () => MigrationInterface;

/** Each service owns its database and creates it on first start. */
export async function ensureDatabase(databaseUrl: string): Promise<void> {
  const target = new URL(databaseUrl);
  const name = decodeURIComponent(target.pathname.slice(1));
  if (!/^[a-z_][a-z0-9_]*$/.test(name)) throw new Error(`Refusing to create a database named "${name}"`);
  const admin = new URL(databaseUrl);
  admin.pathname = '/postgres';
  const client = new Client({ connectionString: admin.toString() });
  await client.connect();
  try {
    const { rowCount } = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [name]);
    if (rowCount === 0) {
      await client.query(`CREATE DATABASE ${name}`).catch((error: { code?: string }) => {
        // Two processes creating the same database at once: the loser finds it there, which is fine.
        if (error.code !== '42P04' && error.code !== '23505') throw error;
      });
    }
  } finally {
    await client.end();
  }
}

/** Runs the migrations (never `synchronize`) in one transaction each; returns the names it applied. */
export async function migrateDatabase(databaseUrl: string, migrations: readonly MigrationClass[]): Promise<string[]> {
  const dataSource = new DataSource({
    type: 'postgres',
    url: databaseUrl,
    migrations: [...migrations],
    migrationsTableName: 'schema_migrations',
    migrationsTransactionMode: 'each',
    logging: false,
  });
  await dataSource.initialize();
  try {
    const applied = await dataSource.runMigrations({ transaction: 'each' });
    return applied.map((m) => m.name);
  } finally {
    await dataSource.destroy();
  }
}

/** `applicationName` shows in pg_stat_activity, so operators can tell whose connections they see. */
export function createPool(databaseUrl: string, applicationName: string, max = 10): Pool {
  const pool = new Pool({ connectionString: databaseUrl, max, application_name: applicationName });
  // A connection can die while it is checked out (database restart). pg then rejects the query in flight, which
  // its caller handles, and also emits 'error' on the client, which pg-pool listens to only while the client is
  // idle: unheard, that event would end the process. A dead client is dropped when it is released.
  pool.on('connect', (client) => client.on('error', () => undefined));
  return pool;
}

/** Socket errors and server codes meaning the database cannot serve now (down, restarting, out of connections). */
const UNREACHABLE_SOCKET_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EPIPE', 'EHOSTUNREACH']);
const UNAVAILABLE_SERVER_CODES = /^(08...|57P0[123]|53300)$/;
/** pg's own errors for a lost connection carry no code, only these messages. */
const LOST_CONNECTION_MESSAGES = [
  'Connection terminated',
  'Client has encountered a connection error and is not queryable',
  'timeout exceeded when trying to connect',
];

/**
 * True when an error says the database is unreachable or refusing sessions, not that the request was wrong:
 * the caller may answer "try again later" (HTTP 503) instead of reporting an internal error.
 */
export function isDatabaseUnavailable(error: unknown): boolean {
  const e = error as { code?: unknown; message?: unknown } | null;
  if (typeof e?.code === 'string') return UNREACHABLE_SOCKET_CODES.has(e.code) || UNAVAILABLE_SERVER_CODES.test(e.code);
  return typeof e?.message === 'string' && LOST_CONNECTION_MESSAGES.some((m) => (e.message as string).startsWith(m));
}
