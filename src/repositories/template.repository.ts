import type { Queryable } from '../db/db.ts';

/** An organization's saved version of one template. */
export interface TemplateRecord {
  key: string;
  subject: string;
  body: string;
  updatedAt: Date;
}

interface TemplateRow {
  key: string;
  subject: string;
  body: string;
  updated_at: Date;
}

const toTemplate = (r: TemplateRow): TemplateRecord => ({
  key: r.key,
  subject: r.subject,
  body: r.body,
  updatedAt: r.updated_at,
});

/** The organization's customised templates (keys without a row use the defaults). */
export async function listTemplates(q: Queryable, orgId: string): Promise<TemplateRecord[]> {
  const rows = await q.query<TemplateRow>(
    `SELECT key, subject, body, updated_at FROM templates WHERE org_id = $1`,
    [orgId],
  );
  return rows.map(toTemplate);
}

/** The organization's version of one template, if customised. */
export async function findTemplate(q: Queryable, orgId: string, key: string): Promise<TemplateRecord | null> {
  const [row] = await q.query<TemplateRow>(
    `SELECT key, subject, body, updated_at FROM templates WHERE org_id = $1 AND key = $2`,
    [orgId, key],
  );
  return row ? toTemplate(row) : null;
}

/** Save a customised template. */
export async function upsertTemplate(
  q: Queryable,
  orgId: string,
  t: { key: string; subject: string; body: string },
  at: Date,
): Promise<TemplateRecord> {
  const [row] = await q.query<TemplateRow>(
    `INSERT INTO templates (org_id, key, subject, body, updated_at) VALUES ($1, $2, $3, $4, $5)
     ON CONFLICT (org_id, key) DO UPDATE SET subject = excluded.subject, body = excluded.body,
                                             updated_at = excluded.updated_at
     RETURNING key, subject, body, updated_at`,
    [orgId, t.key, t.subject, t.body, at],
  );
  return toTemplate(row!);
}

/** Go back to the default for one template. */
export async function deleteTemplate(q: Queryable, orgId: string, key: string): Promise<void> {
  await q.query(`DELETE FROM templates WHERE org_id = $1 AND key = $2`, [orgId, key]);
}
