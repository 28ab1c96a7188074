import { randomUUID } from 'node:crypto';
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
  decision_id: string | null;
  undone_at: Date | null;
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
  decisionId: r.decision_id,
  undoneAt: r.undone_at,
});

/** Record a touchpoint. */
export async function insertTouchpoint(q: Queryable, t: Omit<Touchpoint, 'id'>): Promise<Touchpoint> {
  return (await insertTouchpoints(q, [t]))[0]!;
}

/** Record touchpoints in one statement; returns them in the order given. */
export async function insertTouchpoints(
  q: Queryable,
  touchpoints: Omit<Touchpoint, 'id'>[],
): Promise<Touchpoint[]> {
  if (touchpoints.length === 0) return [];
  const input = touchpoints.map((t) => ({
    id: randomUUID(),
    org_id: t.orgId,
    application_id: t.applicationId,
    direction: t.direction,
    channel: t.channel,
    kind: t.kind,
    from_party: t.fromParty,
    to_party: t.toParty,
    connected: t.connected,
    member_id: t.memberId,
    occurred_at: t.occurredAt,
    summary: t.summary,
    created_at: t.createdAt,
    decision_id: t.decisionId ?? null,
  }));
  const rows = await q.query<TouchpointRow>(
    `INSERT INTO touchpoints (id, org_id, application_id, direction, channel, kind, from_party, to_party,
                              connected, member_id, occurred_at, summary, created_at, decision_id)
     SELECT id, org_id, application_id, direction, channel, kind, from_party, to_party, connected, member_id,
            occurred_at, summary, created_at, decision_id
       FROM jsonb_to_recordset($1::jsonb) AS t(
              id uuid, org_id uuid, application_id uuid, direction text, channel text, kind text,
              from_party text, to_party text, connected boolean, member_id uuid, occurred_at timestamptz,
              summary text, created_at timestamptz, decision_id uuid)
     RETURNING *`,
    [JSON.stringify(input)],
  );
  const byId = new Map(rows.map((r) => [r.id, toTouchpoint(r)]));
  return input.map((t) => byId.get(t.id)!);
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
    `SELECT * FROM touchpoints WHERE org_id = $1 AND application_id = $2 AND undone_at IS NULL
      ORDER BY occurred_at, id`,
    [orgId, applicationId],
  );
  return rows.map(toTouchpoint);
}

/** Mark a touchpoint undone (it stays on record but no longer counts); null if it already was. */
export async function markTouchpointUndone(
  q: Queryable,
  orgId: string,
  id: string,
  at: Date,
): Promise<Touchpoint | null> {
  const [row] = await q.query<TouchpointRow>(
    `UPDATE touchpoints SET undone_at = $3 WHERE org_id = $1 AND id = $2 AND undone_at IS NULL RETURNING *`,
    [orgId, id, at],
  );
  return row ? toTouchpoint(row) : null;
}
