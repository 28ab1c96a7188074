import type { Queryable } from '../db/db.ts';
import type { Touchpoint } from '../domain/model.ts';

interface TouchpointRow {
  id: string;
  org_id: string;
  application_id: string;
  direction: Touchpoint['direction'];
  channel: Touchpoint['channel'];
  kind: Touchpoint['kind'];
  from_party: Touchpoint['fromParty'];
  to_party: Touchpoint['toParty'];
  connected: boolean;
  member_id: string | null;
  occurred_at: Date;
  summary: string;
  created_at: Date;
}

const toTouchpoint = (r: TouchpointRow): Touchpoint => ({
  id: r.id,
  orgId: r.org_id,
  applicationId: r.application_id,
  direction: r.direction,
  channel: r.channel,
  kind: r.kind,
  fromParty: r.from_party,
  toParty: r.to_party,
  connected: r.connected,
  memberId: r.member_id,
  occurredAt: r.occurred_at,
  summary: r.summary,
  createdAt: r.created_at,
});

/** Record a touchpoint. */
export async function insertTouchpoint(q: Queryable, t: Omit<Touchpoint, 'id'>): Promise<Touchpoint> {
  const [row] = await q.query<TouchpointRow>(
    `INSERT INTO touchpoints (org_id, application_id, direction, channel, kind, from_party, to_party,
                              connected, member_id, occurred_at, summary, created_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12) RETURNING *`,
    [
      t.orgId,
      t.applicationId,
      t.direction,
      t.channel,
      t.kind,
      t.fromParty,
      t.toParty,
      t.connected,
      t.memberId,
      t.occurredAt,
      t.summary,
      t.createdAt,
    ],
  );
  return toTouchpoint(row!);
}

/** The touchpoint with this id in this organization. */
export async function findTouchpoint(q: Queryable, orgId: string, id: string): Promise<Touchpoint | null> {
  const [row] = await q.query<TouchpointRow>(`SELECT * FROM touchpoints WHERE org_id = $1 AND id = $2`, [
    orgId,
    id,
  ]);
  return row ? toTouchpoint(row) : null;
}

/** An application's touchpoints in the order they happened. */
export async function listTouchpointsOfApplication(
  q: Queryable,
  orgId: string,
  applicationId: string,
): Promise<Touchpoint[]> {
  const rows = await q.query<TouchpointRow>(
    `SELECT * FROM touchpoints WHERE org_id = $1 AND application_id = $2 ORDER BY occurred_at, id`,
    [orgId, applicationId],
  );
  return rows.map(toTouchpoint);
}
