import { createTestDatabase, TestDatabase } from '@cx/testing';
import { Client } from 'pg';
import { createPool } from './database';

describe('the service pool when the database ends a connection (restart, failover)', () => {
  let database: TestDatabase;

  beforeAll(async () => {
    database = await createTestDatabase('pool');
  });

  afterAll(async () => {
    await database?.drop();
  });

  it('fails the work of a checked-out connection without ending the process, then serves on a new one', async () => {
    const pool = createPool(database.url, 'pool-spec');
    const admin = new Client({ connectionString: database.url });
    await admin.connect();
    try {
      const tx = await pool.connect();
      await tx.query('BEGIN');
      const [{ pid }] = (await tx.query<{ pid: number }>('SELECT pg_backend_pid() AS pid')).rows;
      const ended = new Promise((resolve) => tx.once('end', resolve));
      // What a fast shutdown does to every session: FATAL 57P01, then the connection closes.
      await admin.query('SELECT pg_terminate_backend($1)', [pid]);
      await ended;
      await expect(tx.query('COMMIT')).rejects.toThrow();
      tx.release();
      expect((await pool.query<{ one: number }>('SELECT 1 AS one')).rows).toEqual([{ one: 1 }]);
    } finally {
      await admin.end();
      await pool.end();
    }
  });
});
