import { namespacedTopic } from '@cx/contracts';
import { createPool, ensureDatabase, migrateDatabase } from '@cx/event-store';
import { createKafka, ensureTopics } from '@cx/messaging';
import { createLogger, loadServiceConfig } from '@cx/platform';
import { RebuildProgress, rebuildProjection } from './infrastructure/rebuild/projection-rebuild';
import { projectionMigrations } from './infrastructure/projection-migrations';
import { projections } from './projections/projections';

const BAR_WIDTH = 30;

/** `npm run rebuild -- <projection>`: rebuilds one projection from the topics while the service runs. */
async function main(): Promise<number> {
  const name = process.argv[2];
  const projection = projections.find((p) => p.name === name);
  if (!projection) {
    process.stderr.write(
      `usage: npm run rebuild -- <projection>\nprojections: ${projections.map((p) => p.name).join(', ')}\n`,
    );
    return 2;
  }
  const config = loadServiceConfig('projections', 3006);
  const logger = createLogger('projections-rebuild', config.logLevel);
  await ensureDatabase(config.databaseUrl);
  await migrateDatabase(config.databaseUrl, projectionMigrations);
  const pool = createPool(config.databaseUrl, 'projections-rebuild');
  pool.on('error', (error) => logger.warn({ err: error }, 'idle database connection failed'));
  const kafka = createKafka(config.kafkaBrokers, 'projections-rebuild', logger);
  const topics = projection.topics.map((topic) => namespacedTopic(topic, config.topicNamespace));
  const started = Date.now();
  try {
    await ensureTopics(
      kafka,
      topics.map((topic) => ({ topic })),
    );
    const result = await rebuildProjection({
      pool,
      kafka,
      projection,
      topics,
      onProgress: progressBar(projection.name),
    });
    const seconds = ((Date.now() - started) / 1000).toFixed(1);
    process.stderr.write(
      `\n${projection.name}: ${result.applied} events applied, ${result.skipped} invalid messages passed over ` +
        `(the live consumer dead-letters them), ${result.tables.join(', ')} swapped in after ${seconds} s\n`,
    );
    return 0;
  } finally {
    await pool.end();
  }
}

/** A bar redrawn in place on a terminal; in a log (CI) a line per tenth, so the log stays readable. */
function progressBar(name: string): (progress: RebuildProgress) => void {
  let lastTenth = -1;
  return ({ done, total }) => {
    const share = total === 0 ? 1 : done / total;
    const line = `${name} [${'#'.repeat(Math.round(share * BAR_WIDTH)).padEnd(BAR_WIDTH, '.')}] ${(share * 100).toFixed(0).padStart(3)}% ${done}/${total} events`;
    if (process.stderr.isTTY) {
      process.stderr.write(`\r${line}`);
    } else if (Math.floor(share * 10) > lastTenth) {
      lastTenth = Math.floor(share * 10);
      process.stderr.write(`${line}\n`);
    }
  };
}

main().then(
  (code) => process.exit(code),
  (error: Error) => {
    process.stderr.write(`\nrebuild failed: ${error.stack ?? error.message}\n`);
    process.exit(1);
  },
);
