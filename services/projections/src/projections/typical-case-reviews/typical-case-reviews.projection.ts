import type {
  ImprovementActionAddedV1,
  ImprovementActionCompletedV1,
  ImprovementActionSentBackV1,
  ImprovementActionVerifiedV1,
  EventEnvelope,
  RootCauseRecordedV1,
  TypicalCaseMarkedV1,
  TypicalCaseReviewConcludedV1,
} from '@cx/contracts';
import type { ImprovementActionRow, TypicalCaseReviewRow } from './typical-case-review.row';

/** Pure and idempotent: the review (or null) and an event in, the new review out; a duplicate changes nothing. */
export function evolveTypicalCaseReview(
  row: TypicalCaseReviewRow | null,
  event: EventEnvelope,
): TypicalCaseReviewRow | null {
  if (row && event.streamVersion <= row.lastStreamVersion) return row;
  const applied = { lastStreamVersion: event.streamVersion };
  if (event.type === 'TypicalCaseMarked') {
    if (row) return row;
    const data = event.data as TypicalCaseMarkedV1;
    return {
      reviewId: data.reviewId,
      complaintId: data.complaintId,
      project: data.project,
      region: data.region,
      category: data.category,
      severity: data.severity,
      status: 'open',
      markedAt: data.markedAt,
      rootCauseCategory: null,
      businessProblem: null,
      conclusion: null,
      concludedAt: null,
      actions: [],
      ...applied,
    };
  }
  if (!row) return null;
  const action = (actionId: string, change: (a: ImprovementActionRow) => Partial<ImprovementActionRow>) => ({
    ...row,
    actions: row.actions.map((a) => (a.actionId === actionId ? { ...a, ...change(a) } : a)),
    ...applied,
  });
  switch (event.type) {
    case 'RootCauseRecorded': {
      const data = event.data as RootCauseRecordedV1;
      return { ...row, rootCauseCategory: data.rootCauseCategory, businessProblem: data.businessProblem, ...applied };
    }
    case 'ImprovementActionAdded': {
      const { actionId, description, ownerId, dueDate } = event.data as ImprovementActionAddedV1;
      const added: ImprovementActionRow = {
        actionId,
        description,
        ownerId,
        dueDate,
        status: 'open',
        completedAt: null,
        verifiedAt: null,
        timesSentBack: 0,
      };
      return { ...row, actions: [...row.actions, added], ...applied };
    }
    case 'ImprovementActionCompleted': {
      const data = event.data as ImprovementActionCompletedV1;
      return action(data.actionId, () => ({ status: 'completed', completedAt: data.completedAt }));
    }
    case 'ImprovementActionVerified': {
      const data = event.data as ImprovementActionVerifiedV1;
      return action(data.actionId, () => ({ status: 'verified', verifiedAt: data.verifiedAt }));
    }
    case 'ImprovementActionSentBack': {
      const data = event.data as ImprovementActionSentBackV1;
      return action(data.actionId, (a) => ({ status: 'open', completedAt: null, timesSentBack: a.timesSentBack + 1 }));
    }
    case 'TypicalCaseReviewConcluded': {
      const data = event.data as TypicalCaseReviewConcludedV1;
      return { ...row, status: 'concluded', conclusion: data.conclusion, concludedAt: data.concludedAt, ...applied };
    }
    default:
      return { ...row, ...applied };
  }
}
