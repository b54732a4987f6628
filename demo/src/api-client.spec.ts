import { createServer, Server } from 'node:http';
import { AddressInfo } from 'node:net';
import { ApiClient, serviceUrls } from './api-client';

/** A real HTTP server that refuses the first writes with 429, as the platform's rate limit does. */
describe('the API client', () => {
  let server: Server;
  let url: string;
  const seen: { key?: string; ifMatch?: string }[] = [];

  beforeAll(async () => {
    server = createServer((request, response) => {
      seen.push({ key: request.headers['idempotency-key'] as string, ifMatch: request.headers['if-match'] as string });
      if (seen.length <= 2) {
        response.writeHead(429, { 'retry-after': '3', 'content-type': 'application/problem+json' });
        response.end(JSON.stringify({ status: 429, detail: 'At most 600 writes per 60 s' }));
        return;
      }
      response.writeHead(201, { 'content-type': 'application/json', 'idempotent-replayed': 'true' });
      response.end(JSON.stringify({ complaintId: 'c-1' }));
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });

  afterAll(() => new Promise((resolve) => server.close(resolve)));

  it('waits the Retry-After of a 429 and sends the same request again, key and version included', async () => {
    const waits: number[] = [];
    const throttled: number[] = [];
    const api = new ApiClient(
      { ...serviceUrls({}), complaints: url },
      { secret: 'secret' },
      (_, seconds) => throttled.push(seconds),
      async (ms) => void waits.push(ms),
    );
    const answer = await api.call('complaints', 'POST', '/v1/complaints', {
      as: { sub: 'u', name: 'U', roles: ['agent'] },
      body: {},
      idempotencyKey: 'cx-demo.s.complaint.1',
      ifMatch: 3,
    });
    expect(answer).toEqual({ status: 201, body: { complaintId: 'c-1' }, replayed: true });
    expect({ waits, throttled, throttledMs: api.throttledMs }).toEqual({
      waits: [3000, 3000],
      throttled: [3, 3],
      throttledMs: 6000,
    });
    expect(seen).toEqual(Array(3).fill({ key: 'cx-demo.s.complaint.1', ifMatch: '"3"' }));
  });

  it('takes each service URL from <SERVICE>_URL or _PORT, else the contract port', () => {
    const urls = serviceUrls({ COMPLAINTS_URL: 'http://cx:9000/', SURVEYS_PORT: '4102' });
    expect([urls.complaints, urls.surveys, urls.projections]).toEqual([
      'http://cx:9000',
      'http://127.0.0.1:4102',
      'http://127.0.0.1:3006',
    ]);
  });
});
