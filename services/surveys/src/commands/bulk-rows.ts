import { plainToInstance } from 'class-transformer';
import { ValidationError, validateSync } from 'class-validator';
import { SUBJECT_ID_PATTERN } from '@cx/contracts';
import type { RowRejection } from '../domain/row-rejection';

export type RowCheck<T> = { ok: true; row: number; value: T } | { ok: false; rejection: RowRejection };

/** The global pipe's rules, for one row of a bulk body: unknown fields are refused, never dropped. */
const ROW_VALIDATION = { whitelist: true, forbidNonWhitelisted: true, forbidUnknownValues: true };
const SUBJECT_ID = new RegExp(SUBJECT_ID_PATTERN);

/**
 * Checks one row of a bulk body with the request DTO a single request would use. A row with a problem is
 * refused with a stable reason: `unknown_field`, `missing_<field>`, the constraint's own reason (its
 * `context.reason`) or `invalid_<field>`; its first problem is reported, nested ones by their path
 * (`answers[2].value`).
 */
export function checkRow<T extends object>(dto: new () => T, raw: unknown, row: number): RowCheck<T> {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) {
    return {
      ok: false,
      rejection: { row, subjectId: null, reason: 'not_an_object', field: null, detail: 'each row must be an object' },
    };
  }
  const fields = raw as Record<string, unknown>;
  const value = plainToInstance(dto, fields);
  const [problem] = validateSync(value, ROW_VALIDATION);
  if (!problem) return { ok: true, row, value };
  // Echoed only when it is a subject id: a phone number or a name pasted there must not travel on in the report.
  const subjectId = typeof fields.subjectId === 'string' && SUBJECT_ID.test(fields.subjectId) ? fields.subjectId : null;
  return { ok: false, rejection: { row, subjectId, ...rejectionOf(problem, fields, '') } };
}

function rejectionOf(
  problem: ValidationError,
  container: unknown,
  parent: string,
): Pick<RowRejection, 'reason' | 'field' | 'detail'> {
  const { property } = problem;
  const field = !parent ? property : /^\d+$/.test(property) ? `${parent}[${property}]` : `${parent}.${property}`;
  const value = (container as Record<string, unknown> | undefined)?.[property];
  const [constraint, message] = Object.entries(problem.constraints ?? {})[0] ?? [];
  if (constraint === undefined && problem.children?.length) return rejectionOf(problem.children[0], value, field);
  if (constraint === 'whitelistValidation')
    return { reason: 'unknown_field', field, detail: `${field} is not a field` };
  const code = property.replace(/[A-Z]/g, (letter) => `_${letter.toLowerCase()}`);
  if (value === undefined || value === null || (typeof value === 'string' && value.trim() === '')) {
    return { reason: `missing_${code}`, field, detail: `${field} is missing` };
  }
  const reason = (problem.contexts?.[constraint ?? '']?.reason as string | undefined) ?? `invalid_${code}`;
  // Messages start with the property's name; a nested one is named by its path instead.
  const text = message ?? `${property} is not valid`;
  return { reason, field, detail: text.startsWith(property) ? field + text.slice(property.length) : text };
}
