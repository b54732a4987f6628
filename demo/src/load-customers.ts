import { ApiClient } from './api-client';
import { callers, inPool } from './callers';
import type { Customer } from './data-set';
import type { Progress } from './progress';
import type { Tally } from './tally';

/**
 * Customers into the confidentiality vault: their names and phone numbers live only there; every other service
 * gets the subject id. A phone number the vault already holds answers 409 naming its subject: that one is used.
 */
export async function registerCustomers(
  api: ApiClient,
  customers: readonly Customer[],
  progress: Progress,
  tally: Tally,
): Promise<Map<number, string>> {
  const subjects = new Map<number, string>();
  progress.phase('customers (vault)', customers.length);
  await inPool(customers, 4, async (customer) => {
    const answer = await api.call<{ subjectId?: string; existingSubjectId?: string }>(
      'confidentiality',
      'POST',
      '/v1/subjects',
      {
        as: callers.callCentre(customer.project.region),
        body: { name: customer.name, phone: customer.phone },
        idempotencyKey: customer.key,
        expect: [409],
      },
    );
    tally.created('customers', answer);
    subjects.set(customer.index, (answer.body.subjectId ?? answer.body.existingSubjectId)!);
    progress.tick();
  });
  return subjects;
}
