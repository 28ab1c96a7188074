import type { Queryable } from '../db/db.ts';
import type { ExportedTable } from '../domain/organization-export.ts';

/** One row as JSON (the database's column names and types, as `to_jsonb` writes them). */
export type ExportRow = Record<string, unknown>;

/**
 * One page of a table's rows of an organization, in key order, after `after` (the previous page's
 * last key values; null for the first page), without the table's secret columns. The table and
 * column names come from the classification in code, never from input.
 */
export async function readTablePage(
  q: Queryable,
  spec: ExportedTable,
  orgId: string,
  after: string[] | null,
  limit: number,
): Promise<ExportRow[]> {
  const keys = spec.key.map((k) => `t.${quote(k.name)}`).join(', ');
  const afterParams = spec.key.map((k, i) => `$${i + 3}::${k.type}`).join(', ');
  // Two statements rather than one with "first page OR after": each keeps a plan that uses the key.
  const rows = await q.query<{ row: ExportRow }>(
    `SELECT to_jsonb(t) - $2::text[] AS row FROM ${quote(spec.table)} t
      WHERE t.${quote(spec.orgColumn)} = $1${after === null ? '' : ` AND (${keys}) > (${afterParams})`}
      ORDER BY ${keys}
      LIMIT ${Math.trunc(limit)}`,
    [orgId, Object.keys(spec.secretColumns), ...(after ?? [])],
  );
  return rows.map((r) => r.row);
}

/** The database's schema version (the highest migration applied). */
export async function schemaVersion(q: Queryable): Promise<number> {
  const [row] = await q.query<{ version: number }>(
    'SELECT coalesce(max(version), 0)::int AS version FROM schema_migrations',
  );
  return row?.version ?? 0;
}

/** Every base table of the public schema and its columns (for the classification test). */
export async function listTablesAndColumns(q: Queryable): Promise<Map<string, string[]>> {
  const rows = await q.query<{ table_name: string; column_name: string }>(
    `SELECT c.table_name, c.column_name FROM information_schema.columns c
       JOIN information_schema.tables t ON t.table_schema = c.table_schema AND t.table_name = c.table_name
      WHERE c.table_schema = 'public' AND t.table_type = 'BASE TABLE'
      ORDER BY c.table_name, c.ordinal_position`,
  );
  const tables = new Map<string, string[]>();
  for (const r of rows) tables.set(r.table_name, [...(tables.get(r.table_name) ?? []), r.column_name]);
  return tables;
}

function quote(identifier: string): string {
  if (!/^[a-z_][a-z0-9_]*$/.test(identifier)) throw new Error(`not an identifier: ${identifier}`);
  return `"${identifier}"`;
}
