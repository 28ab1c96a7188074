import type { Queryable } from '../db/db.ts';
import { keysetPage, type KeysetPage } from '../db/sql.ts';

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

/** What a new event needs. */
export type NewEvent = Omit<
  EventRecord,
  'id' | 'applicationId' | 'followUpId' | 'messageId' | 'memberId' | 'data'
> &
  Partial<Pick<EventRecord, 'applicationId' | 'followUpId' | 'messageId' | 'memberId' | 'data'>>;

/** Record an event. */
export async function insertEvent(q: Queryable, e: NewEvent): Promise<void> {
  await insertEvents(q, [e]);
}

/** Record events in one statement. */
export async function insertEvents(q: Queryable, events: NewEvent[]): Promise<void> {
  if (events.length === 0) return;
  await q.query(
    `INSERT INTO events (org_id, type, application_id, follow_up_id, message_id, member_id, data, at)
     SELECT org_id, type, application_id, follow_up_id, message_id, member_id, COALESCE(data, '{}'), at
       FROM jsonb_to_recordset($1::jsonb) AS e(org_id uuid, type text, application_id uuid, follow_up_id uuid,
                                              message_id uuid, member_id uuid, data jsonb, at timestamptz)`,
    [
      JSON.stringify(
        events.map((e) => ({
          org_id: e.orgId,
          type: e.type,
          application_id: e.applicationId ?? null,
          follow_up_id: e.followUpId ?? null,
          message_id: e.messageId ?? null,
          member_id: e.memberId ?? null,
          data: e.data ?? {},
          at: e.at,
        })),
      ),
    ],
  );
}

/** Events of an application, in order. */
export async function listEventsOfApplication(
  q: Queryable,
  orgId: string,
  applicationId: string,
  page?: KeysetPage,
): Promise<EventRecord[]> {
  const k = keysetPage(page, { by: 'at', firstParam: 3 });
  const rows = await q.query<EventRow>(
    `SELECT * FROM events WHERE org_id = $1 AND application_id = $2
        AND ${k.where}
      ${k.orderLimit}`,
    [orgId, applicationId, ...k.params],
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
