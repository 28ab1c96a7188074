import type { Queryable } from '../db/db.ts';
import { keysetPage, type KeysetPage } from '../db/sql.ts';
import type { Message, MessageStatus } from '../domain/model.ts';

interface MessageRow {
  id: string;
  org_id: string;
  application_id: string | null;
  follow_up_id: string | null;
  decision_id: string | null;
  kind: Message['kind'];
  audience: Message['audience'];
  to_member_id: string | null;
  to_address: string;
  to_name: string;
  reply_to: string | null;
  subject: string;
  body_text: string;
  body_html: string;
  automatic: boolean;
  status: MessageStatus;
  send_at: Date | null;
  scheduled_because: Message['scheduledBecause'];
  attempts: number;
  lease_until: Date | null;
  last_error: string | null;
  message_id: string;
  reply_token_hash: string | null;
  ics_method: 'REQUEST' | 'CANCEL' | null;
  ics: string | null;
  in_reply_to: string | null;
  references: string[];
  check_kind: Message['checkKind'];
  override_reason: string | null;
  cancel_reason: string | null;
  created_by: string | null;
  sent_at: Date | null;
  created_at: Date;
  updated_at: Date;
}

const toMessage = (r: MessageRow): Message => ({
  id: r.id,
  orgId: r.org_id,
  applicationId: r.application_id,
  followUpId: r.follow_up_id,
  decisionId: r.decision_id,
  kind: r.kind,
  audience: r.audience,
  toMemberId: r.to_member_id,
  toAddress: r.to_address,
  toName: r.to_name,
  replyTo: r.reply_to,
  subject: r.subject,
  bodyText: r.body_text,
  bodyHtml: r.body_html,
  automatic: r.automatic,
  status: r.status,
  sendAt: r.send_at,
  scheduledBecause: r.scheduled_because,
  attempts: r.attempts,
  leaseUntil: r.lease_until,
  lastError: r.last_error,
  messageId: r.message_id,
  replyTokenHash: r.reply_token_hash,
  calendar: r.ics && r.ics_method ? { method: r.ics_method, ics: r.ics } : null,
  inReplyTo: r.in_reply_to,
  references: r.references,
  checkKind: r.check_kind,
  overrideReason: r.override_reason,
  cancelReason: r.cancel_reason,
  createdBy: r.created_by,
  sentAt: r.sent_at,
  createdAt: r.created_at,
  updatedAt: r.updated_at,
});

/** What a new message needs; the id is chosen by the caller so the Message-ID can embed it. */
export type NewMessage = Pick<
  Message,
  | 'id'
  | 'orgId'
  | 'applicationId'
  | 'followUpId'
  | 'decisionId'
  | 'kind'
  | 'audience'
  | 'toMemberId'
  | 'toAddress'
  | 'toName'
  | 'replyTo'
  | 'subject'
  | 'bodyText'
  | 'bodyHtml'
  | 'automatic'
  | 'status'
  | 'sendAt'
  | 'scheduledBecause'
  | 'messageId'
  | 'replyTokenHash'
  | 'calendar'
  | 'inReplyTo'
  | 'references'
  | 'checkKind'
  | 'createdBy'
  | 'createdAt'
>;

/** Write a message to the outbox. */
export async function insertMessage(q: Queryable, m: NewMessage): Promise<Message> {
  return (await insertMessages(q, [m]))[0]!;
}

/**
 * Write messages to the outbox in one statement (the sweep writes a whole batch at once).
 * Returns them in the order given.
 */
export async function insertMessages(q: Queryable, messages: NewMessage[]): Promise<Message[]> {
  if (messages.length === 0) return [];
  const rows = await q.query<MessageRow>(
    `INSERT INTO messages (id, org_id, application_id, follow_up_id, decision_id, kind, audience, to_member_id,
                           to_address, to_name, reply_to, subject, body_text, body_html, automatic, status,
                           send_at, scheduled_because, message_id, reply_token_hash, ics_method, ics, in_reply_to,
                           "references", check_kind, created_by, created_at, updated_at)
     SELECT id, org_id, application_id, follow_up_id, decision_id, kind, audience, to_member_id, to_address,
            to_name, reply_to, subject, body_text, body_html, automatic, status, send_at, scheduled_because,
            message_id, reply_token_hash, ics_method, ics, in_reply_to, "references", check_kind,
            created_by, created_at, created_at
       FROM jsonb_to_recordset($1::jsonb) AS m(
              id uuid, org_id uuid, application_id uuid, follow_up_id uuid, decision_id uuid, kind text,
              audience text, to_member_id uuid, to_address text, to_name text, reply_to text, subject text,
              body_text text, body_html text, automatic boolean, status text, send_at timestamptz,
              scheduled_because text, message_id text, reply_token_hash text, ics_method text, ics text,
              in_reply_to text, "references" text[], check_kind text,
              created_by uuid, created_at timestamptz)
     RETURNING *`,
    [
      JSON.stringify(
        messages.map((m) => ({
          id: m.id,
          org_id: m.orgId,
          application_id: m.applicationId,
          follow_up_id: m.followUpId,
          decision_id: m.decisionId,
          kind: m.kind,
          audience: m.audience,
          to_member_id: m.toMemberId,
          to_address: m.toAddress,
          to_name: m.toName,
          reply_to: m.replyTo,
          subject: m.subject,
          body_text: m.bodyText,
          body_html: m.bodyHtml,
          automatic: m.automatic,
          status: m.status,
          send_at: m.sendAt,
          scheduled_because: m.scheduledBecause,
          message_id: m.messageId,
          reply_token_hash: m.replyTokenHash,
          ics_method: m.calendar?.method ?? null,
          ics: m.calendar?.ics ?? null,
          in_reply_to: m.inReplyTo,
          references: m.references,
          check_kind: m.checkKind,
          created_by: m.createdBy,
          created_at: m.createdAt,
        })),
      ),
    ],
  );
  const byId = new Map(rows.map((r) => [r.id, toMessage(r)]));
  return messages.map((m) => byId.get(m.id)!);
}

/** The message with this id in this organization; `forUpdate` locks it. */
export async function findMessage(
  q: Queryable,
  orgId: string,
  id: string,
  options: { forUpdate?: boolean } = {},
): Promise<Message | null> {
  const [row] = await q.query<MessageRow>(
    `SELECT * FROM messages WHERE org_id = $1 AND id = $2${options.forUpdate ? ' FOR UPDATE' : ''}`,
    [orgId, id],
  );
  return row ? toMessage(row) : null;
}

/** Messages by creation time after a keyset position, filtered. */
export async function listMessages(
  q: Queryable,
  orgId: string,
  filter: {
    applicationId?: string | undefined;
    jobId?: string | undefined;
    status?: MessageStatus | undefined;
  },
  page: KeysetPage,
): Promise<Message[]> {
  const k = keysetPage(page, { by: 'created_at', firstParam: 2 });
  const rows = await q.query<MessageRow>(
    `SELECT * FROM messages
      WHERE org_id = $1
        AND ${k.where}
        AND ($5::uuid IS NULL OR application_id = $5)
        AND ($6::text IS NULL OR status = $6)
        AND ($7::uuid IS NULL OR application_id IN
              (SELECT id FROM applications WHERE org_id = $1 AND job_id = $7))
      ${k.orderLimit}`,
    [orgId, ...k.params, filter.applicationId ?? null, filter.status ?? null, filter.jobId ?? null],
  );
  return rows.map(toMessage);
}

/**
 * The Message-IDs of each application's candidate thread (what is or will be in the candidate's
 * inbox), oldest first.
 */
export async function threadsOfApplications(
  q: Queryable,
  orgId: string,
  applicationIds: string[],
): Promise<Map<string, string[]>> {
  const threads = new Map<string, string[]>(applicationIds.map((id) => [id, []]));
  if (applicationIds.length === 0) return threads;
  const rows = await q.query<{ application_id: string; message_id: string }>(
    `SELECT application_id, message_id FROM messages
      WHERE org_id = $1 AND application_id = ANY($2::uuid[]) AND audience = 'candidate'
        AND status IN ('scheduled', 'sending', 'sent')
      ORDER BY created_at, id`,
    [orgId, applicationIds],
  );
  for (const r of rows) threads.get(r.application_id)?.push(r.message_id);
  return threads;
}

/** Change a draft's content. */
export async function updateDraft(
  q: Queryable,
  orgId: string,
  id: string,
  patch: Pick<Message, 'subject' | 'bodyText' | 'bodyHtml'>,
  at: Date,
): Promise<Message | null> {
  const [row] = await q.query<MessageRow>(
    `UPDATE messages SET subject = $3, body_text = $4, body_html = $5, updated_at = $6
      WHERE org_id = $1 AND id = $2 AND status = 'draft' RETURNING *`,
    [orgId, id, patch.subject, patch.bodyText, patch.bodyHtml, at],
  );
  return row ? toMessage(row) : null;
}

/**
 * Rewrite the text of a message not sent yet (a draft or scheduled), keeping its schedule: the
 * written note after a call gains, or loses on undo, what was said. Null if it has gone meanwhile.
 */
export async function rewritePendingBody(
  q: Queryable,
  orgId: string,
  id: string,
  body: Pick<Message, 'bodyText' | 'bodyHtml'>,
  at: Date,
): Promise<Message | null> {
  const [row] = await q.query<MessageRow>(
    `UPDATE messages SET body_text = $3, body_html = $4, updated_at = $5
      WHERE org_id = $1 AND id = $2 AND status IN ('draft', 'scheduled') RETURNING *`,
    [orgId, id, body.bodyText, body.bodyHtml, at],
  );
  return row ? toMessage(row) : null;
}

/** Schedule a draft for `sendAt`, and why then; records an override of blocking findings, if any. */
export async function scheduleMessage(
  q: Queryable,
  orgId: string,
  id: string,
  schedule: { sendAt: Date; because: NonNullable<Message['scheduledBecause']> },
  overrideReason: string | null,
  at: Date,
): Promise<Message | null> {
  const [row] = await q.query<MessageRow>(
    `UPDATE messages SET status = 'scheduled', send_at = $3, scheduled_because = $6, override_reason = $4,
            updated_at = $5
      WHERE org_id = $1 AND id = $2 AND status = 'draft' RETURNING *`,
    [orgId, id, schedule.sendAt, overrideReason, at, schedule.because],
  );
  return row ? toMessage(row) : null;
}

/** Put a scheduled message back to draft (the undo): null if it is no longer scheduled. */
export async function unscheduleMessage(
  q: Queryable,
  orgId: string,
  id: string,
  at: Date,
): Promise<Message | null> {
  const [row] = await q.query<MessageRow>(
    `UPDATE messages SET status = 'draft', send_at = NULL, scheduled_because = NULL, override_reason = NULL,
            updated_at = $3
      WHERE org_id = $1 AND id = $2 AND status = 'scheduled' RETURNING *`,
    [orgId, id, at],
  );
  return row ? toMessage(row) : null;
}

/** Cancel messages that have not started sending. Returns the ones cancelled. */
export async function cancelPendingMessages(
  q: Queryable,
  orgId: string,
  where: { ids?: string[]; followUpIds?: string[]; applicationId?: string },
  reason: string,
  at: Date,
): Promise<Message[]> {
  const rows = await q.query<MessageRow>(
    `UPDATE messages SET status = 'cancelled', cancel_reason = $5, updated_at = $6
      WHERE org_id = $1 AND status IN ('draft', 'scheduled')
        AND ($2::uuid[] IS NULL OR id = ANY($2::uuid[]))
        AND ($3::uuid[] IS NULL OR follow_up_id = ANY($3::uuid[]))
        AND ($4::uuid IS NULL OR (application_id = $4 AND audience = 'candidate'))
      RETURNING *`,
    [orgId, where.ids ?? null, where.followUpIds ?? null, where.applicationId ?? null, reason, at],
  );
  return rows.map(toMessage);
}

/** A claimed message with what the dispatcher must check before sending. */
export interface ClaimedMessage extends Message {
  applicationStatus: string | null;
}

/**
 * Claim up to `limit` messages that are due — scheduled and past their send time, or stuck in
 * `sending` with an expired lease (a worker died mid-send) — across all organizations. One
 * statement: SKIP LOCKED lets any number of workers claim disjoint batches.
 */
export async function claimDueMessages(
  q: Queryable,
  now: Date,
  leaseUntil: Date,
  limit: number,
  onlyOrgId: string | null = null,
): Promise<ClaimedMessage[]> {
  const rows = await q.query<MessageRow & { application_status: string | null }>(
    `WITH due AS (
       SELECT id FROM messages
        WHERE ((status = 'scheduled' AND send_at <= $1) OR (status = 'sending' AND lease_until < $1))
          AND ($4::uuid IS NULL OR org_id = $4)
        ORDER BY send_at
        LIMIT $3
        FOR UPDATE SKIP LOCKED
     )
     UPDATE messages m
        SET status = 'sending', lease_until = $2, attempts = m.attempts + 1, updated_at = $1
       FROM due
      WHERE m.id = due.id
     RETURNING m.*,
       (SELECT a.status FROM applications a WHERE a.org_id = m.org_id AND a.id = m.application_id) AS application_status`,
    [now, leaseUntil, limit, onlyOrgId],
  );
  return rows.map((r) => ({ ...toMessage(r), applicationStatus: r.application_status }));
}

/** Mark a message sent; null if it was no longer `sending` (another worker recorded it). */
export async function markMessageSent(
  q: Queryable,
  orgId: string,
  id: string,
  at: Date,
): Promise<Message | null> {
  return (await markMessagesSent(q, orgId, [id], at))[0] ?? null;
}

/** Mark messages sent in one statement; returns those that were still `sending`. */
export async function markMessagesSent(
  q: Queryable,
  orgId: string,
  ids: string[],
  at: Date,
): Promise<Message[]> {
  if (ids.length === 0) return [];
  const rows = await q.query<MessageRow>(
    // Once sent, the reply token lives on only as its hash: reply_to keeps the plain inbound address.
    `UPDATE messages SET status = 'sent', sent_at = $3, lease_until = NULL, last_error = NULL, updated_at = $3,
                         reply_to = CASE WHEN reply_token_hash IS NULL THEN reply_to
                                         ELSE regexp_replace(reply_to, '[+][a-z2-7]{26}@', '@') END
      WHERE org_id = $1 AND id = ANY($2::uuid[]) AND status = 'sending' RETURNING *`,
    [orgId, ids, at],
  );
  return rows.map(toMessage);
}

/** Put a failed attempt back in the queue for `retryAt`, or fail it for good when `retryAt` is null. */
export async function markMessageAttemptFailed(
  q: Queryable,
  orgId: string,
  id: string,
  error: string,
  retryAt: Date | null,
  at: Date,
): Promise<Message | null> {
  const [row] = await q.query<MessageRow>(
    `UPDATE messages
        SET status = CASE WHEN $4::timestamptz IS NULL THEN 'failed' ELSE 'scheduled' END,
            send_at = coalesce($4::timestamptz, send_at),
            scheduled_because = CASE WHEN $4::timestamptz IS NULL THEN scheduled_because ELSE 'retry_backoff' END,
            lease_until = NULL, last_error = $3, updated_at = $5
      WHERE org_id = $1 AND id = $2 AND status = 'sending' RETURNING *`,
    [orgId, id, error.slice(0, 2000), retryAt, at],
  );
  return row ? toMessage(row) : null;
}

/** Cancel a claimed message that must not go out (the candidate withdrew). */
export async function cancelClaimedMessage(
  q: Queryable,
  orgId: string,
  id: string,
  reason: string,
  at: Date,
): Promise<void> {
  await q.query(
    `UPDATE messages SET status = 'cancelled', cancel_reason = $3, lease_until = NULL, updated_at = $4
      WHERE org_id = $1 AND id = $2 AND status = 'sending'`,
    [orgId, id, reason, at],
  );
}
