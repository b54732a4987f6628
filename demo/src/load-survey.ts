import { ApiClient } from './api-client';
import { groupTime } from './calendar';
import { callers } from './callers';
import type { Customer, DataSet } from './data-set';
import { refusedRows } from './load-campaign';
import type { Progress } from './progress';
import { SeededRandom } from './random';
import type { Tally } from './tally';
import { FREE_TEXTS, QUESTIONS } from './texts';

interface WaveView {
  waveId: string;
  status: 'planned' | 'framed' | 'in_field' | 'closed';
  version: number;
}

interface SampleMember {
  subjectId: string;
  project: string;
  stage: string;
}

type ResponseRow = {
  subjectId: string;
  disposition: string;
  attempts: number;
  respondedAt: string;
  answers?: { questionId: string; value: number | string }[];
};

/**
 * Last month's residential wave, as the survey office and the vendor run it: a published questionnaire, the frame
 * (every customer, by subject id), a stratified draw with the demo's seed, then the vendor's calls uploaded week by
 * week. A few customers rate the complaint handling low: the complaints service follows those up by itself.
 */
export async function loadSurvey(
  api: ApiClient,
  data: DataSet,
  subjects: Map<number, string>,
  progress: Progress,
  tally: Tally,
): Promise<{ waveId: string; questionnaireId: string; responsesAccepted: number; lowComplaintRatings: number }> {
  const plan = data.survey;
  const as = callers.surveyOffice;
  progress.phase('satisfaction survey', 8);
  const created = await api.call<{ questionnaireId: string; versions: { status: string }[]; version: number }>(
    'surveys',
    'POST',
    '/v1/questionnaires',
    { as, idempotencyKey: plan.questionnaireKey, body: plan.questionnaire },
  );
  tally.created('questionnaires', created);
  const { questionnaireId } = created.body;
  const questionnaire = (
    await api.call<typeof created.body>('surveys', 'GET', `/v1/questionnaires/${questionnaireId}`, { as })
  ).body;
  if (questionnaire.versions[0].status === 'draft') {
    await api.call('surveys', 'POST', `/v1/questionnaires/${questionnaireId}/versions/1/publication`, {
      as,
      ifMatch: questionnaire.version,
    });
  }
  progress.tick();
  const planned = await api.call<WaveView & { existingWaveId?: string }>('surveys', 'POST', '/v1/waves', {
    as,
    idempotencyKey: plan.waveKey,
    body: { period: plan.period, projectType: 'residential', questionnaireId, questionnaireVersion: 1 },
    expect: [409],
  });
  tally.created('waves', planned);
  // 409: the month's wave exists already (planned by hand, or by a run with another seed): the demo fills that one.
  const waveId = planned.body.waveId ?? planned.body.existingWaveId!;
  const path = `/v1/waves/${waveId}`;
  let wave = (await api.call<WaveView>('surveys', 'GET', path, { as })).body;
  progress.tick();
  if (wave.status === 'planned') {
    const frame = data.customers.map((c) => ({
      subjectId: subjects.get(c.index),
      project: c.project.code,
      region: c.project.region,
      stage: c.stage,
    }));
    await api.call('surveys', 'PUT', `${path}/frame`, { as, body: frame, ifMatch: wave.version });
    wave = (await api.call<WaveView>('surveys', 'GET', path, { as })).body;
  }
  progress.tick();
  if (wave.status === 'framed') {
    const strata = new Set(data.customers.map((c) => `${c.project.code}|${c.stage}`));
    const quotas = [...strata].map((s) => {
      const [project, stage] = s.split('|');
      return { project, stage, size: plan.quotaPerStratum };
    });
    await api.call('surveys', 'POST', `${path}/draw`, {
      as,
      body: { seed: plan.drawSeed, quotas },
      ifMatch: wave.version,
    });
  }
  progress.tick();
  const sample = await api.call<{ members: SampleMember[] }>('surveys', 'GET', `${path}/sample`, { as });
  const customerOf = new Map(data.customers.map((c) => [subjects.get(c.index), c]));
  const rows = sample.body.members
    .filter((m) => customerOf.has(m.subjectId))
    .map((m) => responseRow(data, customerOf.get(m.subjectId)!, m.subjectId));
  let responsesAccepted = 0;
  for (let week = 0; week < 4; week++) {
    const batch = rows.filter((r) => Math.min(3, Math.floor((Number(r.respondedAt.slice(8, 10)) - 1) / 7)) === week);
    const report = await api.call<{ accepted: number; rejected: number; rows: number; rejections: [] }>(
      'surveys',
      'POST',
      `${path}/responses/bulk`,
      { as: callers.surveyVendor, idempotencyKey: `${plan.waveKey}.responses.week${week + 1}`, body: batch },
    );
    tally.created('vendor batches', report);
    refusedRows(`survey responses, week ${week + 1}`, report.body, progress);
    responsesAccepted += report.body.accepted;
    progress.tick();
  }
  const lowComplaintRatings = rows.filter((r) =>
    r.answers?.some((a) => a.questionId.endsWith('_complaints') && typeof a.value === 'number' && a.value <= 2),
  ).length;
  return { waveId, questionnaireId, responsesAccepted, lowComplaintRatings };
}

/** One customer's call outcome, from the seed and the customer alone. */
function responseRow(data: DataSet, customer: Customer, subjectId: string): ResponseRow {
  const random = new SeededRandom(data.settings.seed, `survey-response.${customer.index}`);
  const disposition = random.weighted({ complete: 56, partial: 7, refusal: 10, non_contact: 20, ineligible: 7 });
  const respondedAt = groupTime(data.survey.period, random.int(1, 28), random.int(10, 20), random.int(0, 59));
  const row: ResponseRow = { subjectId, disposition, attempts: random.int(1, 3), respondedAt };
  if (disposition !== 'complete' && disposition !== 'partial') return row;
  const questions = QUESTIONS.filter((q) => q.stage === customer.stage);
  const happy = random.next();
  row.answers = questions.flatMap((q): { questionId: string; value: number | string }[] => {
    if (disposition === 'partial' && !q.questionId.endsWith('_overall')) return [];
    switch (q.type) {
      case 'rating_0_10':
        return [{ questionId: q.questionId, value: happy < 0.15 ? random.int(2, 6) : random.int(7, 10) }];
      case 'rating_1_5':
        if (q.dimension === 'complaint_handling') {
          // Only some have complained; about one in ten of them is unhappy with how it went.
          if (!random.chance(0.35)) return [];
          return [{ questionId: q.questionId, value: random.chance(0.25) ? random.int(1, 2) : random.int(3, 5) }];
        }
        return [{ questionId: q.questionId, value: happy < 0.15 ? random.int(1, 3) : random.int(3, 5) }];
      case 'free_text':
        return random.chance(0.2) ? [{ questionId: q.questionId, value: random.pick(FREE_TEXTS) }] : [];
    }
  });
  return row;
}
