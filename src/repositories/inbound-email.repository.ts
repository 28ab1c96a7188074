import type { Queryable } from '../db/db.ts';
import { keysetPage, type KeysetPage } from '../db/sql.ts';
import type { InboundClass } from '../domain/inbound-mail.ts';

/** An email that came in. */
export interface InboundEmail {
  id: string;
  orgId: string | null;
  applicationId: string | null;
  messageId: string | null;
  source: 'smtp' | 'imap' | 'api';
  classification: InboundClass;
  matchedBy: 'token' | 'message_id' | 'sender' | 'assigned' | 'none';
  status: 'processed' | 'unassigned' | 'dismissed' | 'unrouted';
  fromAddress: string;
  fromName: string;
  toAddresses: string[];
  subject: string;
  rfcMessageId: string | null;
  /** The new text of the mail: quoted history and signature removed. Plain text only. */
  bodyText: string;
  /** The whole text part, capped. */
  fullText: string;
  attachments: { filename: string; contentType: string; size: number }[];
  sizeBytes: number;
  bounce: {
    severity: 'hard' | 'soft';
    recipient: string | null;
    status: string | null;
    diagnostic: string | null;
  } | null;
  touchpointId: string | null;
  handledBy: string | null;
  handledAt: Date | null;
  receivedAt: Date;
}

interface Row {
  id: string;
  org_id: string | null;
  application_id: string | null;
  message_id: string | null;
  source: InboundEmail['source'];
  classification: InboundClass;
  matched_by: InboundEmail['matchedBy'];
  status: InboundEmail['status'];
  from_address: string;
  from_name: string;
  to_addresses: string[];
  subject: string;
  rfc_message_id: string | null;
  body_text: string;
  full_text: string;
  attachments: InboundEmail['attachments'];
  size_bytes: number;
  bounce: InboundEmail['bounce'];
  touchpoint_id: string | null;
  handled_by: string | null;
  handled_at: Date | null;
  received_at: Date;
}

const toInbound = (r: Row): InboundEmail => ({
  id: r.id,
  orgId: r.org_id,
  applicationId: r.application_id,
  messageId: r.message_id,
  source: r.source,
  classification: r.classification,
  matchedBy: r.matched_by,
  status: r.status,
  fromAddress: r.from_address,
  fromName: r.from_name,
  toAddresses: r.to_addresses,
  subject: r.subject,
  rfcMessageId: r.rfc_message_id,
  bodyText: r.body_text,
  fullText: r.full_text,
  attachments: r.attachments,
  sizeBytes: r.size_bytes,
  bounce: r.bounce,
  touchpointId: r.touchpoint_id,
  handledBy: r.handled_by,
  handledAt: r.handled_at,
  receivedAt: r.received_at,
});

/** A new inbound row; `rawHash` makes a second delivery of the same mail a no-op. */
export type NewInbound = Omit<InboundEmail, 'id' | 'touchpointId' | 'handledBy' | 'handledAt'> & {
  rawHash: string;
};

/** Record an inbound mail; null when this exact mail was recorded before. */
export async function insertInbound(q: Queryable, m: NewInbound): Promise<InboundEmail | null> {
  const [row] = await q.query<Row>(
    `INSERT INTO inbound_emails (org_id, application_id, message_id, source, classification, matched_by, status,
                                 from_address, from_name, to_addresses, subject, rfc_message_id, body_text,
                                 full_text, attachments, size_bytes, bounce, raw_hash, received_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15::jsonb, $16, $17::jsonb, $18, $19)
     ON CONFLICT (raw_hash) DO NOTHING
     RETURNING *`,
    [
      m.orgId,
      m.applicationId,
      m.messageId,
      m.source,
      m.classification,
      m.matchedBy,
      m.status,
      m.fromAddress,
      m.fromName,
      m.toAddresses,
      m.subject,
      m.rfcMessageId,
      m.bodyText,
      m.fullText,
      JSON.stringify(m.attachments),
      m.sizeBytes,
      m.bounce === null ? null : JSON.stringify(m.bounce),
      m.rawHash,
      m.receivedAt,
    ],
  );
  return row ? toInbound(row) : null;
}

/** Was this exact mail recorded already (any organization)? */
export async function inboundExists(q: Queryable, rawHash: string): Promise<boolean> {
  const rows = await q.query(`SELECT 1 FROM inbound_emails WHERE raw_hash = $1`, [rawHash]);
  return rows.length > 0;
}

/** One inbound mail of an organization; `forUpdate` locks it. */
export async function findInbound(
  q: Queryable,
  orgId: string,
  id: string,
  options: { forUpdate?: boolean } = {},
): Promise<InboundEmail | null> {
  const [row] = await q.query<Row>(
    `SELECT * FROM inbound_emails WHERE org_id = $1 AND id = $2${options.forUpdate ? ' FOR UPDATE' : ''}`,
    [orgId, id],
  );
  return row ? toInbound(row) : null;
}

/** Mark an inbound mail handled: processed onto an application (assigned), or dismissed. */
export async function settleInbound(
  q: Queryable,
  orgId: string,
  id: string,
  patch: {
    status: 'processed' | 'dismissed';
    applicationId?: string | null;
    matchedBy?: InboundEmail['matchedBy'];
    touchpointId?: string | null;
    handledBy: string | null;
  },
  at: Date,
): Promise<InboundEmail | null> {
  const [row] = await q.query<Row>(
    `UPDATE inbound_emails
        SET status = $3, application_id = coalesce($4, application_id), matched_by = coalesce($5, matched_by),
            touchpoint_id = coalesce($6, touchpoint_id), handled_by = $7, handled_at = $8
      WHERE org_id = $1 AND id = $2 RETURNING *`,
    [
      orgId,
      id,
      patch.status,
      patch.applicationId ?? null,
      patch.matchedBy ?? null,
      patch.touchpointId ?? null,
      patch.handledBy,
      at,
    ],
  );
  return row ? toInbound(row) : null;
}

/** Link an inbound mail to the touchpoint it became. */
export async function linkInboundTouchpoint(
  q: Queryable,
  orgId: string,
  id: string,
  touchpointId: string,
): Promise<void> {
  await q.query(`UPDATE inbound_emails SET touchpoint_id = $3 WHERE org_id = $1 AND id = $2`, [
    orgId,
    id,
    touchpointId,
  ]);
}

/** Inbound mail of an organization, newest first, filtered by status and application. */
export async function listInbound(
  q: Queryable,
  orgId: string,
  filter: { status?: InboundEmail['status'] | undefined; applicationId?: string | undefined },
  page: KeysetPage,
): Promise<InboundEmail[]> {
  const k = keysetPage(page, { by: 'received_at', firstParam: 4, descending: true });
  const rows = await q.query<Row>(
    `SELECT * FROM inbound_emails
      WHERE org_id = $1 AND ($2::text IS NULL OR status = $2) AND ($3::uuid IS NULL OR application_id = $3)
        AND ${k.where}
      ${k.orderLimit}`,
    [orgId, filter.status ?? null, filter.applicationId ?? null, ...k.params],
  );
  return rows.map(toInbound);
}

/** What a reply matched: our message, its organization and application. */
export interface MatchedMessage {
  id: string;
  orgId: string;
  applicationId: string | null;
  audience: 'candidate' | 'member';
  toAddress: string;
  createdBy: string | null;
  followUpId: string | null;
}

const MATCH_COLUMNS = `id, org_id, application_id, audience, to_address, created_by, follow_up_id`;
const toMatched = (r: {
  id: string;
  org_id: string;
  application_id: string | null;
  audience: 'candidate' | 'member';
  to_address: string;
  created_by: string | null;
  follow_up_id: string | null;
}): MatchedMessage => ({
  id: r.id,
  orgId: r.org_id,
  applicationId: r.application_id,
  audience: r.audience,
  toAddress: r.to_address,
  createdBy: r.created_by,
  followUpId: r.follow_up_id,
});

/** The message whose reply token hashes to this (system scope: the token names the tenant). */
export async function findMessageByReplyToken(
  q: Queryable,
  tokenHash: string,
): Promise<MatchedMessage | null> {
  const [row] = await q.query<Parameters<typeof toMatched>[0]>(
    `SELECT ${MATCH_COLUMNS} FROM messages WHERE reply_token_hash = $1`,
    [tokenHash],
  );
  return row ? toMatched(row) : null;
}

/** The most recent of our messages among these Message-IDs (system scope). */
export async function findMessageByMessageIds(
  q: Queryable,
  messageIds: string[],
): Promise<MatchedMessage | null> {
  if (messageIds.length === 0) return null;
  const [row] = await q.query<Parameters<typeof toMatched>[0]>(
    `SELECT ${MATCH_COLUMNS} FROM messages WHERE message_id = ANY($1::text[]) ORDER BY created_at DESC LIMIT 1`,
    [messageIds],
  );
  return row ? toMatched(row) : null;
}

/** Organizations where this address is a candidate's (system scope), with that candidate. */
export async function findCandidatesByEmail(
  q: Queryable,
  email: string,
): Promise<{ orgId: string; candidateId: string }[]> {
  const rows = await q.query<{ org_id: string; id: string }>(
    `SELECT org_id, id FROM candidates WHERE lower(email) = lower($1) LIMIT 10`,
    [email],
  );
  return rows.map((r) => ({ orgId: r.org_id, candidateId: r.id }));
}

/** The only organization of a single-tenant deployment, or null when there are several (system scope). */
export async function onlyOrganization(q: Queryable): Promise<string | null> {
  const rows = await q.query<{ id: string }>(`SELECT id FROM organizations LIMIT 2`);
  return rows.length === 1 ? rows[0]!.id : null;
}

/** The candidate's most recent application (for a mail matched by its sender). */
export async function latestApplicationOf(
  q: Queryable,
  orgId: string,
  candidateId: string,
): Promise<string | null> {
  const [row] = await q.query<{ id: string }>(
    `SELECT id FROM applications WHERE org_id = $1 AND candidate_id = $2 ORDER BY updated_at DESC, id LIMIT 1`,
    [orgId, candidateId],
  );
  return row?.id ?? null;
}

/** Record that a candidate's address bounced for good. */
export async function markEmailBounced(
  q: Queryable,
  orgId: string,
  candidateId: string,
  address: string,
  reason: string,
  at: Date,
): Promise<boolean> {
  const rows = await q.query(
    `UPDATE candidates SET email_bounced_at = $4, email_bounce_reason = $5, updated_at = $4
      WHERE org_id = $1 AND id = $2 AND lower(email) = lower($3) RETURNING id`,
    [orgId, candidateId, address, at, reason.slice(0, 500)],
  );
  return rows.length > 0;
}

/** Flag an application as waiting for the team's answer to the candidate (pauses automatic updates). */
export async function markAwaitingReply(
  q: Queryable,
  orgId: string,
  applicationId: string,
  at: Date,
): Promise<void> {
  await q.query(
    `UPDATE applications SET awaiting_reply_since = coalesce(awaiting_reply_since, $3) WHERE org_id = $1 AND id = $2`,
    [orgId, applicationId, at],
  );
}

/** The IMAP poller's position in a mailbox. */
export async function findImapCursor(
  q: Queryable,
  mailbox: string,
): Promise<{ uidValidity: string; lastUid: number } | null> {
  const [row] = await q.query<{ uid_validity: string; last_uid: string | number }>(
    `SELECT uid_validity, last_uid FROM imap_cursors WHERE mailbox = $1`,
    [mailbox],
  );
  return row ? { uidValidity: row.uid_validity, lastUid: Number(row.last_uid) } : null;
}

/** Move the poller's position forward. */
export async function saveImapCursor(
  q: Queryable,
  mailbox: string,
  uidValidity: string,
  lastUid: number,
  at: Date,
): Promise<void> {
  await q.query(
    `INSERT INTO imap_cursors (mailbox, uid_validity, last_uid, updated_at) VALUES ($1, $2, $3, $4)
     ON CONFLICT (mailbox) DO UPDATE SET uid_validity = EXCLUDED.uid_validity, last_uid = EXCLUDED.last_uid,
                                         updated_at = EXCLUDED.updated_at`,
    [mailbox, uidValidity, lastUid, at],
  );
}
