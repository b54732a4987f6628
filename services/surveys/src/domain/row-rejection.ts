/**
 * Why one row of a bulk request was refused; the request's other rows go on. `row` counts the request's rows
 * from 1; `reason` is a stable code, `detail` says it in words.
 */
export interface RowRejection {
  row: number;
  /** The row's subject id as sent, when it is one (never a phone number or name pasted in its place). */
  subjectId: string | null;
  reason: string;
  /** The field at fault, e.g. `answers[2].value`; null when the row as a whole is. */
  field: string | null;
  detail: string;
}
