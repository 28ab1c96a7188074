import { currentViewer, type Queryable } from '../db/db.ts';
import { insertAudit, listAudit, type AuditEntry } from '../repositories/audit.repository.ts';
import type { ServiceDeps } from './deps.ts';
import { fetchPage, type Page } from './pagination.ts';

/**
 * Append to the audit log inside the caller's transaction, attributed to the current request's
 * member (with the API token they used, if any), or to the system when there is none.
 */
export async function recordAudit(
  tx: Queryable,
  orgId: string,
  at: Date,
  action: string,
  target: { type: string; id: string } | null = null,
  data: Record<string, unknown> = {},
  actor?: { type: AuditEntry['actorType']; id: string | null },
): Promise<void> {
  const viewer = currentViewer();
  const acting = viewer && viewer.orgId === orgId ? viewer : null;
  const who =
    actor ??
    (acting ? { type: 'member' as const, id: acting.memberId } : { type: 'system' as const, id: null });
  await insertAudit(tx, {
    orgId,
    at,
    actorType: who.type,
    actorId: who.id,
    apiTokenId: actor ? null : (acting?.apiTokenId ?? null),
    action,
    targetType: target?.type ?? null,
    targetId: target?.id ?? null,
    data,
    ip: viewer?.ip ?? null,
  });
}

/** The audit log, newest first. */
export async function listAuditPage(
  deps: ServiceDeps,
  orgId: string,
  query: { cursor?: string | undefined; limit: number; action?: string | undefined },
): Promise<Page<AuditEntry>> {
  return fetchPage(
    query,
    (page) => listAudit(deps.db.tenant(orgId), orgId, { ...page, action: query.action }),
    (e) => e.at,
  );
}
