import type { EventEnvelope } from '@cx/contracts';
import type { TypicalCaseReviewRow } from './typical-case-review.row';
import { evolveTypicalCaseReview } from './typical-case-reviews.projection';

const reviewId = '5d1f0a7e-2b7c-4f0e-9a1d-3c2b1a0f9e8d';
const actionId = '7a4c2e1f-0b9d-4e8c-8f7a-6b5c4d3e2f1a';
const at = '2026-11-25T02:00:00.000Z';

const envelope = (streamVersion: number, type: string, data: Record<string, unknown>): EventEnvelope => ({
  id: `e${streamVersion}`,
  type,
  schemaVersion: 1,
  streamId: reviewId,
  streamType: 'TypicalCaseReview',
  streamVersion,
  position: String(streamVersion),
  occurredAt: at,
  correlationId: 'c',
  causationId: null,
  actor: { type: 'user', id: 'reviewer-1' },
  data: { reviewId, ...data },
});
const marked = envelope(1, 'TypicalCaseMarked', {
  complaintId: '0f8e3f5e-8a8e-4c55-9a55-6f2b0c7d1a11',
  project: 'SH-PUDONG-07',
  region: 'east-china',
  category: 'housing_quality',
  severity: 'high',
  reason: 'r',
  markedBy: 'reviewer-1',
  markedAt: at,
});
const added = envelope(2, 'ImprovementActionAdded', {
  actionId,
  description: 'd',
  ownerId: 'manager-1',
  dueDate: '2026-12-01',
  addedAt: at,
});
const completed = (v: number) =>
  envelope(v, 'ImprovementActionCompleted', { actionId, completedBy: 'manager-1', note: 'n', completedAt: at });
const replay = (...events: EventEnvelope[]) =>
  events.reduce<TypicalCaseReviewRow | null>((row, e) => evolveTypicalCaseReview(row, e), null);

describe('typical-case review read model', () => {
  it('opens a review with its complaint, and records the latest root cause', () => {
    const row = replay(
      marked,
      envelope(2, 'RootCauseRecorded', {
        rootCauseCategory: 'process',
        businessProblem: 'first',
        previousRootCauseCategory: null,
        recordedAt: at,
      }),
      envelope(3, 'RootCauseRecorded', {
        rootCauseCategory: 'supplier',
        businessProblem: 'revised',
        previousRootCauseCategory: 'process',
        recordedAt: at,
      }),
    );
    expect(row).toMatchObject({ status: 'open', rootCauseCategory: 'supplier', businessProblem: 'revised' });
  });

  it('follows an action through completion, sending back and verification', () => {
    const sentBack = envelope(4, 'ImprovementActionSentBack', { actionId, reason: 'r', sentBackAt: at });
    const afterSendBack = replay(marked, added, completed(3), sentBack);
    expect(afterSendBack?.actions[0]).toMatchObject({ status: 'open', completedAt: null, timesSentBack: 1 });
    const verified = envelope(6, 'ImprovementActionVerified', { actionId, verifiedBy: 'reviewer-1', verifiedAt: at });
    const concluded = envelope(7, 'TypicalCaseReviewConcluded', { conclusion: 'lessons', concludedAt: at });
    const row = replay(marked, added, completed(3), sentBack, completed(5), verified, concluded);
    expect(row?.actions[0]).toMatchObject({ status: 'verified', verifiedAt: at, timesSentBack: 1 });
    expect(row).toMatchObject({ status: 'concluded', conclusion: 'lessons', lastStreamVersion: 7 });
  });

  it('changes nothing for a redelivered event or an event before the marking', () => {
    const once = replay(marked, added, completed(3));
    expect(evolveTypicalCaseReview(once, completed(3))).toBe(once);
    expect(evolveTypicalCaseReview(once, added)).toBe(once);
    expect(evolveTypicalCaseReview(null, added)).toBeNull();
  });
});
