import { namespacedTopic, Topics } from '@cx/contracts';
import { createKafka } from '@cx/messaging';
import {
  eventually,
  kafkaBrokers,
  ServiceProcess,
  startServiceProcess,
  stopServiceProcess,
  TestDatabase,
  testServiceConfig,
} from '@cx/testing';
import { Client } from 'pg';
import { ApiClient, SERVICES, ServiceName, ServiceUrls } from './api-client';

const WRITERS = ['complaints', 'surveys', 'campaigns', 'community', 'confidentiality'] as const;

/** Every service the demo loader calls, running as `npm start` runs it, with the loader's API client on them. */
export interface DemoServices {
  api: ApiClient;
  urls: ServiceUrls;
  processes: Record<ServiceName, ServiceProcess>;
  jwtSecret: string;
  topicNamespace: string;
  /** Every recorded event published, and every consumer that counts (projections, survey follow-ups) caught up. */
  settled(): Promise<void>;
  stop(): Promise<void>;
}

/**
 * The six services as processes (their built main.js), each on a test database of its own, all on one topic
 * namespace: what the demo's tests and the dashboard's browser test load the demo data into.
 */
export async function startDemoServices(topicNamespace: string): Promise<DemoServices> {
  const processes: Partial<Record<ServiceName, ServiceProcess>> = {};
  const databases: TestDatabase[] = [];
  const databaseUrls: Partial<Record<ServiceName, string>> = {};
  const urls: Partial<ServiceUrls> = {};
  let jwtSecret = '';
  const stop = async () => {
    for (const service of Object.values(processes).reverse()) await stopServiceProcess(service);
    for (const database of databases) await database.drop();
  };
  try {
    for (const name of SERVICES) {
      const { config, database } = await testServiceConfig(name, { topicNamespace });
      databases.push(database);
      databaseUrls[name] = config.databaseUrl;
      jwtSecret = config.jwtSecret;
      processes[name] = await startServiceProcess(config);
      urls[name] = processes[name].url;
    }
  } catch (error) {
    await stop();
    throw error;
  }

  const eventCount = async (service: ServiceName) => {
    const client = new Client({ connectionString: databaseUrls[service] });
    await client.connect();
    try {
      return Number((await client.query('SELECT count(*) FROM events')).rows[0].count);
    } finally {
      await client.end();
    }
  };
  const recordedEvents = async () => {
    let total = 0;
    for (const writer of WRITERS) total += await eventCount(writer);
    return total;
  };

  const settled = async () => {
    const quiet = { debug: () => undefined, info: () => undefined, warn: () => undefined, error: () => undefined };
    const admin = createKafka(kafkaBrokers(), 'demo-settled', quiet).admin();
    await admin.connect();
    const consumers = [
      { group: 'projections', topics: WRITERS.map((w) => namespacedTopic(Topics[w], topicNamespace)) },
      { group: 'complaints.survey-follow-ups', topics: [namespacedTopic(Topics.surveys, topicNamespace)] },
    ];
    try {
      // A follow-up complaint is a new event after the consumers caught up: settled when a pass finds none.
      let before = -1;
      for (
        let recorded = await recordedEvents();
        recorded !== before;
        before = recorded, recorded = await recordedEvents()
      ) {
        for (const writer of WRITERS) {
          const count = await eventCount(writer);
          await eventually(async () => {
            const offsets = await admin.fetchTopicOffsets(namespacedTopic(Topics[writer], topicNamespace));
            expect(offsets.reduce((sum, p) => sum + Number(p.high), 0)).toBeGreaterThanOrEqual(count);
          }, 60_000);
        }
        for (const { group, topics } of consumers) {
          await eventually(async () => {
            const committed = await admin.fetchOffsets({ groupId: `${topicNamespace}.${group}`, topics });
            for (const topic of topics) {
              for (const end of await admin.fetchTopicOffsets(topic)) {
                const at = committed
                  .find((c) => c.topic === topic)
                  ?.partitions.find((p) => p.partition === end.partition);
                expect({ group, topic, partition: end.partition, at: Math.max(Number(at?.offset ?? -1), 0) }).toEqual({
                  group,
                  topic,
                  partition: end.partition,
                  at: Number(end.high),
                });
              }
            }
          }, 90_000);
        }
      }
    } finally {
      await admin.disconnect();
    }
  };

  return {
    api: new ApiClient(urls as ServiceUrls, { secret: jwtSecret }),
    urls: urls as ServiceUrls,
    processes: processes as Record<ServiceName, ServiceProcess>,
    jwtSecret,
    topicNamespace,
    settled,
    stop,
  };
}
