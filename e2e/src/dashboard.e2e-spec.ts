import { Role, signToken } from '@cx/auth';
import { ServiceProcess } from '@cx/testing';
import { existsSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import { Browser, chromium, Page } from 'playwright-core';
import { groupMonth } from '../../demo/src/calendar';
import { callers } from '../../demo/src/callers';
import { DemoServices, startDemoServices } from '../../demo/src/demo-services.support';
import { DemoSummary, loadDemo } from '../../demo/src/load-demo';
import { silentProgress } from '../../demo/src/progress';

/** Debian's Chromium (apt-get install chromium): the test brings no browser build of its own. */
const CHROMIUM = '/usr/bin/chromium';
const SCREENSHOTS = path.resolve(__dirname, '../../bench/results');

/**
 * The dashboard in a real browser, on the demo data (`npm run demo --scale small`, the same code path as the full
 * demo) loaded into every service run as a process (their built main.js) on test databases and a topic namespace of
 * their own: what the pages show is what the REST views answer, and the CEO page follows a new escalation without a
 * reload.
 */
describe('dashboard in headless Chromium, after the demo data', () => {
  let services: DemoServices;
  let projections: ServiceProcess;
  let demo: DemoSummary;
  let browser: Browser;
  let page: Page;
  const problems: string[] = [];

  const bearer = (role: string) =>
    `Bearer ${signToken({ sub: `e2e-${role}`, name: `E2E ${role}`, roles: [role as Role] }, services.jwtSecret)}`;
  const restJson = async (path: string) => {
    const response = await fetch(`${projections.url}${path}`, { headers: { authorization: bearer('ceo_office') } });
    expect(response.status).toBe(200);
    return response.json();
  };
  const ceoRowIds = () =>
    page.$$eval('#ceo-live tbody tr[data-complaint-id]', (rows) =>
      rows.map((r) => r.getAttribute('data-complaint-id')),
    );
  const screenshot = (name: string) =>
    page.screenshot({ path: path.join(SCREENSHOTS, `dashboard-${name}.png`), fullPage: true });

  /** A complaint filed on the hotline and escalated by hand frontline → project → region → group → CEO office. */
  async function fileAndEscalateToCeoOffice(project: string, region: string): Promise<string> {
    const { body: filed } = await services.api.call<{ complaintId: string; version: number }>(
      'complaints',
      'POST',
      '/v1/complaints',
      {
        as: callers.callCentre(region),
        body: {
          customerId: 'subj_7Hq2kLm9Xa',
          project,
          region,
          category: 'housing_quality',
          severity: 'high',
          channel: 'hotline',
          description: 'Water comes through the balcony door when it rains.',
        },
      },
    );
    let version = filed.version;
    for (const reason of ['Not handled in time', 'Project cannot resolve', 'Region asks for help', 'Group refers']) {
      const path = `/v1/complaints/${filed.complaintId}/escalations`;
      const answer = await services.api.call<{ version: number }>('complaints', 'POST', path, {
        as: { sub: 'e2e-manager', name: 'E2E manager', roles: ['manager'] },
        body: { reason },
        ifMatch: version,
      });
      version = answer.body.version;
    }
    return filed.complaintId;
  }

  beforeAll(async () => {
    if (!existsSync(CHROMIUM)) throw new Error(`${CHROMIUM} is missing: apt-get install -y chromium`);
    mkdirSync(SCREENSHOTS, { recursive: true });
    services = await startDemoServices(`t${Date.now().toString(36)}dash`);
    projections = services.processes.projections;
    demo = await loadDemo(
      services.api,
      { seed: 'dashboard', scale: 'small', month: groupMonth(new Date()) },
      silentProgress,
    );
    await services.settled();

    browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'],
    });
    page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    // A script the CSP blocked, a failed request or an uncaught error in the page fails the test at the end.
    page.on('console', (message) => {
      if (message.type() === 'error') problems.push(message.text());
    });
    page.on('pageerror', (error) => problems.push(error.message));
    page.on('response', (response) => {
      if (response.status() >= 400) problems.push(`${response.status()} ${response.url()}`);
    });
  }, 600_000);

  afterAll(async () => {
    await browser?.close();
    await services?.stop();
  });

  it('signs in with a pasted token and reaches the navigation by keyboard', async () => {
    await page.goto(`${projections.url}/dashboard`);
    expect(page.url()).toBe(`${projections.url}/dashboard/sign-in`);
    await screenshot('sign-in');
    await page.fill('#token', bearer('ceo_office').slice('Bearer '.length));
    await Promise.all([page.waitForURL(`${projections.url}/dashboard/ceo`), page.click('button[type=submit]')]);
    const cookies = await page.context().cookies();
    expect(cookies.find((c) => c.name === 'cx_dashboard_session')).toMatchObject({
      httpOnly: true,
      sameSite: 'Strict',
    });

    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Skip to content');
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.closest('nav')?.getAttribute('aria-label'))).toBe(
      'Dashboard pages',
    );
    expect(await page.evaluate(() => document.activeElement?.getAttribute('href'))).toBe('/dashboard/ceo');
  });

  it('lists on the CEO page the CEO-office complaints the REST view lists, in its order', async () => {
    await page.goto(`${projections.url}/dashboard/ceo`);
    const view = await restJson('/v1/ceo/escalations');
    expect(await ceoRowIds()).toEqual(view.items.map((i: { complaintId: string }) => i.complaintId));
    // The demo leaves complaints open at the CEO office, and all of them fit on the page.
    expect(view.items.length).toBeGreaterThan(0);
    expect(view.items).toHaveLength(view.total);
    await screenshot('ceo');
  });

  it('shows a complaint escalated to the CEO office over REST on the open CEO page, without a reload', async () => {
    await page.goto(`${projections.url}/dashboard/ceo`);
    // Marks this document: a reload would start a fresh one without the mark.
    await page.evaluate(() => document.documentElement.setAttribute('data-loaded-once', 'yes'));
    const before = await ceoRowIds();
    const id = await fileAndEscalateToCeoOffice('GZ-TIANHE-02', 'south-china');
    await page.waitForSelector(`#ceo-live tr[data-complaint-id="${id}"]`, { timeout: 30_000 });
    expect(await page.getAttribute('html', 'data-loaded-once')).toBe('yes');
    const view = await restJson('/v1/ceo/escalations');
    expect(await ceoRowIds()).toEqual(view.items.map((i: { complaintId: string }) => i.complaintId));
    expect(await ceoRowIds()).toEqual([...before, id]);
    await screenshot('ceo-live');
  });

  it('shows on the participation page the rates GET /v1/reports/participation answers', async () => {
    await page.goto(`${projections.url}/dashboard/participation?campaignId=${demo.campaign.campaignId}`);
    const report = await restJson(`/v1/reports/participation?campaignId=${demo.campaign.campaignId}`);
    const shown = (dimension: string) =>
      page.$$eval(`table[data-dimension="${dimension}"] tbody tr`, (rows) =>
        rows.map((row) => ({
          value: row.getAttribute('data-value'),
          rates: [...row.querySelectorAll('td[data-segment]')].map((cell) => [
            cell.getAttribute('data-segment'),
            cell.getAttribute('data-rate-percent'),
          ]),
        })),
      );
    type Rates = Record<'all' | 'employee' | 'management', { ratePercent: string | null }>;
    const expected = (value: string, rates: Rates) => ({
      value,
      rates: (['all', 'employee', 'management'] as const).map((s) => [s, rates[s].ratePercent ?? '']),
    });
    expect(await shown('overall')).toEqual([expected('all', report.overall)]);
    expect(await shown('department')).toEqual(
      report.byDepartment.map((d: Rates & { value: string }) => expected(d.value, d)),
    );
    expect(await shown('region')).toEqual(report.byRegion.map((d: Rates & { value: string }) => expected(d.value, d)));
    expect(await shown('weekly')).toEqual(
      report.weekly.map((w: Rates & { weekStart: string }) => expected(w.weekStart, w)),
    );
    expect(
      await page.$$eval('figure.chart canvas', (canvases) => canvases.every((c) => (c as HTMLCanvasElement).width > 0)),
    ).toBe(true);
    await screenshot('participation');
  });

  it('draws the other pages, each chart over its table, without errors in the page', async () => {
    for (const name of ['kpis', 'satisfaction', 'community']) {
      const response = await page.goto(`${projections.url}/dashboard/${name}`);
      expect(response?.status()).toBe(200);
      await screenshot(name);
    }
    await page.goto(`${projections.url}/dashboard/kpis`);
    expect(await page.$$eval('figure.chart', (figures) => figures.map((f) => !!f.querySelector('table')))).toEqual([
      true,
      true,
    ]);
    expect(problems).toEqual([]);
  });
});
