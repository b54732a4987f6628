import type { RedactErasedSubject } from '@cx/platform';

/**
 * When the vault erases a customer, the customer's own words go too: every description of a complaint they
 * filed is deleted, and the erasure remembered so the API says so. The events keep the subject id, which points
 * at nothing once the vault's key is destroyed.
 */
export const redactErasedCustomer: RedactErasedSubject = async (tx, { subjectId, erasedAt }) => {
  await tx.query('INSERT INTO erased_subjects (subject_id, erased_at) VALUES ($1, $2) ON CONFLICT DO NOTHING', [
    subjectId,
    erasedAt,
  ]);
  await tx.query(
    `DELETE FROM complaint_descriptions WHERE complaint_id IN (
       SELECT stream_id::uuid FROM events WHERE type = 'ComplaintFiled' AND data->>'customerId' = $1)`,
    [subjectId],
  );
};
