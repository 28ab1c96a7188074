import type { Queryable } from '../db/db.ts';
import { keysetPage, type KeysetPage } from '../db/sql.ts';
import type { Decision } from '../domain/model.ts';

interface DecisionRow {
  id: string;
  org_id: string;
  application_id: string;
  outcome: Decision['outcome'];
  reasons: string[];
  recommendation: string;
  notes: string;
  decided_by: string;
  decided_at: Date;
}

const toDecision = (r: DecisionRow): Decision => ({
  id: r.id,
  orgId: r.org_id,
  applicationId: r.application_id,
  outcome: r.outcome,
  reasons: r.reasons,
  recommendation: r.recommendation,
  notes: r.notes,
  decidedBy: r.decided_by,
  decidedAt: r.decided_at,
});

/** Record a decision. */
export async function insertDecision(q: Queryable, d: Omit<Decision, 'id'>): Promise<Decision> {
  const [row] = await q.query<DecisionRow>(
    `INSERT INTO decisions (org_id, application_id, outcome, reasons, recommendation, notes, decided_by, decided_at)
     VALUES ($1, $2, $3, $4::jsonb, $5, $6, $7, $8) RETURNING *`,
    [
      d.orgId,
      d.applicationId,
      d.outcome,
      JSON.stringify(d.reasons),
      d.recommendation,
      d.notes,
      d.decidedBy,
      d.decidedAt,
    ],
  );
  return toDecision(row!);
}

/** One decision of this organization. */
export async function findDecision(q: Queryable, orgId: string, id: string): Promise<Decision | null> {
  const [row] = await q.query<DecisionRow>(`SELECT * FROM decisions WHERE org_id = $1 AND id = $2`, [
    orgId,
    id,
  ]);
  return row ? toDecision(row) : null;
}

/** An application's decisions, oldest first. */
export async function listDecisionsOfApplication(
  q: Queryable,
  orgId: string,
  applicationId: string,
  page?: KeysetPage,
): Promise<Decision[]> {
  const k = keysetPage(page, { by: 'decided_at', firstParam: 3 });
  const rows = await q.query<DecisionRow>(
    `SELECT * FROM decisions WHERE org_id = $1 AND application_id = $2
        AND ${k.where}
      ${k.orderLimit}`,
    [orgId, applicationId, ...k.params],
  );
  return rows.map(toDecision);
}
