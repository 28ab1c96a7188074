import { EXCLUDED_TABLES, EXPORTED_TABLES } from '../domain/organization-export.ts';
import { maskSecretLinks } from '../domain/sign-in-links.ts';
import { errors } from '../errors.ts';
import { readTablePage, schemaVersion, type ExportRow } from '../repositories/export.repository.ts';
import { findOrganization } from '../repositories/organization.repository.ts';
import { recordAudit } from './audit.service.ts';
import type { ServiceDeps } from './deps.ts';
import type { Page } from './pagination.ts';

/** Rows read per statement: the export holds one page in memory, never a whole table. */
export const EXPORT_PAGE_SIZE = 200;

/**
 * Every item of a list, a page at a time, through the list's own page function: the same filters,
 * the same order, the same row-level security as reading the list, and one page in memory.
 */
export async function* pagesOf<T>(
  fetchPage: (cursor: string | undefined) => Promise<Page<T>>,
): AsyncGenerator<T[]> {
  let cursor: string | undefined;
  for (;;) {
    const page = await fetchPage(cursor);
    if (page.items.length > 0) yield page.items;
    if (page.nextCursor === null) return;
    cursor = page.nextCursor;
  }
}

/** Refuse an export of an organization that does not exist (the command line names it by id). */
export async function requireOrganization(deps: ServiceDeps, orgId: string): Promise<void> {
  if (!(await findOrganization(deps.db.tenant(orgId), orgId))) throw errors.notFound('Organization', orgId);
}

/** Who asked for an organization export: a member (through the API) or the command line. */
export type ExportRequester = { memberId: string } | { commandLine: true };

/**
 * The organization's data as one JSON document, in pieces to write one after the other:
 * `{ format, version, organizationId, exportedAt, schemaVersion, excluded, tables: { name: [rows] } }`.
 * Every table of the organization but the secrets (see organization-export.ts); each row with the
 * database's column names; every secret link in any text masked. The export is recorded in the
 * audit log (who, when) before the first piece. Read a page at a time: not one snapshot — rows
 * changed while it runs may appear in their old or new state.
 */
export async function* exportOrganization(
  deps: ServiceDeps,
  orgId: string,
  requester: ExportRequester,
  options: { pageSize?: number } = {},
): AsyncGenerator<string> {
  const pageSize = options.pageSize ?? EXPORT_PAGE_SIZE;
  const now = deps.clock.now();
  const db = deps.db.tenant(orgId);
  await db.transaction(async (tx) => {
    if (!(await findOrganization(tx, orgId))) throw errors.notFound('Organization', orgId);
    await recordAudit(
      tx,
      orgId,
      now,
      'organization_exported',
      { type: 'organization', id: orgId },
      { tables: EXPORTED_TABLES.map((t) => t.table) },
      'commandLine' in requester ? { type: 'system', id: null } : undefined,
    );
  });
  // The version is the database's, not a tenant's: read as the connecting user (as `migrate` does).
  const version = await schemaVersion(deps.db);
  const head = {
    format: 'hearback-organization-export',
    version: 1,
    organizationId: orgId,
    exportedAt: now.toISOString(),
    schemaVersion: version,
    excluded: {
      tables: EXCLUDED_TABLES,
      columns: Object.fromEntries(
        EXPORTED_TABLES.filter((t) => Object.keys(t.secretColumns).length > 0).map((t) => [
          t.table,
          t.secretColumns,
        ]),
      ),
    },
  };
  const opening = JSON.stringify(head);
  yield `${opening.slice(0, -1)},"tables":{`;
  let firstTable = true;
  for (const spec of EXPORTED_TABLES) {
    yield `${firstTable ? '' : ','}\n${JSON.stringify(spec.table)}:[`;
    firstTable = false;
    let after: string[] | null = null;
    let firstRow = true;
    for (;;) {
      const rows = await readTablePage(db, spec, orgId, after, pageSize);
      if (rows.length > 0) {
        yield rows.map((r, i) => `${firstRow && i === 0 ? '' : ','}\n${JSON.stringify(maskRow(r))}`).join('');
        firstRow = false;
      }
      if (rows.length < pageSize) break;
      const last = rows[rows.length - 1]!;
      after = spec.key.map((k) => String(last[k.name]));
    }
    yield ']';
  }
  yield '\n}}\n';
}

/** `row` with every secret link in its text masked (a sign-in link in a stored email, say). */
function maskRow(row: ExportRow): ExportRow {
  return maskValue(row) as ExportRow;
}

function maskValue(value: unknown): unknown {
  if (typeof value === 'string') return maskSecretLinks(value);
  if (Array.isArray(value)) return value.map(maskValue);
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, maskValue(v)]));
  }
  return value;
}
