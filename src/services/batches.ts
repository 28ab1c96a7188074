/**
 * Rows of several organizations split by organization, in first-seen order: batched work (the
 * sweep, the dispatcher's recording) runs each group in its own tenant scope.
 */
export function groupByOrg<T extends { orgId: string }>(rows: readonly T[]): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const row of rows) {
    const group = groups.get(row.orgId);
    if (group) group.push(row);
    else groups.set(row.orgId, [row]);
  }
  return groups;
}
