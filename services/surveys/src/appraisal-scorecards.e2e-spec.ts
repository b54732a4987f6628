import type { INestApplication } from '@nestjs/common';
import { Role, signToken } from '@cx/auth';
import { namespacedTopic, Topics } from '@cx/contracts';
import { ManualClock, ServiceConfig } from '@cx/platform';
import { eventually, testServiceConfig, TestDatabase, TopicReader } from '@cx/testing';
import request from 'supertest';
import { scorecardIdOf } from './domain/appraisal-scorecard/scorecard-id';
import { createSurveysApp } from './surveys.app';

const now = new Date('2026-11-20T04:00:00.000Z');
const calledAt = '2026-11-19T07:30:00.000Z';
const [A, B, C] = ['SH-PUDONG-07', 'SZ-NANSHAN-03', 'SH-MINHANG-02'];
const question = (questionId: string, dimension: string, type: string) => ({
  questionId,
  text: `Question about ${dimension.replace(/_/g, ' ')}`,
  type,
  stage: 'delivery',
  dimension,
  required: true,
});
const subject = (code: string) => `subj_${code}00000000`;
const customer = (code: string, project: string) => ({
  subjectId: subject(code),
  project,
  region: project.startsWith('SZ') ? 'south-china' : 'east-china',
  stage: 'delivery',
});
const frame = ['a1', 'a2', 'a3', 'b1', 'b2', 'c1'].map((code) => customer(code, { a: A, b: B, c: C }[code[0]]!));
const answered = (code: string, overall: number, handover: number) => ({
  subjectId: subject(code),
  disposition: 'complete',
  respondedAt: calledAt,
  answers: [
    { questionId: 'q_overall', value: overall },
    { questionId: 'q_handover', value: handover },
  ],
});
const register = {
  projects: { [A]: { team: 'east-1', target: 70 }, [B]: { team: 'south-1', target: 80 }, [C]: { team: 'east-1' } },
  teams: { 'east-1': { target: 75 } },
};

describe('appraisal scorecards over HTTP (real Postgres, real Kafka)', () => {
  let app: INestApplication;
  let config: ServiceConfig;
  let database: TestDatabase;
  let topic: TopicReader;
  let waveId: string;
  const responseOf = new Map<string, string>();
  const clock = new ManualClock(now);
  const as = (sub: string, ...roles: Role[]) => `Bearer ${signToken({ sub, name: sub, roles }, config.jwtSecret)}`;
  const admin = () => as('survey-admin-1', 'admin');
  const http = () => request(app.getHttpServer());
  const scorecard = '/v1/appraisal-scorecards/residential/2026-11';

  beforeAll(async () => {
    ({ config, database } = await testServiceConfig('surveys'));
    app = await createSurveysApp(config, {
      clock,
      settings: { fatigueMonths: 6, linkValidForHours: 72 },
      appraisal: { minimumResponses: 2, register },
    });
    await app.init();
    topic = await new TopicReader(config.kafkaBrokers, namespacedTopic(Topics.surveys, config.topicNamespace)).start();
    const created = await http()
      .post('/v1/questionnaires')
      .set('Authorization', admin())
      .send({
        title: 'Residential satisfaction',
        projectType: 'residential',
        questions: [
          question('q_overall', 'overall', 'rating_0_10'),
          question('q_handover', 'delivery_service', 'rating_1_5'),
        ],
      })
      .expect(201);
    const questionnaireId = created.body.questionnaireId as string;
    await http()
      .post(`/v1/questionnaires/${questionnaireId}/versions/1/publication`)
      .set('Authorization', admin())
      .expect(200);
    const planned = await http()
      .post('/v1/waves')
      .set('Authorization', admin())
      .send({ period: '2026-11', projectType: 'residential', questionnaireId, questionnaireVersion: 1 })
      .expect(201);
    waveId = planned.body.waveId;
    await http().put(`/v1/waves/${waveId}/frame`).set('Authorization', admin()).send(frame).expect(200);
    await http()
      .post(`/v1/waves/${waveId}/draw`)
      .set('Authorization', admin())
      .send({ quotas: [A, B, C].map((project) => ({ project, stage: 'delivery', size: 3 })) })
      .expect(200);
    const batch = await http()
      .post(`/v1/waves/${waveId}/responses/bulk`)
      .set('Authorization', as('vendor-1', 'survey_vendor'))
      .send([
        answered('a1', 9, 5),
        answered('a2', 7, 4),
        { subjectId: subject('a3'), disposition: 'refusal', respondedAt: calledAt },
        answered('b1', 10, 3),
        answered('b2', 6, 2),
        answered('c1', 8, 4),
      ])
      .expect(200);
    expect(batch.body).toMatchObject({ accepted: 6, rejected: 0 });
    for (const [i, code] of ['a1', 'a2', 'a3', 'b1', 'b2', 'c1'].entries()) {
      responseOf.set(code, batch.body.responses[i].responseId);
    }
  });

  afterAll(async () => {
    await topic?.stop();
    await app?.close();
    await database?.drop();
  });

  it('is not frozen while the wave is in the field', async () => {
    const refused = await http().post(scorecard).set('Authorization', admin()).expect(409);
    expect(refused.body).toMatchObject({
      type: 'urn:cx:problem:appraisal-scorecard-wave-not-closed',
      waveId,
      currentState: 'in_field',
    });
  });

  /*
   * Scores (0-10: r × 10, 1-5: (r − 1) × 25), minimum 2 responses:
   *   A: 90, 100 | 70, 75 → 83.75; s = 13.7689, t(3) = 3.182446 → [61.84, 105.66]; target 70 → +13.75
   *   B: 100, 50 | 60, 25 → 58.75; s = 31.1916 → [9.12, 108.38]; target 80 → −21.25
   *   C: 80, 75, one response → 77.5, insufficient; t(1) = 12.706205 → [45.73, 109.27]
   *   team east-1 (A and C): 90, 100, 70, 75, 80, 75 → 81.67; s = 11.2546, t(5) → [69.86, 93.48]; target 75
   *   team south-1 (B): as B, no team target
   */
  it('freezes the closed month: every project and team scored, ranked and set against its target', async () => {
    await http().post(`/v1/waves/${waveId}/closure`).set('Authorization', admin()).expect(200);
    const frozen = await http().post(scorecard).set('Authorization', admin()).expect(201);
    expect(frozen.headers.location).toBe(scorecard);
    expect(frozen.headers.etag).toBe('"1"');
    const line = (code: string, team: string, figures: object) => ({
      code,
      team,
      previousIndex: null,
      change: null,
      ...figures,
    });
    expect(frozen.body).toMatchObject({
      scorecardId: scorecardIdOf('residential', '2026-11'),
      period: '2026-11',
      projectType: 'residential',
      waveId,
      minimumResponses: 2,
      projects: [
        line(C, 'east-1', {
          responses: 1,
          answers: 2,
          index: 77.5,
          ciLow: 45.73,
          ciHigh: 109.27,
          insufficient: true,
          rank: null,
          target: null,
          againstTarget: null,
        }),
        line(A, 'east-1', {
          responses: 2,
          answers: 4,
          index: 83.75,
          ciLow: 61.84,
          ciHigh: 105.66,
          insufficient: false,
          rank: 1,
          target: 70,
          againstTarget: 13.75,
        }),
        line(B, 'south-1', {
          responses: 2,
          answers: 4,
          index: 58.75,
          ciLow: 9.12,
          ciHigh: 108.38,
          insufficient: false,
          rank: 2,
          target: 80,
          againstTarget: -21.25,
        }),
      ],
      teams: [
        line('east-1', 'east-1', {
          responses: 3,
          answers: 6,
          index: 81.67,
          ciLow: 69.86,
          ciHigh: 93.48,
          rank: 1,
          againstTarget: 6.67,
        }),
        line('south-1', 'south-1', { responses: 2, index: 58.75, rank: 2, target: null, againstTarget: null }),
      ],
      revisions: [{ revision: 0, reason: null, by: 'survey-admin-1', changes: [] }],
    });
    await http().post(scorecard).set('Authorization', admin()).expect(409);
    const read = await http().get(scorecard).set('Authorization', as('manager-1', 'manager')).expect(200);
    expect(read.body).toEqual(frozen.body);
  });

  it('is corrected by a new revision that names why, who and what moved; the freeze stays in the trail', async () => {
    // Without a2 (70, 75): A has one response left, 90 and 100 → 95, insufficient: no rank, no comparison.
    const corrected = await http()
      .post(`${scorecard}/corrections`)
      .set('Authorization', as('survey-admin-2', 'admin'))
      .set('If-Match', '"1"')
      .send({ reason: 'The vendor could not evidence the call to a2', excludeResponseIds: [responseOf.get('a2')] })
      .expect(200);
    expect(corrected.headers.etag).toBe('"2"');
    expect(corrected.body.excludedResponses).toEqual([responseOf.get('a2')]);
    expect(corrected.body.projects[1]).toMatchObject({
      code: A,
      responses: 1,
      index: 95,
      insufficient: true,
      rank: null,
    });
    expect(corrected.body.projects[2]).toMatchObject({ code: B, rank: 1 });
    // east-1 now 90, 100, 80, 75 → 86.25.
    expect(corrected.body.teams[0]).toMatchObject({ code: 'east-1', index: 86.25, againstTarget: 11.25 });
    expect(corrected.body.revisions[1]).toMatchObject({
      revision: 1,
      reason: 'The vendor could not evidence the call to a2',
      by: 'survey-admin-2',
    });
    expect(corrected.body.revisions[1].changes).toEqual(
      expect.arrayContaining([
        { kind: 'project', code: A, field: 'index', from: 83.75, to: 95 },
        { kind: 'project', code: A, field: 'insufficient', from: false, to: true },
        { kind: 'project', code: A, field: 'rank', from: 1, to: null },
        { kind: 'project', code: B, field: 'rank', from: 2, to: 1 },
        { kind: 'team', code: 'east-1', field: 'index', from: 81.67, to: 86.25 },
      ]),
    );
    await http()
      .post(`${scorecard}/corrections`)
      .set('Authorization', admin())
      .set('If-Match', '"1"')
      .send({ reason: 'stale' })
      .expect(412);
    const nothing = await http()
      .post(`${scorecard}/corrections`)
      .set('Authorization', admin())
      .send({ reason: 'Just checking' })
      .expect(422);
    expect(nothing.body).toMatchObject({ type: 'urn:cx:problem:appraisal-scorecard-rule-violated', field: 'reason' });
  });

  it('publishes the freeze and the correction, and answers 404 for a month never frozen, 400 for a bad name', async () => {
    const key = scorecardIdOf('residential', '2026-11');
    const messages = await eventually(() => {
      const found = topic.messages.filter((m) => m.key === key).map((m) => JSON.parse(m.value!));
      if (found.length < 2) throw new Error(`${found.length} of 2 on the topic yet`);
      return found;
    }, 60_000);
    expect(messages.map((m) => m.type)).toEqual(['ScorecardFrozen', 'ScorecardCorrected']);
    expect(messages[1].data).toMatchObject({ revision: 1, correctedBy: 'survey-admin-2' });
    await http().get('/v1/appraisal-scorecards/residential/2026-10').set('Authorization', admin()).expect(404);
    const bad = await http().get('/v1/appraisal-scorecards/offices/2026-13').set('Authorization', admin()).expect(400);
    expect(bad.body.errors.map((e: { field: string }) => e.field).sort()).toEqual(['period', 'projectType']);
  });
});
