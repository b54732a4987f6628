import { consumerLag, PartitionLag } from '@cx/messaging';
import type { Admin } from 'kafkajs';

/** Groups of tools that read and leave (topic scans, tails, test readers): not worth a lag figure. */
const THROWAWAY_GROUPS = [/^scan\./, /^cx-tail\./, /^test-reader-/];

/** Lag of one group, or of every consumer group (under the namespace, when one is set). */
export async function lagReport(admin: Admin, group: string | undefined, namespace: string): Promise<PartitionLag[]> {
  if (group) return consumerLag(admin, group);
  const { groups } = await admin.listGroups();
  const wanted = groups
    .filter((g) => g.protocolType === 'consumer')
    .map((g) => g.groupId)
    .filter((id) => !THROWAWAY_GROUPS.some((pattern) => pattern.test(id)))
    .filter((id) => !namespace || id.startsWith(`${namespace}.`))
    .sort();
  const reports = [];
  for (const id of wanted) reports.push(...(await consumerLag(admin, id)));
  return reports;
}

/** A table an operator reads at a glance, with each group's total. */
export function formatLag(rows: readonly PartitionLag[]): string {
  if (rows.length === 0) return 'no committed offsets found';
  const table = [['GROUP', 'TOPIC', 'PARTITION', 'COMMITTED', 'END', 'LAG']];
  const totals = new Map<string, number>();
  for (const row of rows) {
    table.push([
      row.groupId,
      row.topic,
      String(row.partition),
      row.committed === null ? '-' : String(row.committed),
      String(row.end),
      String(row.lag),
    ]);
    totals.set(row.groupId, (totals.get(row.groupId) ?? 0) + row.lag);
  }
  for (const [group, lag] of totals) table.push([group, '(total)', '', '', '', String(lag)]);
  const widths = table[0].map((_, column) => Math.max(...table.map((line) => line[column].length)));
  return table
    .map((line) =>
      line
        .map((cell, column) => cell.padEnd(widths[column]))
        .join('  ')
        .trimEnd(),
    )
    .join('\n');
}
