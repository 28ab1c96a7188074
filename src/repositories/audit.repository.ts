import type { Queryable } from '../db/db.ts';
import { keysetPage, type KeysetPage } from '../db/sql.ts';

/** One entry of the audit log. */
export interface AuditEntry {
  id: string;
  orgId: string;
  at: Date;
  actorType: 'member' | 'api_token' | 'system' | 'anonymous';
  actorId: string | null;
  /** The API token the member acted through; null for a session or the system. */
  apiTokenId: string | null;
  action: string;
  targetType: string | null;
  targetId: string | null;
  data: Record<string, unknown>;
  ip: string | null;
}

interface AuditRow {
  id: string;
  org_id: string;
  at: Date;
  actor_type: AuditEntry['actorType'];
  actor_id: string | null;
  api_token_id: string | null;
  action: string;
  target_type: string | null;
  target_id: string | null;
  data: Record<string, unknown>;
  ip: string | null;
}

const toEntry = (r: AuditRow): AuditEntry => ({
  id: r.id,
  orgId: r.org_id,
  at: r.at,
  actorType: r.actor_type,
  actorId: r.actor_id,
  apiTokenId: r.api_token_id,
  action: r.action,
  targetType: r.target_type,
  targetId: r.target_id,
  data: r.data,
  ip: r.ip,
});

/** Append an entry (the application role can do nothing else to this table). */
export async function insertAudit(q: Queryable, e: Omit<AuditEntry, 'id'>): Promise<void> {
  await q.query(
    `INSERT INTO audit_log (org_id, at, actor_type, actor_id, api_token_id, action, target_type, target_id, data, ip)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9::jsonb, $10)`,
    [
      e.orgId,
      e.at,
      e.actorType,
      e.actorId,
      e.apiTokenId,
      e.action,
      e.targetType,
      e.targetId,
      JSON.stringify(e.data),
      e.ip,
    ],
  );
}

/** The organization's audit log, newest first. */
export async function listAudit(
  q: Queryable,
  orgId: string,
  page: KeysetPage & { action?: string | undefined },
): Promise<AuditEntry[]> {
  const k = keysetPage(page, { by: 'at', firstParam: 2, descending: true });
  const rows = await q.query<AuditRow>(
    `SELECT * FROM audit_log
      WHERE org_id = $1
        AND ${k.where}
        AND ($5::text IS NULL OR action = $5)
      ${k.orderLimit}`,
    [orgId, ...k.params, page.action ?? null],
  );
  return rows.map(toEntry);
}
