import express from 'express';
import request from 'supertest';
import { securityHeaders, writeRateLimit } from './http-protection';

function appWith(limit: number, clock: { now: number }) {
  const app = express();
  app.use(securityHeaders());
  app.use(writeRateLimit({ limit, windowMs: 60_000 }, () => clock.now));
  app.all('/v1/things', (_request, response) => {
    response.json({ ok: true });
  });
  app.get('/docs', (_request, response) => {
    response.send('<html></html>');
  });
  return app;
}

describe('write rate limit', () => {
  it('answers 429 problem+json with Retry-After once a caller is over the limit, and only for writes', async () => {
    const clock = { now: 1_000_000 };
    const app = appWith(2, clock);
    const post = (token: string) => request(app).post('/v1/things').set('Authorization', `Bearer ${token}`);
    await post('a').expect(200);
    await post('a').expect(200);
    clock.now += 15_000;
    const refused = await post('a').expect(429);
    expect(refused.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(refused.headers['retry-after']).toBe('45');
    expect(JSON.parse(refused.text)).toMatchObject({ type: 'urn:cx:problem:too-many-requests', status: 429 });
    await request(app).get('/v1/things').set('Authorization', 'Bearer a').expect(200);
    await post('b').expect(200);
    clock.now += 45_000;
    await post('a').expect(200);
  });
});

describe('security headers', () => {
  it('forbids everything to a browser on API answers and lets the docs page load its own scripts', async () => {
    const app = appWith(10, { now: 0 });
    const api = await request(app).get('/v1/things').expect(200);
    expect(api.headers['content-security-policy']).toBe("default-src 'none';frame-ancestors 'none'");
    expect(api.headers['x-content-type-options']).toBe('nosniff');
    expect(api.headers['strict-transport-security']).toMatch(/max-age=/);
    expect(api.headers['x-frame-options']).toBe('SAMEORIGIN');
    const docs = await request(app).get('/docs').expect(200);
    expect(docs.headers['content-security-policy']).toMatch(/script-src 'self'/);
  });
});
