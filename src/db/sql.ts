/** Small helpers shared by the repositories. SQL stays visible in each repository. */

/** `%text%` for `ILIKE … ESCAPE '\'`: the text matched literally (its %, _ and \ escaped, not wildcards). */
export function containsPattern(text: string): string {
  return `%${text.replace(/[\\%_]/g, '\\$&')}%`;
}

/** PostgreSQL's SQLSTATE for a unique violation (both engines report it). */
export function isUniqueViolation(error: unknown, constraint?: string): boolean {
  const e = error as { code?: string; constraint?: string; message?: string } | null;
  if (e?.code !== '23505') return false;
  return constraint === undefined || e.constraint === constraint || (e.message ?? '').includes(constraint);
}

/**
 * Turn a patch into `col = $n` assignments. Only keys listed in `columns` are used, so a caller can
 * never write a column it did not mean to; undefined values are skipped (absent from the patch).
 */
export function assignments(
  patch: Record<string, unknown>,
  columns: Record<string, string>,
  firstParam: number,
): { sql: string; params: unknown[] } {
  const parts: string[] = [];
  const params: unknown[] = [];
  for (const [key, column] of Object.entries(columns)) {
    const value = patch[key];
    if (value === undefined) continue;
    params.push(value);
    parts.push(`${column} = $${firstParam + params.length - 1}`);
  }
  return { sql: parts.join(', '), params };
}

/** A keyset position: the sort value (ISO time or text) and the row id as tie-breaker. */
export interface Keyset {
  key: string;
  id: string;
}
