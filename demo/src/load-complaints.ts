import type { Principal } from '@cx/auth';
import { ESCALATION_LADDER, EscalationLevel } from '@cx/contracts';
import { ApiClient } from './api-client';
import { addMonths, daysIn, groupTime } from './calendar';
import { callers, inPool } from './callers';
import type { DataSet, PlannedComplaint } from './data-set';
import type { Progress } from './progress';
import type { Tally } from './tally';
import { CEO_NOTES, CEO_REPORTS } from './texts';

interface ComplaintView {
  complaintId: string;
  status: string;
  escalationLevel: EscalationLevel;
  handlerId: string | null;
  firstRespondedAt: string | null;
  ceoInstructions: { instructionId: string; status: 'open' | 'reported' | 'accepted' }[];
  /** The targets of the SLA policy the service runs (hours), as it applies them to this complaint. */
  slaClocks: { target: string; hours: number }[];
  version: number;
}

interface Step {
  path: string;
  as: Principal;
  body?: unknown;
}

const IN_HANDLING = ['registered', 'acknowledged', 'in_progress'];
const level = (name: EscalationLevel) => ESCALATION_LADDER.indexOf(name);

/**
 * The next step of a complaint's journey from where it stands, or none when it is where the plan wants it.
 * Deciding from the complaint as it is (not from what this run did) makes a second run take no step twice,
 * and leaves alone what the SLA scheduler did meanwhile (a breach escalates; the plan only asks "at least").
 */
export function nextStep(plan: PlannedComplaint, view: ComplaintView, dueAt: string): Step | undefined {
  const { journey } = plan;
  const handler = journey.handlerId ? callers.handler(journey.handlerId) : callers.callCentre(plan.project.region);
  const handling = IN_HANDLING.includes(view.status);
  if (handling && journey.acknowledge && !journey.handlerId && view.status === 'registered') {
    return { path: 'acknowledgement', as: handler };
  }
  if (handling && journey.handlerId && view.handlerId === null) {
    return { path: 'assignment', as: callers.callCentre(plan.project.region), body: { handlerId: journey.handlerId } };
  }
  if (handling && journey.respond && view.firstRespondedAt === null) {
    return { path: 'responses', as: handler, body: { channel: 'phone' } };
  }
  if (handling && journey.escalateTo && level(view.escalationLevel) < level(journey.escalateTo)) {
    return { path: 'escalations', as: handler, body: { reason: journey.escalationReason } };
  }
  if (journey.ceoInstruction && journey.handlerId && view.escalationLevel === 'ceo_office') {
    const last = view.ceoInstructions.at(-1);
    if (!last && handling) {
      return {
        path: 'ceo-instructions',
        as: callers.ceoOffice,
        body: {
          ownerId: journey.handlerId,
          ownerLevel: 'project',
          dueAt,
          note: CEO_NOTES[plan.index % CEO_NOTES.length],
        },
      };
    }
    if (last?.status === 'open' && journey.ceoInstruction !== 'issued') {
      return {
        path: `ceo-instructions/${last.instructionId}/report`,
        as: handler,
        body: { report: CEO_REPORTS[plan.index % CEO_REPORTS.length] },
      };
    }
    if (last?.status === 'reported' && journey.ceoInstruction === 'accepted') {
      return { path: `ceo-instructions/${last.instructionId}/acceptance`, as: callers.ceoOffice };
    }
  }
  if (journey.resolve && view.status === 'in_progress') {
    return { path: 'resolution', as: handler, body: { outcome: journey.resolve } };
  }
  if (journey.closeWithSatisfaction && view.status === 'resolved') {
    return { path: 'resolution/confirmation', as: callers.callCentre(plan.project.region) };
  }
  if (journey.closeWithSatisfaction && view.status === 'resolution_confirmed') {
    return { path: 'closure', as: handler, body: { satisfaction: journey.closeWithSatisfaction } };
  }
  return undefined;
}

/** Files every complaint (Idempotency-Key) and walks it along its journey; the typical-case reviews after. */
export async function loadComplaints(
  api: ApiClient,
  data: DataSet,
  subjects: Map<number, string>,
  progress: Progress,
  tally: Tally,
): Promise<Map<number, ComplaintView>> {
  const next = addMonths(data.settings.month, 1);
  const dueAt = groupTime(next, daysIn(next), 18);
  const views = new Map<number, ComplaintView>();
  progress.phase('complaints', data.complaints.length);
  await inPool(data.complaints, 4, async (plan) => {
    const filed = await api.call<ComplaintView>('complaints', 'POST', '/v1/complaints', {
      as: callers.callCentre(plan.project.region),
      idempotencyKey: plan.key,
      body: {
        customerId: subjects.get(plan.customer),
        project: plan.project.code,
        region: plan.project.region,
        category: plan.category,
        severity: plan.severity,
        channel: plan.channel,
        description: plan.description,
      },
    });
    tally.created('complaints', filed);
    let view = filed.body;
    for (let taken = 0; taken < 20; taken++) {
      const step = nextStep(plan, view, dueAt);
      if (!step) break;
      const path = `/v1/complaints/${view.complaintId}/${step.path}`;
      const answer = await api.call<ComplaintView>('complaints', 'POST', path, {
        as: step.as,
        body: step.body,
        ifMatch: view.version,
        expect: [412],
      });
      // 412: the SLA scheduler moved the complaint since it was read; decide again on what it is now.
      view =
        answer.status === 412
          ? (await api.call<ComplaintView>('complaints', 'GET', `/v1/complaints/${view.complaintId}`, { as: step.as }))
              .body
          : answer.body;
      tally.steps += 1;
    }
    views.set(plan.index, view);
    progress.tick();
  });
  await loadReviews(api, data, views, progress, tally);
  return views;
}

interface ReviewView {
  reviewId: string;
  rootCause: unknown;
  actions: unknown[];
  version: number;
}

async function loadReviews(
  api: ApiClient,
  data: DataSet,
  complaints: Map<number, ComplaintView>,
  progress: Progress,
  tally: Tally,
): Promise<void> {
  progress.phase('typical-case reviews', data.reviews.length);
  for (const plan of data.reviews) {
    const as = callers.reviewBoard;
    const marked = await api.call<ReviewView>('complaints', 'POST', '/v1/typical-case-reviews', {
      as,
      idempotencyKey: plan.key,
      body: { complaintId: complaints.get(plan.complaint)!.complaintId, reason: plan.reason },
    });
    tally.created('typical-case reviews', marked);
    let review = marked.body;
    const path = `/v1/typical-case-reviews/${review.reviewId}`;
    if (!review.rootCause) {
      const body = { rootCauseCategory: plan.rootCauseCategory, businessProblem: plan.businessProblem };
      review = (
        await api.call<ReviewView>('complaints', 'POST', `${path}/root-cause`, { as, body, ifMatch: review.version })
      ).body;
    }
    if (review.actions.length === 0) {
      await api.call('complaints', 'POST', `${path}/actions`, { as, body: plan.action, ifMatch: review.version });
    }
    progress.tick();
  }
}
