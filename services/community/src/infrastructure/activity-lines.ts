import { Inject, Injectable, OnApplicationShutdown } from '@nestjs/common';
import { createPool } from '@cx/event-store';
import { LOGGER, SERVICE_CONFIG, ServiceConfig } from '@cx/platform';
import type { Pool } from 'pg';
import type { Logger } from 'pino';

/** Advisory lock class of activity lines; single-key locks (the relay's) live in another key space. */
const ACTIVITY_LINE = 4004;
/** Connections that hold places in line, apart from the service's pool, so that holders always find one to work. */
const LINE_CONNECTIONS = 5;

/**
 * Commands on one activity take turns, in the order they arrive: inside this process a promise chain per
 * activity, across instances a transaction-scoped advisory lock, whose waiters Postgres serves first come,
 * first served. Without it, an instance that keeps appending wins every race against one that retries after a
 * conflict, and a rush of registrations starves the other instance's requests. The expected version of each
 * append stays the guarantee that capacity holds; the line only makes the order fair and conflicts rare.
 */
@Injectable()
export class ActivityLines implements OnApplicationShutdown {
  private readonly tails = new Map<string, Promise<unknown>>();
  private readonly locks: Pool;

  constructor(@Inject(SERVICE_CONFIG) config: ServiceConfig, @Inject(LOGGER) logger: Logger) {
    this.locks = createPool(config.databaseUrl, `cx-${config.serviceName}-activity-lines`, LINE_CONNECTIONS);
    this.locks.on('error', (error) => logger.warn({ err: error }, 'idle activity line connection lost'));
  }

  run<T>(activityId: string, work: () => Promise<T>): Promise<T> {
    const result = (this.tails.get(activityId) ?? Promise.resolve()).then(() => this.holdingTheLine(activityId, work));
    const tail = result.catch(() => undefined);
    this.tails.set(activityId, tail);
    void tail.then(() => {
      if (this.tails.get(activityId) === tail) this.tails.delete(activityId);
    });
    return result;
  }

  async onApplicationShutdown(): Promise<void> {
    await this.locks.end();
  }

  private async holdingTheLine<T>(activityId: string, work: () => Promise<T>): Promise<T> {
    const client = await this.locks.connect();
    try {
      await client.query('BEGIN');
      await client.query('SELECT pg_advisory_xact_lock($1, hashtext($2))', [ACTIVITY_LINE, activityId]);
      return await work();
    } finally {
      // Ending the transaction releases the lock; a connection that cannot end it is dropped, which does too.
      await client.query('ROLLBACK').then(
        () => client.release(),
        (error: Error) => client.release(error),
      );
    }
  }
}
