import { DEFAULT_TOKEN_AUDIENCE, DEFAULT_TOKEN_ISSUER } from '@cx/auth';
/** What a service reads from its environment (README, "Configuration"). */
export interface ServiceConfig {
  serviceName: string;
  port: number;
  databaseUrl: string;
  kafkaBrokers: string[];
  /** Empty in production; tests set it so their topics and consumer groups stay apart on a shared broker. */
  topicNamespace: string;
  jwtSecret: string;
  /** Expected `iss` and `aud` of bearer tokens. */
  jwtIssuer: string;
  jwtAudience: string;
  logLevel: string;
  /**
   * Events a consumer applies in one transaction (500). Fewer: shorter transactions, which hold back every relay
   * of the Postgres cluster for less time (pg_snapshot_xmin); more: fewer commits.
   */
  consumerEventsPerTransaction: number;
}

export const DEV_JWT_SECRET = 'cx-dev-secret-not-for-production';
const DEFAULT_SERVER_URL = 'postgres://postgres@127.0.0.1:5432/postgres';

export function loadServiceConfig(
  serviceName: string,
  defaultPort: number,
  env: NodeJS.ProcessEnv = process.env,
): ServiceConfig {
  const upper = serviceName.toUpperCase();
  const secret = env.AUTH_JWT_SECRET ?? (env.NODE_ENV === 'production' ? undefined : DEV_JWT_SECRET);
  if (!secret) throw new Error('AUTH_JWT_SECRET must be set in production');
  return {
    serviceName,
    port: parsePort(env.PORT, defaultPort),
    databaseUrl:
      env[`${upper}_DATABASE_URL`] ?? serviceDatabaseUrl(env.DATABASE_URL ?? DEFAULT_SERVER_URL, serviceName),
    kafkaBrokers: (env.KAFKA_BROKERS ?? '127.0.0.1:9092')
      .split(',')
      .map((b) => b.trim())
      .filter(Boolean),
    topicNamespace: env.KAFKA_TOPIC_NAMESPACE ?? '',
    jwtSecret: secret,
    jwtIssuer: env.AUTH_JWT_ISSUER ?? DEFAULT_TOKEN_ISSUER,
    jwtAudience: env.AUTH_JWT_AUDIENCE ?? DEFAULT_TOKEN_AUDIENCE,
    logLevel: env.LOG_LEVEL ?? 'info',
    consumerEventsPerTransaction: parsePositiveInteger(
      'CONSUMER_EVENTS_PER_TRANSACTION',
      env.CONSUMER_EVENTS_PER_TRANSACTION,
      500,
    ),
  };
}

/** DATABASE_URL names the server; each service uses its own database `cx_<service>` on it. */
export function serviceDatabaseUrl(serverUrl: string, serviceName: string): string {
  const url = new URL(serverUrl);
  url.pathname = `/cx_${serviceName.replace(/-/g, '_')}`;
  return url.toString();
}

function parsePositiveInteger(name: string, value: string | undefined, fallback: number): number {
  if (value === undefined || value === '') return fallback;
  const number = Number(value);
  if (!Number.isInteger(number) || number < 1) throw new Error(`${name} "${value}" is not a positive integer`);
  return number;
}

function parsePort(value: string | undefined, fallback: number): number {
  if (value === undefined || value === '') return fallback;
  const port = Number(value);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`PORT "${value}" is not a port number`);
  return port;
}
