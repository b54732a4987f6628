import { namespacedTopic, Topics } from '@cx/contracts';
import { eventually } from '@cx/testing';
import { Client } from 'pg';
import { Findings, scanNamespaceTopics, scanTables, ScannedServices, tableText } from './personal-data-scan.support';

/** Distinctive personal data: none of it may appear in any event, log line, error body or projection table. */
const NAME = 'Zhuge Qiaoming';
const PHONE = '13987654321';
const EMAIL = 'qiaoming.zhuge@example.cn';
const ID_BASE = '51010719880514123';
const ID_NUMBER = ID_BASE + checkCharacter(ID_BASE);
const DISTRICT_DETAIL = 'Building 7, Jinjiang Garden, Room 1902';
const NEEDLES = [NAME, PHONE, '139 8765 4321', EMAIL, ID_NUMBER, DISTRICT_DETAIL];

/** The ISO 7064 MOD 11-2 check character of a PRC resident ID number. */
function checkCharacter(first17: string): string {
  const weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
  const sum = [...first17].reduce((total, digit, i) => total + Number(digit) * weights[i], 0);
  return '10X98765432'[sum % 11];
}

/**
 * Vault, complaints and projections run as real processes (their built main.js, as `npm start` runs them) at
 * debug level, so every log line they write is captured; then personal data goes in through the APIs, good and
 * bad requests alike, and every topic, log line, error body and projection table is searched for it.
 */
describe('personal data stays in the vault: topics, logs, error bodies and projections scanned', () => {
  const run = new ScannedServices(`t${Date.now().toString(36)}scan`);
  beforeAll(async () => {
    for (const name of ['confidentiality', 'complaints', 'projections']) await run.start(name);
  }, 120_000);

  afterAll(() => run.stop());

  it('finds none of it anywhere but the vault', async () => {
    const registered = await run.call('confidentiality', 'POST', '/v1/subjects', ['agent'], {
      name: NAME,
      phone: '+86 139 8765 4321',
      idNumber: ID_NUMBER,
      email: EMAIL,
      address: { province: 'Sichuan', city: 'Chengdu', district: 'Jinjiang', detail: DISTRICT_DETAIL },
    });
    expect(registered.status).toBe(201);
    const subjectId = registered.body.subjectId as string;
    expect(registered.body.personalData.phone).toBe('139****4321');

    // Bad requests that carry personal data where it does not belong.
    expect(
      (await run.call('confidentiality', 'POST', '/v1/subjects', ['agent'], { name: NAME, phone: `${PHONE}0` })).status,
    ).toBe(400);
    expect(
      (await run.call('confidentiality', 'POST', '/v1/subjects', ['agent'], { name: NAME, idNumber: ID_BASE + 'Z' }))
        .status,
    ).toBe(400);
    expect(
      (await run.call('confidentiality', 'POST', '/v1/subjects', ['agent'], { name: NAME, phone: PHONE })).status,
    ).toBe(409);
    const complaint = {
      project: 'CD-JINJIANG-03',
      region: 'west-china',
      category: 'maintenance',
      severity: 'critical',
      channel: 'ceo_direct',
      description: `${NAME} (${PHONE}, ${EMAIL}) reports water in the lift shaft`,
    };
    expect(
      (await run.call('complaints', 'POST', '/v1/complaints', ['agent'], { ...complaint, customerId: PHONE })).status,
    ).toBe(400);
    expect(
      (
        await run.call('complaints', 'POST', '/v1/complaints', ['agent'], {
          ...complaint,
          customerId: subjectId,
          customerName: NAME,
        })
      ).status,
    ).toBe(400);
    const filed = await run.call('complaints', 'POST', '/v1/complaints', ['agent'], {
      ...complaint,
      customerId: subjectId,
    });
    expect(filed.status).toBe(201);
    const complaintId = filed.body.complaintId as string;
    expect(
      (await run.call('complaints', 'POST', `/v1/complaints/${complaintId}/contacts`, ['agent'], { note: NAME }))
        .status,
    ).toBe(400);

    const reporting = new Client({ connectionString: run.service('projections').databaseUrl });
    await reporting.connect();
    try {
      await eventually(async () => {
        const { rows } = await reporting.query('SELECT 1 FROM reporting.ceo_escalations WHERE complaint_id = $1', [
          complaintId,
        ]);
        expect(rows).toHaveLength(1);
      }, 30_000);
    } finally {
      await reporting.end();
    }

    const findings = new Findings(NEEDLES);
    const { topics, messages } = await scanNamespaceTopics(run.namespace, findings);
    expect(topics).toEqual(
      expect.arrayContaining([Topics.confidentiality, Topics.complaints].map((t) => namespacedTopic(t, run.namespace))),
    );
    expect(messages).toBeGreaterThanOrEqual(2);

    await scanTables(run.service('projections').databaseUrl, findings);

    for (const service of run.services) findings.search(`${service.name} logs`, service.output.join(''));
    expect(run.services.every((s) => s.output.join('').length > 0)).toBe(true);
    const errorBodies = run.answers.filter((a) => a.status >= 400);
    for (const answer of errorBodies) findings.search(`${answer.label} ${answer.status}`, answer.text);
    expect(errorBodies.length).toBeGreaterThanOrEqual(6);

    expect(findings.found).toEqual([]);

    // The scan can find what it looks for: the complaint's own words, kept in the complaints database, hold it.
    findings.search(
      'complaint_descriptions (expected)',
      await tableText(run.service('complaints').databaseUrl, 'complaint_descriptions'),
    );
    expect(findings.found).toEqual([
      `${NAME} in complaint_descriptions (expected)`,
      `${PHONE} in complaint_descriptions (expected)`,
      `${EMAIL} in complaint_descriptions (expected)`,
    ]);
  }, 120_000);
});
