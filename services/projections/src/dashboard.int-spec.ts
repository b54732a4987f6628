import type { INestApplication } from '@nestjs/common';
import { Role, signToken } from '@cx/auth';
import { EventEnvelope, namespacedTopic, Topics } from '@cx/contracts';
import { createKafka, ensureTopics } from '@cx/messaging';
import type { ServiceConfig } from '@cx/platform';
import { eventually, testServiceConfig, TestDatabase } from '@cx/testing';
import { randomUUID } from 'node:crypto';
import { Partitioners, Producer } from 'kafkajs';
import type { AddressInfo } from 'node:net';
import { Pool } from 'pg';
import { createProjectionsApp } from './projections.app';

const silent = { debug: () => undefined, info: () => undefined, warn: () => undefined, error: () => undefined };

function filed(region: string, project: string, channel: string, hoursAgo: number): EventEnvelope {
  const complaintId = randomUUID();
  return {
    id: randomUUID(),
    type: 'ComplaintFiled',
    schemaVersion: 1,
    streamId: complaintId,
    streamType: 'Complaint',
    streamVersion: 1,
    position: '1',
    occurredAt: new Date().toISOString(),
    correlationId: 'dashboard-test',
    causationId: null,
    actor: { type: 'user', id: 'agent-1' },
    data: {
      complaintId,
      customerId: 'subj_7Hq2kLm9Xa',
      project,
      region,
      category: 'delivery',
      severity: 'critical',
      channel,
      escalationLevel: channel === 'ceo_direct' ? 'ceo_office' : 'frontline',
      filedAt: new Date(Date.now() - hoursAgo * 3_600_000).toISOString(),
    },
  };
}

/** Complaint ids of the CEO page's rows, in page order. */
const rowIds = (page: string) => [...page.matchAll(/<tr data-complaint-id="([0-9a-f-]+)"/g)].map((m) => m[1]);

describe('dashboard pages (real Kafka, real Postgres)', () => {
  let app: INestApplication;
  let config: ServiceConfig;
  let database: TestDatabase;
  let pool: Pool;
  let producer: Producer;
  let topic: string;
  let base: string;

  const east = filed('east-china', 'SH-PUDONG-07', 'ceo_direct', 5);
  const south = filed('south-china', 'GZ-TIANHE-02', 'ceo_direct', 3);
  const frontline = filed('east-china', 'SH-PUDONG-07', 'hotline', 4);

  const token = (roles: Role[], scope?: string) =>
    signToken({ sub: 'u-1', name: 'Dashboard user', roles, ...(scope ? { scope } : {}) }, config.jwtSecret);
  const signIn = (body: string, headers: Record<string, string> = { origin: base }) =>
    fetch(`${base}/dashboard/sign-in`, {
      method: 'POST',
      redirect: 'manual',
      headers: { 'content-type': 'application/x-www-form-urlencoded', ...headers },
      body,
    });
  /** The session cookie a sign-in sets, as the browser would send it back. */
  const session = async (roles: Role[], scope?: string) => {
    const response = await signIn(new URLSearchParams({ token: token(roles, scope) }).toString());
    expect(response.status).toBe(303);
    return response.headers.get('set-cookie')!.split(';')[0];
  };
  const page = (path: string, cookie?: string) =>
    fetch(`${base}${path}`, { redirect: 'manual', headers: { accept: 'text/html', ...(cookie ? { cookie } : {}) } });
  const rest = (path: string, roles: Role[], scope?: string) =>
    fetch(`${base}${path}`, { headers: { authorization: `Bearer ${token(roles, scope)}` } });
  const produce = (e: EventEnvelope) =>
    producer.send({ topic, acks: -1, messages: [{ key: e.streamId, value: JSON.stringify(e) }] });
  const applied = (ids: string[]) =>
    eventually(async () => {
      const { rows } = await pool.query('SELECT count(*)::int AS n FROM processed_events WHERE event_id = ANY($1)', [
        ids,
      ]);
      expect(rows[0].n).toBe(ids.length);
    });

  beforeAll(async () => {
    ({ config, database } = await testServiceConfig('projections'));
    topic = namespacedTopic(Topics.complaints, config.topicNamespace);
    const kafka = createKafka(config.kafkaBrokers, 'dashboard-test', silent);
    await ensureTopics(kafka, [{ topic }]);
    producer = kafka.producer({ createPartitioner: Partitioners.DefaultPartitioner });
    await producer.connect();
    app = await createProjectionsApp(config);
    await app.listen(0, '127.0.0.1');
    base = `http://127.0.0.1:${(app.getHttpServer().address() as AddressInfo).port}`;
    pool = new Pool({ connectionString: config.databaseUrl });
    for (const e of [east, south, frontline]) await produce(e);
    await applied([east.id, south.id, frontline.id]);
  });

  afterAll(async () => {
    await producer?.disconnect();
    await pool?.end();
    await app?.close();
    await database?.drop();
  });

  describe('signing in', () => {
    it('keeps a verified token in an HttpOnly, SameSite=Strict cookie for the dashboard only', async () => {
      const response = await signIn(new URLSearchParams({ token: token(['ceo_office']) }).toString());
      expect(response.status).toBe(303);
      expect(response.headers.get('location')).toBe('/dashboard');
      const cookie = response.headers.get('set-cookie')!;
      expect(cookie).toMatch(/^cx_dashboard_session=[\w-]+\.[\w-]+\.[\w-]+;/);
      expect(cookie).toMatch(/; Path=\/dashboard;/);
      expect(cookie).toMatch(/; HttpOnly; SameSite=Strict$/);
      const secure = await signIn(new URLSearchParams({ token: token(['ceo_office']) }).toString(), {
        origin: base,
        'x-forwarded-proto': 'https',
      });
      expect(secure.headers.get('set-cookie')).toMatch(/; Secure$/);
    });

    it('refuses a sign-in from another site, a token that does not verify, and roles without a page', async () => {
      const body = new URLSearchParams({ token: token(['ceo_office']) }).toString();
      const crossSite = await signIn(body, { origin: 'https://elsewhere.example' });
      expect(crossSite.status).toBe(403);
      expect((await signIn(body, {})).status).toBe(403);
      expect(crossSite.headers.get('set-cookie')).toBeNull();
      const forged = signToken({ sub: 'u-1', name: 'x', roles: ['admin'] }, 'another-secret');
      const invalid = await signIn(new URLSearchParams({ token: forged }).toString());
      expect(invalid.status).toBe(401);
      expect(await invalid.text()).toContain('The token is not valid');
      const agent = await signIn(new URLSearchParams({ token: token(['agent']) }).toString());
      expect(agent.status).toBe(403);
      expect(agent.headers.get('set-cookie')).toBeNull();
    });

    it('sends a browser without a session, or with a forged cookie, to the sign-in page', async () => {
      const none = await page('/dashboard/ceo');
      expect(none.status).toBe(303);
      expect(none.headers.get('location')).toBe('/dashboard/sign-in');
      const forged = signToken({ sub: 'u-1', name: 'x', roles: ['admin'] }, 'another-secret');
      const bad = await page('/dashboard/ceo', `cx_dashboard_session=${forged}`);
      expect(bad.status).toBe(303);
      expect(bad.headers.get('set-cookie')).toMatch(/Max-Age=0/);
    });

    it('signs out: the cookie is cleared', async () => {
      const cookie = await session(['ceo_office']);
      const out = await fetch(`${base}/dashboard/sign-out`, {
        method: 'POST',
        redirect: 'manual',
        headers: { cookie, origin: base },
      });
      expect(out.status).toBe(303);
      expect(out.headers.get('set-cookie')).toMatch(/^cx_dashboard_session=; Path=\/dashboard; Max-Age=0/);
    });
  });

  describe('the CEO page', () => {
    it('lists the rows GET /v1/ceo/escalations lists, in its order, with SLA state, age and trail', async () => {
      const response = await page('/dashboard/ceo', await session(['ceo_office']));
      expect(response.status).toBe(200);
      expect(response.headers.get('content-type')).toMatch(/text\/html/);
      expect(response.headers.get('content-security-policy')).toContain("script-src 'self'");
      const html = await response.text();
      const restIds = (
        (await (await rest('/v1/ceo/escalations', ['ceo_office'])).json()) as {
          items: { complaintId: string }[];
        }
      ).items.map((i) => i.complaintId);
      expect(rowIds(html)).toEqual(restIds);
      expect(rowIds(html)).toEqual([east.streamId, south.streamId]);
      expect(html).not.toContain(frontline.streamId);
      expect(html).toContain('<span class="sla sla-on_time">On time</span>');
      expect(html).toMatch(/data-age-seconds="1[78]\d{3}"/);
      expect(html).toContain('<ol class="trail">');
      expect(html).toContain('<dd data-counter="breaches-this-week">0</dd>');
      expect(html).not.toMatch(/<script(?![^>]*(src=|type="application\/json"))/);
    });

    it('shows a token limited to a region what the API shows it: that region only', async () => {
      const scope = 'region:south-china';
      const html = await (await page('/dashboard/ceo', await session(['ceo_office'], scope))).text();
      const restIds = (
        (await (await rest('/v1/ceo/escalations', ['ceo_office'], scope)).json()) as {
          items: { complaintId: string }[];
        }
      ).items.map((i) => i.complaintId);
      expect(rowIds(html)).toEqual([south.streamId]);
      expect(rowIds(html)).toEqual(restIds);
    });

    it('tells open pages when the view changes, with server-sent events', async () => {
      const cookie = await session(['ceo_office']);
      const controller = new AbortController();
      const stream = await fetch(`${base}/dashboard/events`, {
        headers: { cookie, accept: 'text/event-stream' },
        signal: controller.signal,
      });
      expect(stream.headers.get('content-type')).toMatch(/text\/event-stream/);
      const reader = stream.body!.getReader();
      let received = '';
      const later = filed('east-china', 'SH-PUDONG-07', 'ceo_direct', 1);
      await produce(later);
      try {
        await eventually(
          async () => {
            const { value } = await reader.read();
            received += Buffer.from(value ?? []).toString('utf8');
            expect(received).toContain('event: changed');
          },
          30_000,
          0,
        );
      } finally {
        controller.abort();
      }
      const rows = await (await page('/dashboard/ceo/rows', cookie)).text();
      expect(rowIds(rows)).toEqual([east.streamId, south.streamId, later.streamId]);
    });

    it('answers the page script without a session with 401, not a redirect', async () => {
      const response = await fetch(`${base}/dashboard/events`, { headers: { accept: 'text/event-stream' } });
      expect(response.status).toBe(401);
    });
  });

  describe('roles', () => {
    const navigation = (html: string) => [...html.matchAll(/<li>\s*<a href="(\/dashboard\/[a-z]+)"/g)].map((m) => m[1]);

    it('lists in the navigation only the pages the role may see', async () => {
      const ceo = await (await page('/dashboard/kpis', await session(['ceo_office']))).text();
      expect(navigation(ceo)).toEqual([
        '/dashboard/ceo',
        '/dashboard/kpis',
        '/dashboard/participation',
        '/dashboard/satisfaction',
        '/dashboard/community',
      ]);
      const hr = await (await page('/dashboard/participation', await session(['hr']))).text();
      expect(navigation(hr)).toEqual(['/dashboard/participation']);
      const staff = await (await page('/dashboard/community', await session(['community_staff']))).text();
      expect(navigation(staff)).toEqual(['/dashboard/community']);
    });

    it('answers a page the role may not see with a 403 page, as the API answers its route', async () => {
      const pages: [string, string][] = [
        ['/dashboard/ceo', '/v1/ceo/escalations'],
        ['/dashboard/kpis', '/v1/reports/complaint-kpis'],
        ['/dashboard/satisfaction', '/v1/reports/satisfaction?period=2026-05'],
        ['/dashboard/community', '/v1/reports/community?community=SH-PUDONG-07&month=2026-05'],
        ['/dashboard/participation', `/v1/reports/participation?campaignId=${randomUUID()}`],
      ];
      for (const role of ['hr', 'community_staff', 'manager', 'auditor', 'campaign_admin'] as Role[]) {
        const cookie = await session([role]).catch(() => null);
        for (const [pagePath, restPath] of pages) {
          const restForbidden = (await rest(restPath, [role])).status === 403;
          if (cookie === null) {
            expect(restForbidden).toBe(true);
            continue;
          }
          const response = await page(pagePath, cookie);
          expect([role, pagePath, response.status === 403]).toEqual([role, pagePath, restForbidden]);
          if (restForbidden) expect(await response.text()).toContain('This page needs one of the roles');
        }
      }
    });

    it('sends the dashboard front door to the first page the role may see', async () => {
      const front = await page('/dashboard', await session(['campaign_admin']));
      expect(front.status).toBe(303);
      expect(front.headers.get('location')).toBe('/dashboard/participation');
    });
  });

  describe('charts', () => {
    it('puts a table with the same figures behind every chart, and serves the chart library', async () => {
      const html = await (await page('/dashboard/kpis', await session(['ceo_office']))).text();
      const figures = html.split('<figure class="chart"').slice(1);
      expect(figures).toHaveLength(2);
      for (const figure of figures) {
        expect(figure).toContain('<canvas aria-hidden="true">');
        expect(figure).toMatch(/<table>\s*<caption>/);
      }
      const kpis = (await (await rest('/v1/reports/complaint-kpis', ['ceo_office'])).json()) as {
        days: { day: string; received: number }[];
      };
      const today = kpis.days.at(-1)!;
      expect(kpis.days.reduce((n, d) => n + d.received, 0)).toBe(4);
      expect(figures[0]).toMatch(new RegExp(`<th scope="row">${today.day}</th>\\s*<td>${today.received}</td>`));
      const library = await fetch(`${base}/dashboard/assets/chart.umd.min.js`);
      expect(library.status).toBe(200);
      expect(library.headers.get('content-type')).toMatch(/javascript/);
      expect(await library.text()).toContain('Chart.js v4.6.1');
      expect((await fetch(`${base}/dashboard/assets/..%2Fpackage.json`)).status).toBe(404);
    });

    it('shows a bad parameter as an HTML page naming the field', async () => {
      const response = await page('/dashboard/kpis?from=yesterday', await session(['ceo_office']));
      expect(response.status).toBe(400);
      expect(response.headers.get('content-type')).toMatch(/text\/html/);
      expect(await response.text()).toContain('<code>from</code>');
    });
  });
});
