import type { ScheduleReason, SendConstraint } from '../domain/schedule.ts';
import { randomBytes, randomUUID } from 'node:crypto';
import type { Clock } from '../clock.ts';
import type { Db, Queryable } from '../db/db.ts';
import { headerValue, messageIdFor, threadHeaders } from '../domain/email.ts';
import { replyAddressFor } from '../domain/inbound-mail.ts';
import { hashToken } from './secret-tokens.ts';
import type { Message, MessageKind } from '../domain/model.ts';
import type { TouchpointKind } from '../domain/follow-up.ts';
import { fillStatusLinks, hasStatusLinkPlaceholder, maskStatusLinks } from '../domain/sign-in-links.ts';
import type { MailTransport } from '../mail/transport.ts';
import { insertEvent, insertEvents } from '../repositories/event.repository.ts';
import { findFollowUp } from '../repositories/follow-up.repository.ts';
import { findMember } from '../repositories/member.repository.ts';
import {
  cancelClaimedMessage,
  claimDueMessages,
  insertMessages,
  markMessageAttemptFailed,
  markMessagesSent,
  threadsOfApplications,
  type ClaimedMessage,
  type NewMessage,
} from '../repositories/message.repository.ts';
import { insertTouchpoints } from '../repositories/touchpoint.repository.ts';
import { groupByOrg } from './batches.ts';
import { buildMessage, memberRecipient } from './message-builder.ts';
import { mintStatusLinkTokens } from './candidate-links.ts';
import { mintClientAnswerToken } from './client-answer-links.ts';
import { fillClientLinks, hasClientLinkPlaceholder } from '../domain/client-links.ts';
import { closeFollowUpsByTouchpoints } from './follow-up-ledger.ts';

/** Who the mail comes from and how Message-IDs are made. */
export interface MailIdentity {
  from: { name: string; address: string };
  /** Domain of Message-IDs, e.g. the host of PUBLIC_URL. */
  domain: string;
  /**
   * Where replies come in (INBOUND_REPLY_ADDRESS). When set, every message to a candidate gets
   * its own reply address `local+TOKEN@domain` as Reply-To (and envelope sender, so bounces come
   * back to the thread too). Unset: Reply-To stays the owner's address.
   */
  inboundAddress?: string | null;
}

const BASE32 = 'abcdefghijklmnopqrstuvwxyz234567';

/** A fresh reply token: 26 characters of lower-case base32 (130 random bits). */
export function newReplyToken(): string {
  const bytes = randomBytes(17);
  let bits = 0;
  let value = 0;
  let out = '';
  for (const byte of bytes) {
    value = (value << 8) | byte;
    bits += 8;
    while (bits >= 5) {
      out += BASE32[(value >>> (bits - 5)) & 31];
      bits -= 5;
    }
  }
  return out.slice(0, 26);
}

/** A message to put in the outbox; threading and ids are filled in. */
export type MessageDraft = Omit<
  NewMessage,
  | 'id'
  | 'messageId'
  | 'inReplyTo'
  | 'references'
  | 'createdAt'
  | 'scheduledBecause'
  | 'replyTokenHash'
  | 'calendar'
> & {
  /** Why it goes at `sendAt`. Default for a scheduled message: 'immediately'; for a draft: none. */
  scheduledBecause?: ScheduleReason | null;
  calendar?: NewMessage['calendar'];
};

/** A scheduled time and its reason, as a draft's fields. */
export function draftSchedule(c: SendConstraint): Pick<MessageDraft, 'sendAt' | 'scheduledBecause'> {
  return { sendAt: c.at, scheduledBecause: c.because };
}

/**
 * Write a message to the outbox inside the caller's transaction — the same transaction as the
 * change that causes it, so a crash can never leave a change without its message or a message
 * without its change. Candidate messages thread onto the application's earlier ones.
 */
export async function enqueueMessage(
  tx: Queryable,
  identity: MailIdentity,
  draft: MessageDraft,
  now: Date,
): Promise<Message> {
  return (await enqueueMessages(tx, identity, [draft], now))[0]!;
}

/**
 * {@link enqueueMessage} for many drafts of one organization in two statements (one to find the
 * threads, one to insert). Drafts of one call thread onto earlier messages, not onto each other.
 */
export async function enqueueMessages(
  tx: Queryable,
  identity: MailIdentity,
  drafts: MessageDraft[],
  now: Date,
): Promise<Message[]> {
  if (drafts.length === 0) return [];
  const orgId = drafts[0]!.orgId;
  if (drafts.some((d) => d.orgId !== orgId)) throw new Error('enqueueMessages takes one organization');
  const threaded = drafts.flatMap((d) =>
    d.audience === 'candidate' && d.applicationId ? [d.applicationId] : [],
  );
  const threads = await threadsOfApplications(tx, orgId, [...new Set(threaded)]);
  return insertMessages(
    tx,
    drafts.map((draft) => {
      const id = randomUUID();
      const thread =
        draft.audience === 'candidate' && draft.applicationId
          ? threadHeaders(threads.get(draft.applicationId) ?? [])
          : { inReplyTo: null, references: [] };
      // A reply to a candidate's message finds its thread by the token in its reply address.
      const token = identity.inboundAddress && draft.audience === 'candidate' ? newReplyToken() : null;
      return {
        ...draft,
        id,
        calendar: draft.calendar ?? null,
        replyTo: token ? replyAddressFor(identity.inboundAddress!, token) : draft.replyTo,
        replyTokenHash: token ? hashToken(token) : null,
        scheduledBecause: draft.scheduledBecause ?? (draft.status === 'scheduled' ? 'immediately' : null),
        // No stored copy holds a usable status link, whoever wrote the body (see deliverOne).
        bodyText: maskStatusLinks(draft.bodyText),
        bodyHtml: maskStatusLinks(draft.bodyHtml),
        subject: headerValue(draft.subject, 200),
        toName: headerValue(draft.toName, 200),
        messageId: messageIdFor(id, identity.domain),
        inReplyTo: thread.inReplyTo,
        references: thread.references,
        createdAt: now,
      };
    }),
  );
}

/** Settings of the dispatcher. */
export interface DispatchOptions {
  batchSize: number;
  leaseMs: number;
  maxAttempts: number;
  /** Messages sent at once from one batch (match the SMTP pool). Default 5. */
  concurrency?: number;
  /** Only this organization's messages (the demo's replay); default all. */
  onlyOrgId?: string | null;
}

/** What one dispatch pass did. */
export interface DispatchResult {
  claimed: number;
  sent: number;
  retried: number;
  failed: number;
  cancelled: number;
}

/** Retry delay after the n-th failed attempt: 30 s doubling, capped at one hour. */
export function retryDelayMs(attempt: number): number {
  return Math.min(30_000 * 2 ** Math.max(0, attempt - 1), 3_600_000);
}

// A delivered message becomes a touchpoint of this kind.
const TOUCHPOINT_KIND: Partial<Record<MessageKind, TouchpointKind>> = {
  outcome: 'outcome',
  job_closed: 'outcome',
  update: 'update',
  status_link: 'other',
};

// At most this many messages are sent but unrecorded at once (per worker).
const MAX_UNRECORDED = 25;

/**
 * Claim due messages and deliver them. Delivery is at-least-once: a worker that dies after the
 * relay accepted a message but before recording it leaves the row `sending`; its lease expires
 * and another worker sends it again with the same Message-ID.
 *
 * Delivered messages are recorded by group commit (BENCHMARKS.md, finding F7): while one group is
 * being recorded, the messages sent meanwhile wait and become the next group. Under load that is
 * one transaction per group and organization instead of one per message; when idle, a message is
 * recorded as soon as it is sent. Senders wait when MAX_UNRECORDED messages are sent but not yet
 * recorded, so what a crash can make us send twice stays a few messages.
 */
export async function dispatchDueMessages(
  deps: { db: Db; clock: Clock; transport: MailTransport; identity: MailIdentity },
  options: DispatchOptions,
): Promise<DispatchResult> {
  const now = deps.clock.now();
  // The claim spans organizations (system scope); messages are then recorded in their own tenant.
  const claimed = await claimDueMessages(
    deps.db.system(),
    now,
    new Date(now.getTime() + options.leaseMs),
    options.batchSize,
    options.onlyOrgId ?? null,
  );
  const result: DispatchResult = { claimed: claimed.length, sent: 0, retried: 0, failed: 0, cancelled: 0 };
  const statusTokens = await mintStatusLinksFor(deps, claimed);
  const queue = [...claimed];
  let pending: ClaimedMessage[] = [];
  let recording: Promise<void> | null = null;
  let recordingSize = 0;
  let failure: { error: unknown } | null = null;
  const flush = (): Promise<void> => {
    if (recording || pending.length === 0) return recording ?? Promise.resolve();
    const group = pending;
    pending = [];
    recordingSize = group.length;
    recording = recordDelivered(deps, group).then(
      () => {
        recording = null;
        recordingSize = 0;
        return flush();
      },
      (error: unknown) => {
        // Stop sending: what is sent but unrecorded is sent again after its lease expires.
        recording = null;
        failure ??= { error };
        queue.length = 0;
        pending = [];
      },
    );
    return recording;
  };
  const workers = Array.from({ length: Math.min(options.concurrency ?? 5, queue.length) }, async () => {
    for (let m = queue.shift(); m; m = queue.shift()) {
      // Bound what is sent but not yet recorded: it is what a crash now would send twice.
      while (recording && pending.length + recordingSize >= MAX_UNRECORDED) await recording;
      const outcome = await deliverOne(deps, m, statusTokens.get(m.id), options);
      result[outcome] += 1;
      if (outcome === 'sent') {
        pending.push(m);
        void flush();
      }
    }
  });
  await Promise.all(workers);
  while (recording || pending.length > 0) await flush();
  if (failure) throw (failure as { error: unknown }).error;
  return result;
}

/** How the backlog is delivered: batches per lane, and what runs before each batch. */
export interface BacklogOptions extends DispatchOptions {
  /** Dispatch loops running at once, each claiming its own batches. Default 2. */
  lanes?: number;
  /** Batches per lane before giving up the turn (the tick is bounded). */
  maxBatches: number;
  /** Runs before each batch (the worker yields a turn of the event loop there). */
  beforeBatch?: () => Promise<unknown>;
}

/**
 * Deliver due messages until a batch comes back short, in overlapping lanes. A lane's SMTP
 * connections wait while it claims its batch, mints its status links and sends its last few
 * messages; with a second lane claiming meanwhile, the pool stays busier (one worker: 508 msg/s
 * with one lane, 574 with two, in the same run: BENCHMARKS.md, F12). Sends beyond the pool's
 * connections queue in the transport, so the connection count stays the SMTP pool size. What a
 * crash can send twice is MAX_UNRECORDED per lane.
 */
export async function dispatchBacklog(
  deps: { db: Db; clock: Clock; transport: MailTransport; identity: MailIdentity },
  options: BacklogOptions,
): Promise<DispatchResult> {
  const total: DispatchResult = { claimed: 0, sent: 0, retried: 0, failed: 0, cancelled: 0 };
  const lane = async () => {
    for (let i = 0; i < options.maxBatches; i++) {
      await options.beforeBatch?.();
      const r = await dispatchDueMessages(deps, options);
      for (const k of Object.keys(total) as (keyof DispatchResult)[]) total[k] += r[k];
      if (r.claimed < options.batchSize) break;
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, options.lanes ?? 2) }, lane));
  return total;
}

/** Whether a claimed message is candidate mail whose masked status link is filled in at sending. */
function carriesStatusLink(m: ClaimedMessage): boolean {
  return (
    m.audience === 'candidate' &&
    m.applicationId !== null &&
    m.applicationStatus !== 'withdrawn' &&
    (hasStatusLinkPlaceholder(m.bodyText) || hasStatusLinkPlaceholder(m.bodyHtml))
  );
}

/**
 * The status-link tokens of a claimed batch, by message id: one transaction and one statement per
 * organization, not one transaction per email (BENCHMARKS.md, F9). A token whose email then fails
 * is a stored hash nobody holds.
 */
async function mintStatusLinksFor(
  deps: { db: Db; clock: Clock },
  claimed: ClaimedMessage[],
): Promise<Map<string, string>> {
  const tokens = new Map<string, string>();
  for (const [orgId, group] of groupByOrg(claimed.filter(carriesStatusLink))) {
    const minted = await deps.db.tenant(orgId).transaction((tx) =>
      mintStatusLinkTokens(
        tx,
        orgId,
        group.map((m) => m.applicationId!),
        deps.clock.now(),
      ),
    );
    group.forEach((m, i) => tokens.set(m.id, minted[i]!));
  }
  return tokens;
}

/** Send one message (`statusToken` fills its status link); a success is recorded later, with its group. */
async function deliverOne(
  deps: { db: Db; clock: Clock; transport: MailTransport; identity: MailIdentity },
  m: ClaimedMessage,
  statusToken: string | undefined,
  options: DispatchOptions,
): Promise<'sent' | 'retried' | 'failed' | 'cancelled'> {
  // Never to a candidate who has withdrawn, even if the message was scheduled before.
  if (m.audience === 'candidate' && m.applicationStatus === 'withdrawn') {
    await deps.db.tenant(m.orgId).transaction(async (tx) => {
      await cancelClaimedMessage(tx, m.orgId, m.id, 'withdrawn', deps.clock.now());
      await insertEvent(tx, {
        orgId: m.orgId,
        type: 'message_cancelled',
        applicationId: m.applicationId,
        messageId: m.id,
        data: { reason: 'withdrawn' },
        at: deps.clock.now(),
      });
    });
    return 'cancelled';
  }
  // The stored body holds the status link masked; the real one exists only in the email itself.
  let text = m.bodyText;
  let html = m.bodyHtml;
  if (statusToken) {
    text = fillStatusLinks(text, statusToken);
    html = fillStatusLinks(html, statusToken);
  }
  // A submission email to a client holds its answer links masked the same way.
  if (
    m.kind === 'client_submission' &&
    m.applicationId &&
    (hasClientLinkPlaceholder(text) || hasClientLinkPlaceholder(html))
  ) {
    const applicationId = m.applicationId;
    const token = await deps.db
      .tenant(m.orgId)
      .transaction((tx) => mintClientAnswerToken(tx, m.orgId, applicationId, deps.clock.now()));
    if (token) {
      text = fillClientLinks(text, token);
      html = fillClientLinks(html, token);
    }
  }
  try {
    await deps.transport.send({
      orgId: m.orgId,
      messageId: m.messageId,
      date: m.createdAt,
      from: deps.identity.from,
      // Every header value from user input is one line at the last step too, whatever stored it.
      to: { name: headerValue(m.toName, 200), address: headerValue(m.toAddress, 320) },
      replyTo: m.replyTo === null ? null : headerValue(m.replyTo, 320),
      subject: headerValue(m.subject, 200),
      text,
      html,
      inReplyTo: m.inReplyTo,
      references: m.references,
      automatic: m.automatic,
      // Bounces go to the envelope sender: the reply address routes them back to this message.
      envelopeFrom: m.replyTokenHash ? m.replyTo : null,
      calendar: m.calendar,
      kind: m.kind,
    });
  } catch (error) {
    return recordFailure(deps, m, error instanceof Error ? error.message : String(error), options);
  }
  return 'sent';
}

/**
 * Record delivered messages, one transaction per organization: sent, an event each, and for
 * candidate mail a touchpoint that closes the follow-ups it fulfils.
 */
async function recordDelivered(deps: { db: Db; clock: Clock }, messages: ClaimedMessage[]): Promise<void> {
  for (const [orgId, group] of groupByOrg(messages)) {
    await deps.db.tenant(orgId).transaction(async (tx) => {
      const at = deps.clock.now();
      // Messages another worker reclaimed and recorded already are left out.
      const sent = await markMessagesSent(
        tx,
        orgId,
        group.map((m) => m.id),
        at,
      );
      await insertEvents(
        tx,
        sent.map((m) => ({
          orgId,
          type: 'message_sent',
          applicationId: m.applicationId,
          messageId: m.id,
          at,
        })),
      );
      const touchpoints = await insertTouchpoints(
        tx,
        sent.flatMap((m) => {
          const kind = TOUCHPOINT_KIND[m.kind];
          if (m.audience !== 'candidate' || !m.applicationId || !kind) return [];
          return [
            {
              orgId,
              applicationId: m.applicationId,
              direction: 'outbound' as const,
              channel: 'email' as const,
              kind,
              fromParty: 'team' as const,
              toParty: 'candidate' as const,
              connected: true,
              memberId: m.createdBy,
              occurredAt: at,
              summary: m.subject,
              createdAt: at,
            },
          ];
        }),
      );
      if (touchpoints.length > 0) await closeFollowUpsByTouchpoints(tx, orgId, touchpoints, at);
    });
  }
}

async function recordFailure(
  deps: { db: Db; clock: Clock; identity: MailIdentity },
  m: ClaimedMessage,
  error: string,
  options: DispatchOptions,
): Promise<'retried' | 'failed'> {
  const now = deps.clock.now();
  const final = m.attempts >= options.maxAttempts;
  const retryAt = final ? null : new Date(now.getTime() + retryDelayMs(m.attempts));
  await deps.db.tenant(m.orgId).transaction(async (tx) => {
    const updated = await markMessageAttemptFailed(tx, m.orgId, m.id, error, retryAt, now);
    if (!updated) return;
    await insertEvent(tx, {
      orgId: m.orgId,
      type: final ? 'message_failed' : 'message_retry',
      applicationId: m.applicationId,
      messageId: m.id,
      data: { error: error.slice(0, 500), attempts: m.attempts, retryAt: retryAt?.toISOString() ?? null },
      at: now,
    });
    if (final) await alertOwnerOfFailure(tx, deps.identity, m, error, now);
  });
  return final ? 'failed' : 'retried';
}

/**
 * A message to a candidate that could not be delivered must not fail silently: its owner (the
 * follow-up's owner, else whoever wrote it) gets an alert. Alerts about member mail would loop.
 */
async function alertOwnerOfFailure(
  tx: Queryable,
  identity: MailIdentity,
  m: Message,
  error: string,
  now: Date,
): Promise<void> {
  if (m.audience !== 'candidate') return;
  const followUp = m.followUpId ? await findFollowUp(tx, m.orgId, m.followUpId) : null;
  const ownerId = followUp?.ownerId ?? m.createdBy;
  const owner = ownerId ? await findMember(tx, m.orgId, ownerId) : null;
  if (!owner?.active) return;
  const text =
    `Hi ${owner.name},\n\nHearback could not deliver "${m.subject}" to ${m.toName || m.toAddress} ` +
    `after ${m.attempts} attempts.\n\nThe mail server said: ${error.slice(0, 300)}\n\n` +
    `The candidate has not heard from us. Please check the address or call them.`;
  await enqueueMemberNotice(
    tx,
    identity,
    {
      orgId: m.orgId,
      applicationId: m.applicationId,
      member: owner,
      kind: 'failure_alert',
      subject: `Not delivered: ${m.subject}`,
      text,
    },
    now,
  );
}

/**
 * Queue a plain notice to a member (sign-in links, invitations, candidate notes, failure alerts):
 * automatic, due now, its HTML built from the text with everything escaped.
 */
export async function enqueueMemberNotice(
  tx: Queryable,
  identity: MailIdentity,
  notice: {
    orgId: string;
    applicationId: string | null;
    /** A member, or someone outside the organization (an agency recruiter: id null). */
    member: { id: string | null; email: string; name: string };
    kind: MessageKind;
    subject: string;
    text: string;
  },
  now: Date,
): Promise<Message> {
  return enqueueMessage(
    tx,
    identity,
    buildMessage({
      orgId: notice.orgId,
      applicationId: notice.applicationId,
      kind: notice.kind,
      to: memberRecipient(notice.member),
      replyTo: null,
      content: { subject: notice.subject, text: notice.text },
      send: { at: now },
      automatic: true,
      createdBy: null,
    }),
    now,
  );
}
