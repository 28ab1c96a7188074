/** Small helpers shared by the repositories. SQL stays visible in each repository. */
import type { Queryable } from './db.ts';

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
function assignments(
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

/**
 * The SET list of a partial update (PATCH) of one row, for
 * `UPDATE … SET ${sql} WHERE org_id = $1 AND id = $2` with parameters `[orgId, id, ...params]`:
 * `updated_at = $3` (the time `at`), then the patch's columns (see {@link assignments}) from `$4`.
 * The statement and its tenant filter stay written out in the repository.
 *
 * @example patchSet({ name: 'Ada', phone: undefined }, { name: 'name', phone: 'phone' }, at)
 *   // sql: updated_at = $3, name = $4   params: [at, 'Ada']
 */
export function patchSet(
  patch: Record<string, unknown>,
  columns: Record<string, string>,
  at: Date,
): { sql: string; params: unknown[] } {
  const set = assignments(patch, columns, 4);
  return { sql: `updated_at = $3${set.sql ? `, ${set.sql}` : ''}`, params: [at, ...set.params] };
}

/** A keyset position: the sort value (ISO time or text) and the row id as tie-breaker. */
export interface Keyset {
  key: string;
  id: string;
}

/** A page request as the repositories take it: after this position (null: from the start), at most `limit` rows. */
export interface KeysetPage {
  after: Keyset | null;
  limit: number;
}

/**
 * The SQL of one keyset page over rows ordered by `(by, id)`: the condition that skips to the
 * position (every row when there is none) and the ORDER BY … LIMIT, with their three parameters
 * (position's key and id, limit) numbered from `firstParam`. Pass `params` at that place. Without a
 * page (undefined) it reads every row: no position, and `LIMIT NULL`.
 *
 * @example keysetPage({ after: null, limit: 51 }, { by: 'created_at', firstParam: 2 })
 *   // where: ($2::timestamptz IS NULL OR (created_at, id) > ($2::timestamptz, $3::uuid))
 *   // orderLimit: ORDER BY created_at, id LIMIT $4
 */
export function keysetPage(
  page: KeysetPage | undefined,
  o: { by: string; id?: string; firstParam: number; descending?: boolean },
): { where: string; orderLimit: string; params: [string | null, string | null, number | null] } {
  const id = o.id ?? 'id';
  const [k, i, l] = [o.firstParam, o.firstParam + 1, o.firstParam + 2];
  const dir = o.descending ? ' DESC' : '';
  return {
    where: `($${k}::timestamptz IS NULL OR (${o.by}, ${id}) ${o.descending ? '<' : '>'} ($${k}::timestamptz, $${i}::uuid))`,
    orderLimit: `ORDER BY ${o.by}${dir}, ${id}${dir} LIMIT $${l}`,
    params: [page?.after?.key ?? null, page?.after?.id ?? null, page?.limit ?? null],
  };
}

/**
 * Plan the rest of this transaction's statements for their own parameters. Prepared statements
 * (src/db/db.ts, F8) let PostgreSQL keep a generic plan after five runs when that plan's estimate
 * is the cheaper; for a report, whose cohort is a handful of rows in one organization and half a
 * million in another, the generic plan assumed eleven rows and nested an aggregate of the whole
 * cohort inside a loop over it, and a year's report of the largest organization at 10M follow-ups
 * ran for minutes instead of seconds (BENCHMARKS.md, F11). Planning costs milliseconds next to a
 * report. Call it inside a transaction: SET LOCAL ends with it.
 */
export async function planForTheseParameters(q: Queryable): Promise<void> {
  await q.exec('SET LOCAL plan_cache_mode = force_custom_plan');
}
