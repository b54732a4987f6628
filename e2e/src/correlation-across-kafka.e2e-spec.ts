import { signToken } from '@cx/auth';
import {
  eventually,
  ServiceProcess,
  startServiceProcess,
  stopServiceProcess,
  testServiceConfig,
  TestDatabase,
} from '@cx/testing';

/**
 * One correlation id from the HTTP request to the consumer's log: complaints and projections run as processes
 * at debug level; the projections consumer's line for the event carries the filing request's X-Correlation-Id.
 */
describe('the correlation id of a request reaches the log lines of the consumers of its events', () => {
  const databases: TestDatabase[] = [];
  const services: ServiceProcess[] = [];
  let complaints: ServiceProcess;
  let projections: ServiceProcess;
  let secret: string;

  beforeAll(async () => {
    const namespace = `t${Date.now().toString(36)}corr`;
    for (const name of ['complaints', 'projections']) {
      const { config, database } = await testServiceConfig(name, { topicNamespace: namespace });
      databases.push(database);
      secret = config.jwtSecret;
      services.push(await startServiceProcess(config, { LOG_LEVEL: 'debug' }));
    }
    [complaints, projections] = services;
  }, 120_000);

  afterAll(async () => {
    for (const service of services) await stopServiceProcess(service);
    for (const database of databases) await database.drop();
  });

  it('logs the applied event in projections with the correlation id of the request that filed it', async () => {
    const correlationId = `call-centre-${Date.now()}`;
    const response = await fetch(`${complaints.url}/v1/complaints`, {
      method: 'POST',
      headers: {
        authorization: `Bearer ${signToken({ sub: 'agent-1', name: 'Agent', roles: ['agent'] }, secret)}`,
        'content-type': 'application/json',
        'x-correlation-id': correlationId,
      },
      body: JSON.stringify({
        customerId: 'subj_7Hq2kLm9Xa',
        project: 'SH-PUDONG-07',
        region: 'east-china',
        category: 'delivery',
        severity: 'critical',
        channel: 'ceo_direct',
        description: 'Handover postponed twice',
      }),
    });
    expect(response.status).toBe(201);
    const { complaintId } = (await response.json()) as { complaintId: string };

    const applied = await eventually(() => {
      const line = projections.logLines().find((l) => l.msg === 'event applied' && l.streamId === complaintId);
      if (!line) throw new Error('projections has not logged the event yet');
      return line;
    }, 30_000);
    expect(applied).toMatchObject({ service: 'projections', type: 'ComplaintFiled', correlationId });
    expect(complaints.logLines()).toContainEqual(
      expect.objectContaining({ msg: 'http', route: '/v1/complaints', correlationId }),
    );
  });
});
