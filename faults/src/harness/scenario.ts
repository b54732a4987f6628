import { Role, signToken } from '@cx/auth';
import { deadLetterTopic, namespacedTopic, Topics } from '@cx/contracts';
import { createKafka } from '@cx/messaging';
import { ServiceProcess } from '@cx/testing';
import { randomBytes } from 'node:crypto';
import type { Kafka } from 'kafkajs';
import path from 'node:path';
import { Client, Pool, QueryResultRow } from 'pg';
import { FaultInfrastructure, LOG_DIR } from './infrastructure';

/** The services the scenarios run as processes. */
export type ServiceName = 'complaints' | 'projections';

const silent = { debug: () => undefined, info: () => undefined, warn: () => undefined, error: () => undefined };

export interface ServiceOptions {
  /** Brokers the service connects to; default the broker itself (a scenario may put its TCP proxy between). */
  brokers?: string[];
  instance?: string;
  env?: Record<string, string>;
}

/**
 * One scenario's world on the suite's broker and Postgres: its own topic namespace (so its own topics and
 * consumer groups), its own complaints and projections databases, the services it started, and SQL access.
 */
export class Scenario {
  readonly infra = new FaultInfrastructure();
  readonly namespace: string;
  readonly jwtSecret = randomBytes(24).toString('hex');
  readonly kafka: Kafka;
  private readonly services: ServiceProcess[] = [];
  private readonly pools = new Map<ServiceName, Pool>();
  private readonly sessions: Client[] = [];

  constructor(label: string) {
    this.namespace = `f${label.replace(/[^a-z0-9]/g, '')}${randomBytes(3).toString('hex')}`;
    this.kafka = createKafka(this.infra.kafka.brokers, `faults-${label}`, silent);
  }

  /** The complaints topic of this scenario. */
  get topic(): string {
    return namespacedTopic(Topics.complaints, this.namespace);
  }

  /** The projections' consumer group, as the service names it under a namespace. */
  get projectionsGroup(): string {
    return `${this.namespace}.projections`;
  }

  get projectionsDeadLetterTopic(): string {
    return deadLetterTopic(this.projectionsGroup);
  }

  databaseUrl(service: ServiceName): string {
    return this.infra.postgres.databaseUrl(`cx_${this.namespace}_${service}`);
  }

  token(...roles: Role[]): string {
    return signToken({ sub: 'fault-injector', name: 'Fault injector', roles }, this.jwtSecret);
  }

  start(name: ServiceName, options: ServiceOptions = {}): Promise<ServiceProcess> {
    return ServiceProcess.start({
      name,
      databaseUrl: this.databaseUrl(name),
      brokers: options.brokers ?? this.infra.kafka.brokers,
      namespace: this.namespace,
      jwtSecret: this.jwtSecret,
      instance: options.instance,
      // Load without the per-caller write limit; warnings only, the log files are for failures.
      env: { LOG_LEVEL: 'warn', RATE_LIMIT_WRITES_PER_MINUTE: '1000000', ...options.env },
      logDir: path.join(LOG_DIR, 'services'),
    }).then((service) => {
      this.services.push(service);
      return service;
    });
  }

  async sql<Row extends QueryResultRow>(service: ServiceName, text: string, values: unknown[] = []): Promise<Row[]> {
    let pool = this.pools.get(service);
    if (!pool) {
      pool = new Pool({ connectionString: this.databaseUrl(service), max: 4 });
      // The suite restarts Postgres: a dropped idle connection is replaced on the next query.
      pool.on('error', () => undefined);
      this.pools.set(service, pool);
    }
    return (await pool.query<Row>(text, values)).rows;
  }

  /** A connection of its own, for a transaction the test holds open (a lock, a transaction id). */
  async session(service: ServiceName): Promise<Client> {
    const client = new Client({ connectionString: this.databaseUrl(service) });
    client.on('error', () => undefined);
    await client.connect();
    this.sessions.push(client);
    return client;
  }

  /** Whether a session of the database waits on a lock in a statement starting with `statement`. */
  async waitingOnLock(service: ServiceName, statement: string): Promise<boolean> {
    const [{ n }] = await this.sql<{ n: string }>(
      service,
      `SELECT count(*) AS n FROM pg_stat_activity
        WHERE datname = current_database() AND wait_event_type = 'Lock' AND query LIKE $1`,
      [`${statement}%`],
    );
    return Number(n) > 0;
  }

  /**
   * Ends the database sessions of a service that was killed. A backend waiting on a lock does not notice that its
   * client died: Postgres would complete the dead process's last statement once the lock is free.
   */
  async endSessionsOf(service: ServiceName): Promise<void> {
    await this.sql(
      service,
      `SELECT pg_terminate_backend(pid) FROM pg_stat_activity
        WHERE datname = current_database() AND application_name LIKE $1`,
      [`cx-${service}%`],
    );
  }

  /** The complaints topic's end offset (high watermark) per partition. */
  async topicEnds(): Promise<Map<number, bigint>> {
    const admin = this.kafka.admin();
    await admin.connect();
    try {
      const offsets = await admin.fetchTopicOffsets(this.topic);
      return new Map(offsets.map((p) => [p.partition, BigInt(p.high)]));
    } finally {
      await admin.disconnect();
    }
  }

  /** How many messages the complaints topic holds. */
  async published(): Promise<number> {
    return Number([...(await this.topicEnds()).values()].reduce((sum, end) => sum + end, 0n));
  }

  /** How many members the projections' consumer group has now. */
  async projectionsGroupMembers(): Promise<number> {
    const admin = this.kafka.admin();
    await admin.connect();
    try {
      const { groups } = await admin.describeGroups([this.projectionsGroup]);
      return groups[0].members.length;
    } finally {
      await admin.disconnect();
    }
  }

  /** Stops every service it started (SIGCONT first, for a frozen one) and closes its connections. */
  async close(): Promise<void> {
    await Promise.all(this.sessions.map((s) => s.end().catch(() => undefined)));
    await Promise.all(this.services.map((s) => s.close()));
    await Promise.all([...this.pools.values()].map((p) => p.end()));
  }
}
