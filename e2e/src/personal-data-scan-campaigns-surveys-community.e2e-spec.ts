import type { Role } from '@cx/auth';
import { namespacedTopic, Topics } from '@cx/contracts';
import { createKafka } from '@cx/messaging';
import { eventually, kafkaBrokers } from '@cx/testing';
import { Client } from 'pg';
import { Findings, scanNamespaceTopics, scanTables, ScannedServices, tableText } from './personal-data-scan.support';

/** Distinctive personal data, each of its own person: none of it may appear outside where it legitimately lives. */
const RESIDENT = { name: 'Ouyang Xiaoqian', phone: '13724681357', spaced: '137 2468 1357' };
const MERCHANT = { name: 'Shangguan Wanrou', phone: '13612345098', spaced: '136 1234 5098' };
const MEMBER = { name: 'Dongfang Yuzhu', phone: '13511223344', spaced: '135 1122 3344' };
const EMPLOYEE_JSON = { name: 'Zhongli Qiuyan', phone: '13877665544' };
const EMPLOYEE_CSV = { name: 'Huangfu Mingyue', phone: '13766554433' };
const NEEDLES = [RESIDENT, MERCHANT, MEMBER, EMPLOYEE_JSON, EMPLOYEE_CSV].flatMap(
  (p: { name: string; phone: string; spaced?: string }) => [p.name, p.phone, ...(p.spaced ? [p.spaced] : [])],
);

/** Where the services keep personal data by design (README of each): the positive control looks there. */
const LEGITIMATE_HOMES = {
  campaigns: 'public.roster_entries',
  surveys: 'public.response_free_texts',
  community: 'public.activity_feedback_comments',
};

const HOUR = 3_600_000;
/** Dates and months in the group's time zone (UTC+8). */
const groupDay = (offsetDays = 0) => new Date(Date.now() + 8 * HOUR + offsetDays * 24 * HOUR).toISOString();

/**
 * The vault, campaigns, surveys, community and projections run as real processes at debug level; personal data
 * goes in through their APIs, in good requests and bad ones (bad rows of bulk uploads included), then every topic
 * of the run (dead-letter topics included), every log line, every answer and every table of every database is
 * searched for it. Roster names, free-text answers and feedback comments are kept by design in one table each,
 * which the scan leaves out and then looks in, to show it finds what it looks for.
 */
describe('personal data in campaigns, surveys and community: topics, logs, answers and tables scanned', () => {
  const run = new ScannedServices(`t${Date.now().toString(36)}scan2`);
  const ok = (answer: { status: number; text: string }, status: number) =>
    expect({ status: answer.status, text: answer.text }).toEqual({ status, text: answer.text });

  beforeAll(async () => {
    for (const name of ['confidentiality', 'campaigns', 'surveys', 'community', 'projections']) await run.start(name);
  }, 180_000);

  afterAll(() => run.stop());

  const subjectOf = async (person: { name: string; spaced: string }) => {
    const registered = await run.call('confidentiality', 'POST', '/v1/subjects', ['agent'], {
      name: person.name,
      phone: `+86 ${person.spaced}`,
    });
    ok(registered, 201);
    return registered.body.subjectId as string;
  };

  async function campaigns(): Promise<void> {
    const admin: Role[] = ['campaign_admin'];
    const created = await run.call('campaigns', 'POST', '/v1/campaigns', admin, {
      name: 'Six Ones personal data scan',
      periodStart: groupDay(-7).slice(0, 10),
      periodEnd: groupDay(7).slice(0, 10),
      activityKinds: ['customer_visit'],
    });
    ok(created, 201);
    const id = created.body.campaignId as string;
    ok(await run.call('campaigns', 'POST', `/v1/campaigns/${id}/opening`, admin), 200);
    const employee = (personId: string, name: string, changes: object = {}) => ({
      personId,
      name,
      department: 'Customer Service',
      region: 'west-china',
      segment: 'employee',
      employedFrom: '2019-03-01',
      ...changes,
    });
    const json = await run.call(
      'campaigns',
      'POST',
      `/v1/campaigns/${id}/roster`,
      ['hr'],
      [
        employee('P0001', EMPLOYEE_JSON.name),
        employee(EMPLOYEE_JSON.name, EMPLOYEE_JSON.name),
        employee('P0002', EMPLOYEE_JSON.name, { mobile: EMPLOYEE_JSON.phone }),
        employee('P0003', EMPLOYEE_JSON.name, { region: EMPLOYEE_JSON.name }),
        employee('P0004', `${EMPLOYEE_JSON.name} ${EMPLOYEE_JSON.phone} `.repeat(8)),
      ],
    );
    ok(json, 200);
    expect(json.body).toMatchObject({ accepted: 1, rejected: 4 });
    const csv = await run.call(
      'campaigns',
      'POST',
      `/v1/campaigns/${id}/roster`,
      ['hr'],
      [
        'person_id,name,department,region,segment,employed_from,employed_until',
        `P0005,${EMPLOYEE_CSV.name},Customer Service,west-china,employee,2019-03-01,`,
        `${EMPLOYEE_CSV.name},${EMPLOYEE_CSV.name},Customer Service,west-china,employee,2019-03-01,`,
        `P0006,${EMPLOYEE_CSV.name},${EMPLOYEE_CSV.phone}`,
        `P0007,${EMPLOYEE_CSV.name},Customer Service,${EMPLOYEE_CSV.phone} ${EMPLOYEE_CSV.name},employee,2019-03-01,`,
        '',
      ].join('\r\n'),
    );
    ok(csv, 200);
    expect(csv.body).toMatchObject({ accepted: 1, rejected: 3 });
    const visit = (personId: string, changes: object = {}) => ({
      personId,
      kind: 'customer_visit',
      date: groupDay(-1).slice(0, 10),
      customersMet: 3,
      scenario: 'Walked the handover route with owners',
      findings: ['Lobby lights out in block 2'],
      ...changes,
    });
    ok(await run.call('campaigns', 'POST', `/v1/campaigns/${id}/activities`, admin, visit('P0001')), 201);
    ok(
      await run.call('campaigns', 'POST', `/v1/campaigns/${id}/activities`, admin, {
        ...visit('P0001'),
        personName: EMPLOYEE_JSON.name,
      }),
      400,
    );
    const bulk = await run.call('campaigns', 'POST', `/v1/campaigns/${id}/activities/bulk`, admin, [
      visit('P0005'),
      visit(EMPLOYEE_CSV.name),
      visit('P0005', { personName: EMPLOYEE_CSV.name }),
      visit('P0005', { customersMet: EMPLOYEE_CSV.phone }),
    ]);
    ok(bulk, 200);
    expect(bulk.body).toMatchObject({ accepted: 1, rejected: 3 });
  }

  async function surveys(merchant: string, member: string): Promise<void> {
    const question = (questionId: string, stage: string, type = 'rating_1_5') => ({
      questionId,
      text: `About ${questionId}`,
      type,
      stage,
      dimension: 'commercial_operations',
      required: type !== 'free_text',
    });
    const questionnaire = await run.call('surveys', 'POST', '/v1/questionnaires', ['admin'], {
      title: 'Commercial satisfaction',
      projectType: 'commercial',
      questions: [
        question('q_ops', 'merchant'),
        question('q_ops_note', 'merchant', 'free_text'),
        question('q_mall', 'consumer'),
        question('q_mall_note', 'consumer', 'free_text'),
        question('q_points', 'member'),
        question('q_member_note', 'member', 'free_text'),
      ],
    });
    ok(questionnaire, 201);
    const questionnaireId = questionnaire.body.questionnaireId as string;
    ok(
      await run.call('surveys', 'POST', `/v1/questionnaires/${questionnaireId}/versions/1/publication`, ['admin']),
      200,
    );
    const planned = await run.call('surveys', 'POST', '/v1/waves', ['admin'], {
      period: groupDay().slice(0, 7),
      projectType: 'commercial',
      questionnaireId,
      questionnaireVersion: 1,
    });
    ok(planned, 201);
    const waveId = planned.body.waveId as string;
    const site = { project: 'CD-TAIKOO-01', region: 'west-china' };
    const otherMerchant = 'subj_MerchantTwo0001';
    const frame = await run.call(
      'surveys',
      'PUT',
      `/v1/waves/${waveId}/frame`,
      ['admin'],
      [
        { subjectId: merchant, ...site, stage: 'merchant' },
        { subjectId: otherMerchant, ...site, stage: 'merchant' },
        { subjectId: member, ...site, stage: 'member' },
        { subjectId: MERCHANT.phone, ...site, stage: 'merchant' },
        { subjectId: 'subj_MerchantTri0001', ...site, stage: 'merchant', name: MERCHANT.name },
      ],
    );
    ok(frame, 200);
    ok(
      await run.call('surveys', 'POST', `/v1/waves/${waveId}/draw`, ['admin'], {
        quotas: [
          { project: site.project, stage: 'merchant', size: 2 },
          { project: site.project, stage: 'member', size: 1 },
        ],
      }),
      200,
    );
    const respondedAt = new Date(Date.now() - HOUR).toISOString();
    const batch = await run.call(
      'surveys',
      'POST',
      `/v1/waves/${waveId}/responses/bulk`,
      ['survey_vendor'],
      [
        {
          subjectId: merchant,
          disposition: 'complete',
          respondedAt,
          answers: [
            { questionId: 'q_ops', value: 4 },
            { questionId: 'q_ops_note', value: `${MERCHANT.name} (${MERCHANT.spaced}) says the escalator is broken` },
          ],
        },
        { subjectId: MERCHANT.phone, disposition: 'refusal', respondedAt },
        { subjectId: otherMerchant, disposition: 'refusal', respondedAt, respondentName: MERCHANT.name },
        {
          subjectId: otherMerchant,
          disposition: 'complete',
          respondedAt,
          answers: [{ questionId: 'q_ops', value: MERCHANT.name }],
        },
      ],
    );
    ok(batch, 200);
    expect(batch.body).toMatchObject({ accepted: 1, rejected: 3 });
    ok(
      await run.call('surveys', 'POST', `/v1/waves/${waveId}/interviews`, ['interviewer'], {
        subjectId: otherMerchant,
        disposition: 'complete',
        respondedAt,
        answers: [
          { questionId: 'q_ops', value: 3 },
          { questionId: 'q_ops_note', value: `Ask for ${RESIDENT.name}, ${RESIDENT.phone}, at the service desk` },
        ],
      }),
      201,
    );
    ok(
      await run.call('surveys', 'POST', `/v1/waves/${waveId}/interviews`, ['interviewer'], {
        site,
        disposition: 'complete',
        respondedAt,
        answers: [
          { questionId: 'q_mall', value: 2 },
          { questionId: 'q_mall_note', value: `I am ${MEMBER.name}, call ${MEMBER.spaced}` },
        ],
      }),
      201,
    );
    ok(
      await run.call('surveys', 'POST', `/v1/waves/${waveId}/interviews`, ['interviewer'], {
        subjectId: MEMBER.phone,
        disposition: 'refusal',
        respondedAt,
      }),
      400,
    );
    const issued = await run.call('surveys', 'POST', `/v1/waves/${waveId}/survey-links`, ['admin'], {
      subjectIds: [member],
    });
    ok(issued, 200);
    const form = `/v1/survey-links/${issued.body.issued[0].token}/response`;
    ok(
      await run.call('surveys', 'POST', form, [], {
        answers: [{ questionId: 'q_points', value: `${MEMBER.name} ${MEMBER.phone}` }],
      }),
      422,
    );
    const answered = {
      answers: [
        { questionId: 'q_points', value: 5 },
        { questionId: 'q_member_note', value: `${MEMBER.name} here, text me on ${MEMBER.phone}` },
      ],
    };
    ok(await run.call('surveys', 'POST', form, [], answered), 201);
    ok(await run.call('surveys', 'POST', form, [], answered), 409);
  }

  async function community(resident: string): Promise<void> {
    const code = 'CD-JINJIANG-03';
    const staff: Role[] = ['community_staff'];
    ok(
      await run.call('community', 'POST', `/v1/communities/${code}/residents`, staff, {
        residents: [{ residentId: resident, elderlyCare: true }],
      }),
      200,
    );
    ok(
      await run.call('community', 'POST', `/v1/communities/${code}/residents`, staff, {
        residents: [{ residentId: RESIDENT.name }, { residentId: RESIDENT.phone }],
      }),
      400,
    );
    const at = (hours: number) => new Date(Date.now() + hours * HOUR).toISOString();
    const planned = await run.call('community', 'POST', '/v1/activities', staff, {
      community: code,
      title: 'Lantern riddles in the courtyard',
      category: 'festival',
      ageGroups: ['adults', 'elderly'],
      venue: 'Block 3 courtyard',
      startsAt: at(1),
      endsAt: at(2),
      capacity: 10,
      maxPartySize: 2,
      registrationOpensAt: at(-1),
      registrationClosesAt: at(0.5),
    });
    ok(planned, 201);
    const activity = `/v1/activities/${planned.body.activityId}`;
    ok(await run.call('community', 'POST', `${activity}/publication`, staff), 200);
    ok(
      await run.call('community', 'POST', `${activity}/registrations`, ['agent'], {
        residentId: RESIDENT.phone,
        partySize: 1,
      }),
      400,
    );
    const registered = await run.call('community', 'POST', `${activity}/registrations`, ['agent'], {
      residentId: resident,
      partySize: 2,
    });
    ok(registered, 201);
    const registration = `${activity}/registrations/${registered.body.registrationId}`;
    ok(await run.call('community', 'POST', `${activity}/check-ins`, staff, { code: RESIDENT.phone }), 400);
    ok(await run.call('community', 'POST', `${activity}/check-ins`, staff, { code: registered.body.checkInCode }), 200);
    const feedback = { rating: 5, comment: `${RESIDENT.name} (${RESIDENT.spaced}) ran the best riddle stall` };
    ok(await run.call('community', 'POST', `${registration}/feedback`, ['agent'], feedback), 200);
    ok(await run.call('community', 'POST', `${registration}/feedback`, ['agent'], feedback), 409);
    ok(
      await run.call('community', 'POST', `${registration}/feedback`, ['agent'], {
        rating: 5,
        comment: `${RESIDENT.name} ${RESIDENT.phone} `.repeat(100),
      }),
      400,
    );
    ok(
      await run.call('community', 'POST', '/v1/care-services', ['agent'], {
        community: code,
        residentId: resident,
        serviceKind: 'elderly_check_in',
      }),
      201,
    );
    ok(
      await run.call('community', 'POST', '/v1/care-services', ['agent'], {
        community: code,
        residentId: RESIDENT.phone,
        serviceKind: 'elderly_check_in',
        residentName: RESIDENT.name,
      }),
      400,
    );
  }

  /** Until the three services have published every event they recorded, and the projections consumed them all. */
  async function projectionsCaughtUp(): Promise<void> {
    const kafka = createKafka(kafkaBrokers(), 'pii-scan-lag', {
      debug: () => undefined,
      info: () => undefined,
      warn: () => undefined,
      error: () => undefined,
    });
    const admin = kafka.admin();
    await admin.connect();
    try {
      const topics = [Topics.campaigns, Topics.surveys, Topics.community].map((t) => namespacedTopic(t, run.namespace));
      for (const name of ['campaigns', 'surveys', 'community']) {
        const database = new Client({ connectionString: run.service(name).databaseUrl });
        await database.connect();
        const recorded = Number((await database.query('SELECT count(*) FROM events')).rows[0].count);
        await database.end();
        const topic = namespacedTopic(Topics[name as 'campaigns' | 'surveys' | 'community'], run.namespace);
        await eventually(async () => {
          const published = (await admin.fetchTopicOffsets(topic)).reduce((sum, p) => sum + Number(p.high), 0);
          expect(published).toBeGreaterThanOrEqual(recorded);
        }, 30_000);
      }
      await eventually(async () => {
        const committed = await admin.fetchOffsets({ groupId: `${run.namespace}.projections`, topics });
        for (const topic of topics) {
          const ends = await admin.fetchTopicOffsets(topic);
          const done = committed.find((c) => c.topic === topic)?.partitions ?? [];
          for (const end of ends) {
            // -1: nothing committed yet, which is caught up only on a partition that is still empty.
            const at = Math.max(Number(done.find((p) => p.partition === end.partition)?.offset ?? -1), 0);
            expect({ topic, partition: end.partition, at }).toEqual({
              topic,
              partition: end.partition,
              at: Number(end.high),
            });
          }
        }
      }, 60_000);
    } finally {
      await admin.disconnect();
    }
  }

  it('finds none of it outside the vault and the three tables that keep it by design', async () => {
    const resident = await subjectOf(RESIDENT);
    const merchant = await subjectOf(MERCHANT);
    const member = await subjectOf(MEMBER);
    ok(
      await run.call('confidentiality', 'POST', '/v1/subjects', ['agent'], {
        name: RESIDENT.name,
        phone: `${RESIDENT.phone}0`,
      }),
      400,
    );
    await campaigns();
    await surveys(merchant, member);
    await community(resident);
    await projectionsCaughtUp();

    const findings = new Findings(NEEDLES);
    const { topics, messages } = await scanNamespaceTopics(run.namespace, findings);
    expect(topics).toEqual(
      expect.arrayContaining(
        Object.values(Topics)
          .filter((t) => t !== Topics.complaints)
          .map((t) => namespacedTopic(t, run.namespace)),
      ),
    );
    expect(messages).toBeGreaterThanOrEqual(20);

    for (const service of run.services) findings.search(`${service.name} logs`, service.output.join(''));
    expect(run.services.every((s) => s.output.join('').length > 0)).toBe(true);

    // The vault answers its own callers with their subjects' (masked) data: every other answer is searched.
    const answers = run.answers.filter((a) => a.service !== 'confidentiality');
    for (const answer of answers) findings.search(`${answer.service} ${answer.label} ${answer.status}`, answer.text);
    expect(answers.filter((a) => a.status >= 400).length).toBeGreaterThanOrEqual(10);
    expect(answers.filter((a) => a.text.includes('"rejections":[{')).length).toBe(5);

    for (const service of run.services) {
      const home = LEGITIMATE_HOMES[service.name as keyof typeof LEGITIMATE_HOMES];
      const tables = await scanTables(service.databaseUrl, findings, home ? [home] : []);
      expect(tables).toContain(service.name === 'projections' ? 'public.processed_events' : 'public.events');
    }

    expect(findings.found).toEqual([]);

    // The scan finds what it looks for: the tables that keep the data by design hold it.
    for (const [name, table] of Object.entries(LEGITIMATE_HOMES)) {
      findings.search(`${table} (expected)`, await tableText(run.service(name).databaseUrl, table));
    }
    expect(findings.found.sort()).toEqual(
      [
        `${EMPLOYEE_JSON.name} in public.roster_entries (expected)`,
        `${EMPLOYEE_CSV.name} in public.roster_entries (expected)`,
        `${MERCHANT.name} in public.response_free_texts (expected)`,
        `${MERCHANT.spaced} in public.response_free_texts (expected)`,
        `${RESIDENT.name} in public.response_free_texts (expected)`,
        `${RESIDENT.phone} in public.response_free_texts (expected)`,
        `${MEMBER.name} in public.response_free_texts (expected)`,
        `${MEMBER.phone} in public.response_free_texts (expected)`,
        `${MEMBER.spaced} in public.response_free_texts (expected)`,
        `${RESIDENT.name} in public.activity_feedback_comments (expected)`,
        `${RESIDENT.spaced} in public.activity_feedback_comments (expected)`,
      ].sort(),
    );
  }, 180_000);
});
