import type { Queryable } from '../db/db.ts';

/** A recorded step: what the system did on its own, or an override a person made. */
export interface EventRecord {
  id: string;
  orgId: string;
  type: string;
  applicationId: string | null;
  followUpId: string | null;
  messageId: string | null;
  memberId: string | null;
  data: Record<string, unknown>;
  at: Date;
}

interface EventRow {
  id: string;
  org_id: string;
  type: string;
  application_id: string | null;
  follow_up_id: string | null;
  message_id: string | null;
  member_id: string | null;
  data: Record<string, unknown>;
  at: Date;
}

const toEvent = (r: EventRow): EventRecord => ({
  id: r.id,
  orgId: r.org_id,
  type: r.type,
  applicationId: r.application_id,
  followUpId: r.follow_up_id,
  messageId: r.message_id,
  memberId: r.member_id,
  data: r.data,
  at: r.at,
});

/** Record an event. */
export async function insertEvent(
  q: Queryable,
  e: Omit<EventRecord, 'id' | 'applicationId' | 'followUpId' | 'messageId' | 'memberId' | 'data'> &
    Partial<Pick<EventRecord, 'applicationId' | 'followUpId' | 'messageId' | 'memberId' | 'data'>>,
): Promise<void> {
  await q.query(
    `INSERT INTO events (org_id, type, application_id, follow_up_id, message_id, member_id, data, at)
     VALUES ($1, $2, $3, $4, $5, $6, $7::jsonb, $8)`,
    [
      e.orgId,
      e.type,
      e.applicationId ?? null,
      e.followUpId ?? null,
      e.messageId ?? null,
      e.memberId ?? null,
      JSON.stringify(e.data ?? {}),
      e.at,
    ],
  );
}

/** Events of an application, in order. */
export async function listEventsOfApplication(
  q: Queryable,
  orgId: string,
  applicationId: string,
): Promise<EventRecord[]> {
  const rows = await q.query<EventRow>(
    `SELECT * FROM events WHERE org_id = $1 AND application_id = $2 ORDER BY at, id`,
    [orgId, applicationId],
  );
  return rows.map(toEvent);
}

/** Events of an organization of one type (for reports and tests). */
export async function listEventsOfType(q: Queryable, orgId: string, type: string): Promise<EventRecord[]> {
  const rows = await q.query<EventRow>(
    `SELECT * FROM events WHERE org_id = $1 AND type = $2 ORDER BY at, id`,
    [orgId, type],
  );
  return rows.map(toEvent);
}
