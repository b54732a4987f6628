/**
 * Why one row of a bulk request was refused; the request's other rows go on. `row` counts the request's rows
 * from 1 (a CSV header is not a row); `reason` is a stable code, `detail` says it in words.
 */
export interface RowRejection {
  row: number;
  /** The row's person id as sent, when it has one in a person id's shape (never a name pasted in its place). */
  personId: string | null;
  reason: string;
  /** The field at fault (a CSV column name for CSV input); null when the row as a whole is. */
  field: string | null;
  detail: string;
}
