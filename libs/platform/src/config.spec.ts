import { readFileSync } from 'node:fs';
import path from 'node:path';
import { DEV_JWT_SECRET, loadServiceConfig } from './config';

describe('service configuration', () => {
  it('defaults to the contract port, the local server and a database of its own', () => {
    const config = loadServiceConfig('complaints', 3001, {});
    expect(config).toMatchObject({
      port: 3001,
      databaseUrl: 'postgres://postgres@127.0.0.1:5432/cx_complaints',
      kafkaBrokers: ['127.0.0.1:9092'],
      topicNamespace: '',
    });
  });

  it('takes PORT, DATABASE_URL (server) and a per-service database URL', () => {
    expect(
      loadServiceConfig('complaints', 3001, { PORT: '4001', DATABASE_URL: 'postgres://u:p@db:5432/x' }),
    ).toMatchObject({
      port: 4001,
      databaseUrl: 'postgres://u:p@db:5432/cx_complaints',
    });
    expect(
      loadServiceConfig('complaints', 3001, { COMPLAINTS_DATABASE_URL: 'postgres://u@db/complaints_prod' }).databaseUrl,
    ).toBe('postgres://u@db/complaints_prod');
  });

  it('refuses to start in production without a JWT secret, and rejects a bad port', () => {
    expect(() => loadServiceConfig('complaints', 3001, { NODE_ENV: 'production' })).toThrow(/AUTH_JWT_SECRET/);
    expect(() => loadServiceConfig('complaints', 3001, { PORT: 'eighty' })).toThrow(/PORT/);
  });

  it('applies 500 consumed events per transaction unless CONSUMER_EVENTS_PER_TRANSACTION says otherwise', () => {
    expect(loadServiceConfig('projections', 3006, {}).consumerEventsPerTransaction).toBe(500);
    expect(
      loadServiceConfig('projections', 3006, { CONSUMER_EVENTS_PER_TRANSACTION: '20' }).consumerEventsPerTransaction,
    ).toBe(20);
    for (const bad of ['0', '-5', '2.5', 'many']) {
      expect(() => loadServiceConfig('projections', 3006, { CONSUMER_EVENTS_PER_TRANSACTION: bad })).toThrow(
        /CONSUMER_EVENTS_PER_TRANSACTION/,
      );
    }
  });

  it('shares its development secret with `npm run token`', () => {
    const script = readFileSync(path.join(__dirname, '../../../scripts/token.mjs'), 'utf8');
    expect(script).toContain(`DEV_JWT_SECRET = '${DEV_JWT_SECRET}'`);
  });
});
