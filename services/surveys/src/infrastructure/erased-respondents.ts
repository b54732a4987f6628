import type { RedactErasedSubject } from '@cx/platform';

/** An erased customer's own words in their answers go; ratings stay, tied to a subject id that holds nothing now. */
export const redactErasedRespondent: RedactErasedSubject = async (tx, { subjectId, erasedAt }) => {
  await tx.query('INSERT INTO erased_subjects (subject_id, erased_at) VALUES ($1, $2) ON CONFLICT DO NOTHING', [
    subjectId,
    erasedAt,
  ]);
  await tx.query('DELETE FROM response_free_texts WHERE subject_id = $1', [subjectId]);
};
