import { createHash } from 'node:crypto';
import type { Queryable } from '../db/db.ts';
import { endOfBusinessDaysAfter } from '../domain/business-time.ts';
import {
  bounceSeverity,
  classifyInbound,
  followUpKindsAnsweredBy,
  originalMessageIdIn,
  parseDeliveryStatus,
  referencedMessageIds,
  replyTokenFrom,
  stripQuotedReply,
  type InboundClass,
} from '../domain/inbound-mail.ts';
import type { Candidate, FollowUp, Job, Member } from '../domain/model.ts';
import { calendarOf, effectivePolicy } from '../domain/policy.ts';
import { errors } from '../errors.ts';
import type { ImapFetcher } from '../mail/imap-fetcher.ts';
import { parseInboundEmail, type InboundLimits, type ParsedInbound } from '../mail/parse-inbound.ts';
import { findCandidate } from '../repositories/candidate.repository.ts';
import { insertEvent } from '../repositories/event.repository.ts';
import { insertFollowUp, lockOpenFollowUpsOfApplication } from '../repositories/follow-up.repository.ts';
import {
  findCandidatesByEmail,
  findImapCursor,
  findInbound,
  findMessageByMessageIds,
  findMessageByReplyToken,
  inboundExists,
  insertInbound,
  latestApplicationOf,
  linkInboundTouchpoint,
  listInbound,
  markAwaitingReply,
  markEmailBounced,
  onlyOrganization,
  saveImapCursor,
  settleInbound,
  type InboundEmail,
  type MatchedMessage,
  type NewInbound,
} from '../repositories/inbound-email.repository.ts';
import { findJob } from '../repositories/job.repository.ts';
import { findMember } from '../repositories/member.repository.ts';
import { findOrganization } from '../repositories/organization.repository.ts';
import { insertTouchpoint } from '../repositories/touchpoint.repository.ts';
import { hashToken } from './secret-tokens.ts';
import type { ServiceDeps } from './deps.ts';
import { closeFollowUpsByTouchpoint } from './follow-up-ledger.ts';
import { enqueueMemberNotice, type MailIdentity } from './outbox.service.ts';
import { fetchPage, type Page } from './pagination.ts';
import { requireApplication } from './references.ts';
import { emitEvent } from './webhook.service.ts';

/** What receiving mail needs. */
export interface InboundDeps extends ServiceDeps {
  identity: MailIdentity;
  publicUrl: string;
  limits: InboundLimits;
}

/** Where a mail came from, as its transport knows it. */
export interface InboundEnvelope {
  source: 'smtp' | 'imap' | 'api';
  /** SMTP MAIL FROM ('' for the null sender); null when unknown (IMAP). */
  envelopeFrom: string | null;
  /** SMTP RCPT TO addresses; empty when unknown. */
  envelopeTo: string[];
}

/** What became of a mail. */
export interface ReceivedEmail {
  outcome: 'processed' | 'unassigned' | 'unrouted' | 'duplicate' | 'too_large';
  classification: InboundClass | null;
  inboundId: string | null;
  orgId: string | null;
  applicationId: string | null;
  closedFollowUps: string[];
}

/**
 * Receive one raw mail from the SMTP listener, the IMAP poller or a test: parse it, find its
 * thread (the reply token in the address it was sent to, else the Message-IDs it refers to),
 * and act on it — a person's reply is recorded and answered, an auto-reply is noted and closes
 * nothing, a bounce marks the address. Mail that matches no thread goes to an organization's
 * inbox to be assigned (by its sender, or the only organization), else stays unrouted. The same
 * mail received twice is recorded once.
 */
export async function receiveEmail(
  deps: InboundDeps,
  raw: Buffer,
  envelope: InboundEnvelope,
): Promise<ReceivedEmail> {
  if (raw.length > deps.limits.maxBytes)
    return { outcome: 'too_large', classification: null, ...nothingRecorded() };
  const rawHash = createHash('sha256').update(raw).digest('hex');
  if (await inboundExists(deps.db.system(), rawHash))
    return { outcome: 'duplicate', classification: null, ...nothingRecorded() };
  const mail = await parseInboundEmail(raw, deps.limits);
  const classification = classifyInbound({
    headers: mail.headers,
    contentType: mail.contentType,
    subject: mail.subject,
    fromAddress: mail.from.address,
    envelopeFrom: envelope.envelopeFrom,
    partTypes: [],
  });
  const bounce = classification === 'bounce' ? bounceOf(mail) : null;

  const matched = await matchThread(deps, mail, envelope, bounce?.originalMessageId ?? null);
  const now = deps.clock.now();
  const base = inboundRecordOf(mail, envelope, { classification, bounce, receivedAt: now, rawHash });
  if (matched && matched.applicationId) {
    const { applicationId, orgId } = matched;
    return deps.db.tenant(orgId).transaction(async (tx) => {
      const inbound = await insertInbound(tx, {
        ...base,
        orgId,
        applicationId,
        messageId: matched.id,
        matchedBy: matched.by,
        status: 'processed',
      });
      if (!inbound) return { outcome: 'duplicate', classification, ...nothingRecorded() };
      const closed = await act(tx, deps, orgId, applicationId, inbound, matched, now);
      return {
        outcome: 'processed',
        classification,
        inboundId: inbound.id,
        orgId,
        applicationId,
        closedFollowUps: closed.map((f) => f.id),
      };
    });
  }
  return recordUnthreaded(deps, mail, base, matched?.orgId ?? null, matched?.id ?? null);
}

/** The part of a `ReceivedEmail` for a mail recorded nowhere (yet); a fresh object each time. */
function nothingRecorded() {
  return { inboundId: null, orgId: null, applicationId: null, closedFollowUps: [] as string[] };
}

/** What every inbound row holds whatever it matched: the mail as parsed, trimmed to its limits. */
type InboundRecord = Omit<NewInbound, 'orgId' | 'applicationId' | 'messageId' | 'matchedBy' | 'status'>;

/** The inbound row's fields from the parsed mail and its envelope, trimmed to the stored limits. */
function inboundRecordOf(
  mail: ParsedInbound,
  envelope: InboundEnvelope,
  seen: { classification: InboundClass; bounce: Bounce | null; receivedAt: Date; rawHash: string },
): InboundRecord {
  const { classification, bounce, receivedAt, rawHash } = seen;
  return {
    source: envelope.source,
    classification,
    fromAddress: mail.from.address.slice(0, 320),
    fromName: mail.from.name,
    toAddresses: [...new Set([...envelope.envelopeTo, ...mail.recipients])].slice(0, 20),
    subject: mail.subject,
    rfcMessageId: mail.messageId,
    bodyText: stripQuotedReply(mail.text).slice(0, 20_000),
    fullText: mail.text.slice(0, 100_000),
    attachments: mail.attachments,
    sizeBytes: mail.size,
    bounce: bounce
      ? {
          severity: bounce.severity,
          recipient: bounce.recipient,
          status: bounce.status,
          diagnostic: bounce.diagnostic,
        }
      : null,
    receivedAt,
    rawHash,
  };
}

/**
 * A mail with no thread: into an organization's inbox, by who sent it (a candidate's address in
 * exactly one organization, with their latest application suggested) or the only organization
 * there is; else unrouted.
 */
async function recordUnthreaded(
  deps: InboundDeps,
  mail: ParsedInbound,
  base: InboundRecord,
  matchedOrgId: string | null,
  matchedMessageId: string | null,
): Promise<ReceivedEmail> {
  const { classification } = base;
  let orgId = matchedOrgId;
  let suggested: string | null = null;
  if (!orgId && classification === 'reply' && mail.from.address) {
    const owners = await findCandidatesByEmail(deps.db.system(), mail.from.address);
    const orgs = [...new Set(owners.map((o) => o.orgId))];
    if (orgs.length === 1) {
      orgId = orgs[0]!;
      suggested = await latestApplicationOf(deps.db.tenant(orgId), orgId, owners[0]!.candidateId);
    }
  }
  orgId ??= await onlyOrganization(deps.db.system());
  if (!orgId) {
    const inbound = await insertInbound(deps.db.system(), {
      ...base,
      orgId: null,
      applicationId: null,
      messageId: null,
      matchedBy: 'none',
      status: 'unrouted',
    });
    return {
      outcome: inbound ? 'unrouted' : 'duplicate',
      classification,
      ...nothingRecorded(),
      inboundId: inbound?.id ?? null,
    };
  }
  const inbound = await insertInbound(deps.db.tenant(orgId), {
    ...base,
    orgId,
    applicationId: suggested,
    messageId: matchedMessageId,
    matchedBy: suggested ? 'sender' : 'none',
    status: 'unassigned',
  });
  return {
    outcome: inbound ? 'unassigned' : 'duplicate',
    classification,
    ...nothingRecorded(),
    inboundId: inbound?.id ?? null,
    orgId,
  };
}

interface Bounce {
  severity: 'hard' | 'soft';
  recipient: string | null;
  status: string | null;
  diagnostic: string | null;
  originalMessageId: string | null;
}

function bounceOf(mail: ParsedInbound): Bounce {
  const statuses = parseDeliveryStatus(mail.text);
  const first = statuses.find((s) => s.action === 'failed') ?? statuses[0];
  return {
    severity: bounceSeverity(statuses, mail.text),
    recipient: first?.recipient ?? null,
    status: first?.status ?? null,
    diagnostic: first?.diagnostic?.slice(0, 500) ?? null,
    originalMessageId: originalMessageIdIn(mail.returnedText) ?? originalMessageIdIn(mail.text),
  };
}

async function matchThread(
  deps: InboundDeps,
  mail: ParsedInbound,
  envelope: InboundEnvelope,
  bouncedMessageId: string | null,
): Promise<(MatchedMessage & { by: 'token' | 'message_id' }) | null> {
  const system = deps.db.system();
  if (deps.identity.inboundAddress) {
    const token = replyTokenFrom([...envelope.envelopeTo, ...mail.recipients], deps.identity.inboundAddress);
    const byToken = token ? await findMessageByReplyToken(system, hashToken(token)) : null;
    if (byToken) return { ...byToken, by: 'token' };
  }
  const ids = referencedMessageIds(mail.inReplyTo, mail.references);
  if (bouncedMessageId) ids.unshift(bouncedMessageId);
  const byId = await findMessageByMessageIds(system, ids);
  return byId ? { ...byId, by: 'message_id' } : null;
}

/** Who owes the candidate an answer: the promise's owner, else who wrote to them, else the job's people. */
async function ownerOf(
  tx: Queryable,
  orgId: string,
  open: FollowUp[],
  writtenBy: string | null,
  job: { recruiterId: string | null; hiringManagerId: string | null },
) {
  for (const id of [
    open.find((f) => f.kind === 'outcome')?.ownerId,
    writtenBy,
    job.recruiterId,
    job.hiringManagerId,
  ]) {
    if (!id) continue;
    const member = await findMember(tx, orgId, id);
    if (member?.active) return member;
  }
  return null;
}

/** What acting on a threaded mail knows: its application's people, policy calendar and open follow-ups. */
interface ActContext {
  orgId: string;
  applicationId: string;
  candidate: Candidate;
  job: Job;
  cal: ReturnType<typeof calendarOf>;
  open: FollowUp[];
  owner: Member | null;
  appLink: string;
  now: Date;
}

/** Act on a mail that belongs to an application; returns the follow-ups it closed. */
async function act(
  tx: Queryable,
  deps: InboundDeps,
  orgId: string,
  applicationId: string,
  inbound: InboundEmail,
  matched: { createdBy: string | null; toAddress: string } | null,
  now: Date,
): Promise<FollowUp[]> {
  const application = await requireApplication(tx, orgId, applicationId, { forUpdate: true });
  if (inbound.classification === 'auto_reply') {
    // An out-of-office says nothing about what was asked: noted, nothing closed or opened.
    await insertEvent(tx, {
      orgId,
      type: 'auto_reply_received',
      applicationId,
      data: { inboundEmailId: inbound.id, subject: inbound.subject },
      at: now,
    });
    return [];
  }
  const candidate = (await findCandidate(tx, orgId, application.candidateId))!;
  const job = (await findJob(tx, orgId, application.jobId))!;
  const policy = effectivePolicy((await findOrganization(tx, orgId))!.policy, job.policyOverrides);
  const cal = calendarOf(policy);
  const open = await lockOpenFollowUpsOfApplication(tx, orgId, applicationId);
  const owner = await ownerOf(tx, orgId, open, matched?.createdBy ?? null, job);
  const appLink = `${deps.publicUrl}/#/applications/${applicationId}`;
  const context: ActContext = { orgId, applicationId, candidate, job, cal, open, owner, appLink, now };
  if (inbound.classification === 'bounce') {
    await actOnBounce(tx, deps, context, inbound, matched?.toAddress ?? null);
    return [];
  }
  return actOnReply(tx, deps, context, inbound);
}

/**
 * A bounce: noted; a hard one marks the address bounced and, the first time, asks the owner to
 * reach the candidate another way.
 */
async function actOnBounce(
  tx: Queryable,
  deps: InboundDeps,
  context: ActContext,
  inbound: InboundEmail,
  sentTo: string | null,
): Promise<void> {
  const { orgId, applicationId, candidate, job, cal, open, owner, appLink, now } = context;
  const bounce = inbound.bounce!;
  const address = sentTo ?? bounce.recipient ?? '';
  await insertEvent(tx, {
    orgId,
    type: 'message_bounced',
    applicationId,
    data: { inboundEmailId: inbound.id, severity: bounce.severity, status: bounce.status },
    at: now,
  });
  if (bounce.severity !== 'hard') return;
  const marked = await markEmailBounced(
    tx,
    orgId,
    candidate.id,
    address,
    bounce.diagnostic ?? bounce.status ?? 'bounced',
    now,
  );
  if (!marked) return;
  if (!owner || open.some((f) => f.kind === 'reach_another_way')) return;
  await insertFollowUp(tx, {
    orgId,
    applicationId,
    interviewId: null,
    kind: 'reach_another_way',
    owedBy: 'team',
    owedTo: 'candidate',
    ownerId: owner.id,
    dueAt: endOfBusinessDaysAfter(now, 1, cal),
    createdAt: now,
  });
  await enqueueMemberNotice(
    tx,
    deps.identity,
    {
      orgId,
      applicationId,
      member: owner,
      kind: 'failure_alert',
      subject: `Email to ${candidate.name} bounced (${job.title})`,
      text:
        `Hi ${owner.name},\n\nMail to ${candidate.name} at ${address} bounced: ` +
        `${bounce.diagnostic ?? bounce.status ?? 'the address does not accept mail'}.\n\n` +
        `Nothing more will be emailed to that address. Please reach them another way (a call), or ` +
        `correct the address: ${appLink}`,
    },
    now,
  );
}

/**
 * A person's reply: it becomes a touchpoint from the candidate, closes what they owed us (a
 * check-in we asked for), pauses automatic updates, and waits in the owner's queue. Returns the
 * follow-ups it closed.
 */
async function actOnReply(
  tx: Queryable,
  deps: InboundDeps,
  context: ActContext,
  inbound: InboundEmail,
): Promise<FollowUp[]> {
  const { orgId, applicationId, cal, open, owner, now } = context;
  const answered = followUpKindsAnsweredBy('candidate');
  const owed = open.find((f) => f.owedBy === 'candidate' && answered.includes(f.kind));
  const text = inbound.bodyText || '(no text)';
  const touchpoint = await insertTouchpoint(tx, {
    orgId,
    applicationId,
    direction: 'inbound',
    channel: 'email',
    kind: owed?.kind ?? 'note',
    fromParty: 'candidate',
    toParty: owed?.owedTo ?? 'team',
    connected: true,
    memberId: null,
    occurredAt: now,
    summary: `${inbound.subject ? `${inbound.subject}\n\n` : ''}${text}`.slice(0, 4000),
    createdAt: now,
  });
  await linkInboundTouchpoint(tx, orgId, inbound.id, touchpoint.id);
  const { closed } = await closeFollowUpsByTouchpoint(tx, orgId, touchpoint, now);
  await markAwaitingReply(tx, orgId, applicationId, now);
  if (owner && !open.some((f) => f.kind === 'reply')) {
    await insertFollowUp(tx, {
      orgId,
      applicationId,
      interviewId: null,
      kind: 'reply',
      owedBy: 'team',
      owedTo: 'candidate',
      ownerId: owner.id,
      dueAt: endOfBusinessDaysAfter(now, 1, cal),
      createdAt: now,
    });
  }
  if (owner) await noticeReplyToOwner(tx, deps, context, owner, inbound, text);
  await emitEvent(
    tx,
    orgId,
    {
      type: 'candidate.replied',
      applicationId,
      data: {
        reply: { inboundEmailId: inbound.id, subject: inbound.subject, receivedAt: now.toISOString() },
        closedFollowUpIds: closed.map((f) => f.id),
      },
      memberIds: owner ? [owner.id] : [],
    },
    now,
  );
  return closed;
}

/** Tell the owner the candidate replied: the reply's text, its attachments' names, and where to answer. */
async function noticeReplyToOwner(
  tx: Queryable,
  deps: InboundDeps,
  context: ActContext,
  owner: Member,
  inbound: InboundEmail,
  text: string,
): Promise<void> {
  const { orgId, applicationId, candidate, job, appLink, now } = context;
  const attachments =
    inbound.attachments.length > 0
      ? `\n\nAttachments (not kept by Hearback; see your mailbox): ${inbound.attachments.map((a) => a.filename).join(', ')}`
      : '';
  await enqueueMemberNotice(
    tx,
    deps.identity,
    {
      orgId,
      applicationId,
      member: owner,
      kind: 'reply_notice',
      subject: `${candidate.name} replied: ${inbound.subject || job.title}`,
      text:
        `${text}${attachments}\n\n— ${candidate.name} replied on the ${job.title} role. Automatic updates ` +
        `to them are paused until someone answers. Answer and log it here: ${appLink}`,
    },
    now,
  );
}

/** The inbox: mail waiting to be assigned (or, with a status, handled mail too), newest first. */
export async function listInboxPage(
  deps: ServiceDeps,
  orgId: string,
  query: {
    status?: InboundEmail['status'] | undefined;
    applicationId?: string | undefined;
    cursor?: string | undefined;
    limit: number;
  },
): Promise<Page<InboundEmail>> {
  const filter = {
    status: query.status ?? (query.applicationId ? undefined : 'unassigned'),
    applicationId: query.applicationId,
  };
  return fetchPage(
    query,
    (page) => listInbound(deps.db.tenant(orgId), orgId, filter, page),
    (m) => m.receivedAt,
  );
}

/** One inbound mail. */
export async function getInboundEmail(deps: ServiceDeps, orgId: string, id: string): Promise<InboundEmail> {
  const m = await findInbound(deps.db.tenant(orgId), orgId, id);
  if (!m) throw errors.notFound('Inbound email', id);
  return m;
}

/**
 * Assign a mail from the inbox to an application: it is then handled exactly as if it had
 * matched the thread (a reply closes what the candidate owed and waits in the owner's queue).
 */
export async function assignInboundEmail(
  deps: InboundDeps,
  orgId: string,
  memberId: string | null,
  id: string,
  applicationId: string,
): Promise<{ inbound: InboundEmail; closedFollowUps: FollowUp[] }> {
  const now = deps.clock.now();
  return deps.db.tenant(orgId).transaction(async (tx) => {
    const inbound = await findInbound(tx, orgId, id, { forUpdate: true });
    if (!inbound) throw errors.notFound('Inbound email', id);
    if (inbound.status !== 'unassigned') {
      throw errors.invalidState(`This mail is already ${inbound.status}.`, { status: inbound.status });
    }
    await requireApplication(tx, orgId, applicationId);
    const settled = (await settleInbound(
      tx,
      orgId,
      id,
      { status: 'processed', applicationId, matchedBy: 'assigned', handledBy: memberId },
      now,
    ))!;
    const closed = await act(tx, deps, orgId, applicationId, settled, null, now);
    return { inbound: (await findInbound(tx, orgId, id))!, closedFollowUps: closed };
  });
}

/** Dismiss a mail from the inbox (spam, a newsletter, nothing to do). */
export async function dismissInboundEmail(
  deps: ServiceDeps,
  orgId: string,
  memberId: string | null,
  id: string,
): Promise<InboundEmail> {
  return deps.db.tenant(orgId).transaction(async (tx) => {
    const inbound = await findInbound(tx, orgId, id, { forUpdate: true });
    if (!inbound) throw errors.notFound('Inbound email', id);
    if (inbound.status !== 'unassigned') {
      throw errors.invalidState(`This mail is already ${inbound.status}.`, { status: inbound.status });
    }
    return (await settleInbound(
      tx,
      orgId,
      id,
      { status: 'dismissed', handledBy: memberId },
      deps.clock.now(),
    ))!;
  });
}

/**
 * Poll an IMAP mailbox once: every mail after the saved position is received like mail from the
 * SMTP listener, and the position moves after each one, so a crash re-reads at most the mail in
 * hand (which is then recognised and recorded once). Mail over the size limit is skipped.
 */
export async function pollImapMailbox(deps: InboundDeps, fetcher: ImapFetcher): Promise<number> {
  const cursor = await findImapCursor(deps.db.system(), fetcher.mailbox);
  return fetcher.fetchNew(
    cursor,
    async (raw, uid, uidValidity) => {
      if (raw.length > 0)
        await receiveEmail(deps, raw, { source: 'imap', envelopeFrom: null, envelopeTo: [] });
      await saveImapCursor(deps.db.system(), fetcher.mailbox, uidValidity, uid, deps.clock.now());
    },
    deps.limits.maxBytes,
  );
}
