import { promisedTimeOf } from '../domain/follow-up.ts';
import { randomBytes } from 'node:crypto';
import type { Queryable } from '../db/db.ts';
import { endOfBusinessDaysAfter } from '../domain/business-time.ts';
import {
  checkCandidateNote,
  checkInState,
  thankYouWindow,
  type CheckInState,
  type NoteFinding,
} from '../domain/candidate-etiquette.ts';
import { candidateVisibleStatus } from '../domain/candidate-truth.ts';
import { humanDate } from '../domain/format.ts';
import { STATUS_LINK_PLACEHOLDER } from '../domain/sign-in-links.ts';
import type { Application, Candidate, Interview, Job, Message } from '../domain/model.ts';
import { calendarOf, effectivePolicy, type Policy } from '../domain/policy.ts';
import { AppError, errors } from '../errors.ts';
import { findApplication, updateApplication } from '../repositories/application.repository.ts';
import {
  confirmInterest,
  dueErasures,
  eraseCandidateData,
  findCandidateSessionByHash,
  findRating,
  findStatusLinkByHash,
  insertCandidateSession,
  insertStatusLink,
  scheduleErasure,
  upsertRating,
  vacuumTables,
  type CandidateAccess,
  type NewStatusLink,
} from '../repositories/candidate-page.repository.ts';
import { findCandidate, updateCandidate } from '../repositories/candidate.repository.ts';
import {
  cancelFollowUps,
  insertFollowUp,
  listFollowUpsOfApplication,
  lockOpenFollowUpsOfApplication,
} from '../repositories/follow-up.repository.ts';
import { listInterviewsOfApplication } from '../repositories/interview.repository.ts';
import { listDecisionsOfApplication } from '../repositories/decision.repository.ts';
import { findJob } from '../repositories/job.repository.ts';
import { findMember, listActiveMembersByRole } from '../repositories/member.repository.ts';
import { cancelPendingMessages, listMessages } from '../repositories/message.repository.ts';
import { findOrganization } from '../repositories/organization.repository.ts';
import { insertTouchpoint, listTouchpointsOfApplication } from '../repositories/touchpoint.repository.ts';
import { changeApplication } from './application.service.ts';
import { recordAudit } from './audit.service.ts';
import { hashToken } from './auth.service.ts';
import type { ServiceDeps } from './deps.ts';
import { closeFollowUpsByTouchpoint } from './follow-up.service.ts';
import { enqueueMemberNotice, type MailIdentity } from './outbox.service.ts';
import { poolInvitationFor, type PoolInvitationView } from './talent-pool.service.ts';
import { reviewFinalists } from './finalists.ts';

/** What the page's use cases need. */
export interface CandidatePageDeps extends ServiceDeps {
  identity: MailIdentity;
  publicUrl: string;
}

/** A link stays valid until 30 days after the application last changed… */
export const LINK_VALID_DAYS = 30;
/** …and never longer than 90 days after it was sent, and only while it is its application's newest. */
export const LINK_LIFETIME_DAYS = 90;
/** A candidate session (the cookie a link is exchanged for) lasts at most 7 days; a newer link opens a new one. */
export const CANDIDATE_SESSION_MAX_DAYS = 7;
const DAY = 86_400_000;

/**
 * Create a status link for an application inside the caller's transaction and return its URL.
 * Every candidate email gets its own; only the hash is stored.
 */
export async function createStatusLink(
  tx: Queryable,
  publicUrl: string,
  orgId: string,
  applicationId: string,
  now: Date,
): Promise<string> {
  const { url, link } = newStatusLink(publicUrl, orgId, applicationId, now);
  await insertStatusLink(tx, link);
  return url;
}

/**
 * What a message stores where the candidate's status link goes: the link with its token masked
 * (`STATUS_LINK_PLACEHOLDER`). The dispatcher mints the real link when it hands the email to the
 * mail server, so nobody who can read messages holds a link that acts as the candidate.
 */
export function statusLinkPlaceholder(publicUrl: string): string {
  return `${publicUrl}${STATUS_LINK_PLACEHOLDER}`;
}

/** Mint a status link for an application inside the caller's transaction and return its token. */
export async function mintStatusLinkToken(
  tx: Queryable,
  orgId: string,
  applicationId: string,
  now: Date,
): Promise<string> {
  const token = randomBytes(32).toString('base64url');
  await insertStatusLink(tx, { orgId, applicationId, tokenHash: hashToken(token), createdAt: now });
  return token;
}

/**
 * A status link's URL and the row to store for it, for callers that write many links in one
 * statement (`insertStatusLinks`) in the same transaction as the messages that carry them.
 */
export function newStatusLink(
  publicUrl: string,
  orgId: string,
  applicationId: string,
  now: Date,
): { url: string; link: NewStatusLink } {
  const token = randomBytes(32).toString('base64url');
  return {
    url: `${publicUrl}/s/${token}`,
    link: { orgId, applicationId, tokenHash: hashToken(token), createdAt: now },
  };
}

function usable(access: CandidateAccess | null, now: Date): access is CandidateAccess {
  return (
    !!access &&
    !access.revokedAt &&
    !access.erasedAt &&
    access.applicationUpdatedAt.getTime() + LINK_VALID_DAYS * DAY > now.getTime()
  );
}

/** A link opens a session only while it is young enough and its application's newest link. */
function linkUsable(access: CandidateAccess | null, now: Date): access is CandidateAccess {
  return (
    usable(access, now) &&
    !access.superseded &&
    access.linkCreatedAt.getTime() + LINK_LIFETIME_DAYS * DAY > now.getTime()
  );
}

/**
 * An open session keeps working when a newer link is sent (the candidate is not thrown out of the
 * page they are reading) and after its link's lifetime, but never past its own maximum age.
 */
function sessionUsable(access: CandidateAccess | null, now: Date): access is CandidateAccess {
  return (
    usable(access, now) &&
    !!access.sessionCreatedAt &&
    access.sessionCreatedAt.getTime() + CANDIDATE_SESSION_MAX_DAYS * DAY > now.getTime()
  );
}

/**
 * Exchange a link's token for a session cookie value. Unknown, revoked, expired and erased links
 * all give null: the page answers them all the same way.
 */
export async function openStatusLink(deps: ServiceDeps, token: string): Promise<string | null> {
  if (!/^[A-Za-z0-9_-]{43}$/.test(token)) return null;
  const now = deps.clock.now();
  const access = await findStatusLinkByHash(deps.db.system(), hashToken(token));
  if (!linkUsable(access, now)) return null;
  const session = randomBytes(32).toString('base64url');
  await insertCandidateSession(deps.db.tenant(access.orgId), {
    orgId: access.orgId,
    statusLinkId: access.statusLinkId,
    tokenHash: hashToken(session),
    createdAt: now,
  });
  return session;
}

/** The application a candidate session cookie opens, or null. */
export async function candidateAccess(
  deps: ServiceDeps,
  sessionToken: string,
): Promise<CandidateAccess | null> {
  if (!/^[A-Za-z0-9_-]{43}$/.test(sessionToken)) return null;
  const access = await findCandidateSessionByHash(deps.db.system(), hashToken(sessionToken));
  return sessionUsable(access, deps.clock.now()) ? access : null;
}

/** Everything the status page shows, in plain words. Never feedback, decisions or internal notes. */
export interface StatusView {
  organizationName: string;
  job: Pick<Job, 'title'>;
  candidate: Pick<Candidate, 'name' | 'timeZone'>;
  timeZone: string;
  status: { code: Application['status']; words: string };
  interviews: { title: string; at: Date | null }[];
  promise: { statement: string; dueAt: Date; dueDate: string; dayOfWait: number; overdue: boolean } | null;
  next: string;
  contact: { name: string } | null;
  messages: Pick<Message, 'subject' | 'bodyText' | 'sentAt'>[];
  thankYou: { sent: boolean; open: boolean; hoursLeft: number; wordLimit: number };
  checkIn: CheckInState;
  outcomeDelivered: boolean;
  rating: { allowed: boolean; given: { rating: number; comment: string } | null };
  feedbackRequest: { allowed: boolean; requested: boolean };
  interestConfirmed: boolean;
  withdrawn: boolean;
  /** The team's invitation to stay in touch (talent pool), if there is one. */
  pool: PoolInvitationView | null;
}

const STATUS_WORDS: Record<Application['status'], string> = {
  active: 'Your application is in progress.',
  on_hold: 'Your application is in progress; the team is still deciding.',
  offered: 'You have an offer.',
  hired: 'You were hired. Congratulations!',
  rejected: 'The team decided not to move forward with your application.',
  withdrawn: 'You withdrew your application.',
};

interface Loaded {
  application: Application;
  candidate: Candidate;
  job: Job;
  orgName: string;
  policy: Policy;
  interviews: Interview[];
}

async function load(tx: Queryable, access: CandidateAccess): Promise<Loaded> {
  const application = (await findApplication(tx, access.orgId, access.applicationId))!;
  const org = (await findOrganization(tx, access.orgId))!;
  const job = (await findJob(tx, access.orgId, application.jobId))!;
  return {
    application,
    candidate: (await findCandidate(tx, access.orgId, application.candidateId))!,
    job,
    orgName: org.name,
    policy: effectivePolicy(org.policy, job.policyOverrides),
    interviews: await listInterviewsOfApplication(tx, access.orgId, application.id),
  };
}

/** Build the page's view (the candidate's zone if known, else the organization's). */
export async function getStatusView(deps: ServiceDeps, access: CandidateAccess): Promise<StatusView> {
  const now = deps.clock.now();
  return deps.db.tenant(access.orgId).transaction(async (tx) => {
    const l = await load(tx, access);
    const zone = l.candidate.timeZone ?? l.policy.timeZone;
    const followUps = await listFollowUpsOfApplication(tx, access.orgId, access.applicationId);
    const touchpoints = await listTouchpointsOfApplication(tx, access.orgId, access.applicationId);
    const sent = (
      await listMessages(
        tx,
        access.orgId,
        { applicationId: access.applicationId, status: 'sent' },
        { after: null, limit: 200 },
      )
    ).filter((m) => m.audience === 'candidate');
    const openOutcome = followUps.find((f) => f.kind === 'outcome' && f.status === 'open') ?? null;
    const told = followUps
      .filter((f) => f.kind === 'outcome' && f.status === 'done')
      .map((f) => f.updatedAt.getTime());
    const lastDecision = (await listDecisionsOfApplication(tx, access.orgId, access.applicationId)).at(-1);
    // The page never runs ahead of what the candidate was told (a message delivered, a call logged).
    const visible = candidateVisibleStatus({
      status: l.application.status,
      outcomeOpen: openOutcome !== null,
      lastDecisionAt: lastDecision?.decidedAt ?? null,
      lastToldAt: told.length > 0 ? new Date(Math.max(...told)) : null,
    });
    const outcomeDelivered = openOutcome === null && told.length > 0;
    const lastInterview = l.interviews.filter((i) => i.closedAt).at(-1) ?? null;
    const promiseFollowUp = openOutcome ?? followUps.filter((f) => f.kind === 'outcome').at(-1) ?? null;
    const cal = { ...calendarOf(l.policy), timeZone: zone };
    const ownerId = promiseFollowUp?.ownerId ?? l.job.recruiterId;
    const owner = ownerId ? await findMember(tx, access.orgId, ownerId) : null;
    const checkIns = touchpoints
      .filter((t) => t.kind === 'check_in' && t.fromParty === 'candidate')
      .map((t) => t.occurredAt);
    const ended = lastInterview?.endsAt ?? lastInterview?.closedAt ?? null;
    const window = ended ? thankYouWindow(ended, now) : { open: false, hoursLeft: 0 };
    const rejected = visible === 'rejected';
    return {
      organizationName: l.orgName,
      job: { title: l.job.title },
      candidate: { name: l.candidate.name, timeZone: l.candidate.timeZone },
      timeZone: zone,
      status: { code: visible, words: STATUS_WORDS[visible] },
      interviews: l.interviews
        .filter((i) => i.closedAt)
        .map((i) => ({ title: i.title, at: i.endsAt ?? i.closedAt })),
      promise:
        promiseFollowUp && lastInterview?.promise
          ? {
              statement: lastInterview.promise.statement,
              // The time they were promised: a decision pulling the team's due time forward tells them nothing.
              dueAt: promisedTimeOf(promiseFollowUp),
              dueDate: humanDate(promisedTimeOf(promiseFollowUp), zone),
              dayOfWait: Math.max(
                1,
                Math.floor((now.getTime() - (ended ?? promiseFollowUp.createdAt).getTime()) / DAY) + 1,
              ),
              overdue:
                promiseFollowUp.status === 'open' &&
                promisedTimeOf(promiseFollowUp).getTime() < now.getTime(),
            }
          : null,
      next: outcomeDelivered
        ? 'You have heard from the team. Thank you for your time.'
        : openOutcome
          ? `The team will contact you by ${humanDate(promisedTimeOf(openOutcome), zone)}. You do not need to do anything until then.`
          : 'The team will be in touch.',
      contact: l.application.agencyRecruiter
        ? { name: `${l.application.agencyRecruiter.name} (your recruiter)` }
        : owner
          ? { name: owner.name }
          : null,
      messages: sent.map((m) => ({ subject: m.subject, bodyText: m.bodyText, sentAt: m.sentAt })),
      thankYou: {
        sent: touchpoints.some((t) => t.kind === 'thank_you' && t.fromParty === 'candidate'),
        ...window,
        wordLimit: l.policy.thankYouWordLimit,
      },
      checkIn: checkInState(
        {
          promisedDueAt: promiseFollowUp ? promisedTimeOf(promiseFollowUp) : null,
          outcomeDelivered,
          previous: checkIns,
          now,
        },
        { ...l.policy, timeZone: cal.timeZone },
      ),
      outcomeDelivered,
      rating: { allowed: outcomeDelivered, given: await findRating(tx, access.orgId, access.applicationId) },
      feedbackRequest: {
        allowed: rejected,
        requested: followUps.some((f) => f.kind === 'feedback_due' && f.owedTo === 'candidate'),
      },
      interestConfirmed: l.application.interestConfirmedAt !== null,
      withdrawn: l.application.status === 'withdrawn',
      pool: await poolInvitationFor(tx, access),
    };
  });
}

function refuse(findings: NoteFinding[]): never {
  throw new AppError('validation_failed', findings.map((f) => f.message).join(' '), { findings });
}

/**
 * Who answers what a candidate sends from their page: the first active one of `preferred`, the
 * job's recruiter, its hiring manager — and, when none is set up, the organization's first active
 * admin, so that nothing a candidate sends is left without an owner.
 */
async function answeringMember(
  tx: Queryable,
  l: Loaded,
  preferred: string | null,
): Promise<{ id: string; email: string; name: string }> {
  for (const id of [preferred, l.job.recruiterId, l.job.hiringManagerId]) {
    const member = id ? await findMember(tx, l.application.orgId, id) : null;
    if (member?.active) return member;
  }
  const [admin] = await listActiveMembersByRole(tx, l.application.orgId, 'admin');
  if (!admin)
    throw errors.invalidState('Nobody is set up to answer; please reply to the last email instead.');
  return admin;
}

async function noteToTeam(
  tx: Queryable,
  deps: CandidatePageDeps,
  l: Loaded,
  recipients: { id: string; email: string; name: string }[],
  subject: string,
  text: string,
  now: Date,
): Promise<void> {
  for (const member of recipients) {
    await enqueueMemberNotice(
      tx,
      deps.identity,
      {
        orgId: l.application.orgId,
        applicationId: l.application.id,
        member,
        kind: 'candidate_note',
        subject,
        text,
      },
      now,
    );
  }
}

/** Send a thank-you note to the interviewers: a touchpoint and a signal, never a gate. */
export async function sendThankYou(
  deps: CandidatePageDeps,
  access: CandidateAccess,
  text: string,
): Promise<void> {
  const now = deps.clock.now();
  await deps.db.tenant(access.orgId).transaction(async (tx) => {
    const l = await load(tx, access);
    const check = checkCandidateNote(text, l.policy.thankYouWordLimit);
    if (check.findings.length > 0) refuse(check.findings);
    const touchpoint = await insertTouchpoint(tx, {
      orgId: access.orgId,
      applicationId: access.applicationId,
      direction: 'inbound',
      channel: 'portal',
      kind: 'thank_you',
      fromParty: 'candidate',
      toParty: 'team',
      connected: true,
      memberId: null,
      occurredAt: now,
      summary: text,
      createdAt: now,
    });
    await closeFollowUpsByTouchpoint(tx, access.orgId, touchpoint, now);
    const ids = [...new Set(l.interviews.flatMap((i) => i.interviewerIds))];
    const interviewers = (await Promise.all(ids.map((id) => findMember(tx, access.orgId, id)))).filter(
      (m) => m?.active,
    );
    await noteToTeam(
      tx,
      deps,
      l,
      interviewers as { id: string; email: string; name: string }[],
      `Thank-you note from ${l.candidate.name} (${l.job.title})`,
      text,
      now,
    );
  });
}

/** Check in politely, when the rules allow: delivered to the owner, who now owes an answer. */
export async function checkIn(deps: CandidatePageDeps, access: CandidateAccess, text: string): Promise<void> {
  const now = deps.clock.now();
  const view = await getStatusView(deps, access);
  if (!view.checkIn.allowed) {
    throw errors.invalidState(
      view.checkIn.opensAt
        ? `You can check in from ${humanDate(view.checkIn.opensAt, view.timeZone)}.`
        : 'Checking in is not possible now.',
    );
  }
  await deps.db.tenant(access.orgId).transaction(async (tx) => {
    const l = await load(tx, access);
    const check = checkCandidateNote(text, l.policy.thankYouWordLimit, 'check_in');
    if (check.findings.length > 0) refuse(check.findings);
    await insertTouchpoint(tx, {
      orgId: access.orgId,
      applicationId: access.applicationId,
      direction: 'inbound',
      channel: 'portal',
      kind: 'check_in',
      fromParty: 'candidate',
      toParty: 'team',
      connected: true,
      memberId: null,
      occurredAt: now,
      summary: text,
      createdAt: now,
    });
    const agency = l.application.agencyRecruiter;
    if (agency) {
      // Through an agency, the recruiter answers: the check-in goes to them, and they owe the reply.
      await insertFollowUp(tx, {
        orgId: access.orgId,
        applicationId: access.applicationId,
        interviewId: null,
        kind: 'check_in',
        owedBy: 'recruiter',
        owedTo: 'candidate',
        ownerId: null,
        dueAt: endOfBusinessDaysAfter(now, 1, calendarOf(l.policy)),
        createdAt: now,
      });
      await enqueueMemberNotice(
        tx,
        deps.identity,
        {
          orgId: access.orgId,
          applicationId: access.applicationId,
          member: { id: null, email: agency.email, name: agency.name },
          kind: 'candidate_note',
          subject: `${l.candidate.name} checked in (${l.job.title})`,
          text: `${text}\n\nYour candidate checked in on the ${l.job.title} role at ${l.orgName}. Please answer them by the end of the next business day.`,
        },
        now,
      );
      return;
    }
    const open = (await listFollowUpsOfApplication(tx, access.orgId, access.applicationId)).find(
      (f) => f.kind === 'outcome' && f.status === 'open',
    );
    const owner = await answeringMember(tx, l, open?.ownerId ?? null);
    const cal = calendarOf(l.policy);
    await insertFollowUp(tx, {
      orgId: access.orgId,
      applicationId: access.applicationId,
      interviewId: null,
      kind: 'check_in',
      owedBy: 'team',
      owedTo: 'candidate',
      ownerId: owner.id,
      dueAt: endOfBusinessDaysAfter(now, 1, cal),
      createdAt: now,
    });
    await noteToTeam(
      tx,
      deps,
      l,
      [owner],
      `${l.candidate.name} checked in (${l.job.title})`,
      `${text}\n\nPlease answer by the end of the next business day.`,
      now,
    );
  });
}

/** Confirm continued interest. */
export async function confirmCandidateInterest(deps: ServiceDeps, access: CandidateAccess): Promise<void> {
  await confirmInterest(deps.db.tenant(access.orgId), access.orgId, access.applicationId, deps.clock.now());
}

/**
 * Irreversible actions (erase, withdraw) need a fresh confirmation only the candidate can give:
 * a session opened within this many minutes from the link in their latest email. Whoever holds
 * an older session (a shared computer, a stolen cookie) is sent back to their mailbox.
 */
export const CONFIRM_WITHIN_MINUTES = 15;

function requireFreshSession(access: CandidateAccess, now: Date, what: string): void {
  const openedAt = access.sessionCreatedAt;
  if (openedAt && openedAt.getTime() + CONFIRM_WITHIN_MINUTES * 60_000 > now.getTime()) return;
  throw errors.invalidState(
    `To ${what}, please open the link in the latest email we sent you again, then try once more ` +
      `within ${CONFIRM_WITHIN_MINUTES} minutes. This keeps anyone else from doing it for you.`,
    { reason: 'confirmation_required' },
  );
}

/** Withdraw: every scheduled message and open follow-up of the application ends. */
export async function withdrawApplication(deps: ServiceDeps, access: CandidateAccess): Promise<void> {
  requireFreshSession(access, deps.clock.now(), 'withdraw your application');
  await changeApplication(
    deps,
    access.orgId,
    access.applicationId,
    { status: 'withdrawn' },
    // The candidate has no member id: the audit log says it came from their status page.
    { type: 'anonymous', id: null, via: 'candidate_page' },
  );
}

/** After a rejection, ask for feedback: the team owes an answer within three business days. */
export async function requestFeedback(deps: CandidatePageDeps, access: CandidateAccess): Promise<void> {
  const now = deps.clock.now();
  await deps.db.tenant(access.orgId).transaction(async (tx) => {
    const l = await load(tx, access);
    if (l.application.status !== 'rejected')
      throw errors.invalidState('Feedback can be asked for after a decision.');
    // Asking twice (a second tab, a double click) is one request: the team already owes the answer.
    const asked = (await listFollowUpsOfApplication(tx, access.orgId, access.applicationId)).some(
      (f) => f.kind === 'feedback_due' && f.owedTo === 'candidate' && f.status === 'open',
    );
    if (asked) return;
    const owner = await answeringMember(tx, l, null);
    // On the application's timeline as what the candidate did, beside the follow-up it opens.
    await insertTouchpoint(tx, {
      orgId: access.orgId,
      applicationId: access.applicationId,
      direction: 'inbound',
      channel: 'portal',
      kind: 'feedback_due',
      fromParty: 'candidate',
      toParty: 'team',
      connected: true,
      memberId: null,
      occurredAt: now,
      summary: 'Asked for feedback on their interviews.',
      createdAt: now,
    });
    const cal = calendarOf(l.policy);
    await insertFollowUp(tx, {
      orgId: access.orgId,
      applicationId: access.applicationId,
      interviewId: null,
      kind: 'feedback_due',
      owedBy: 'team',
      owedTo: 'candidate',
      ownerId: owner.id,
      dueAt: endOfBusinessDaysAfter(now, 3, cal),
      createdAt: now,
    });
    await noteToTeam(
      tx,
      deps,
      l,
      [owner],
      `${l.candidate.name} asked for feedback (${l.job.title})`,
      'The candidate asked for feedback after the decision. Please answer within three business days.',
      now,
    );
  });
}

/** Rate the experience — only once the outcome has been delivered. */
export async function rateExperience(
  deps: ServiceDeps,
  access: CandidateAccess,
  rating: number,
  comment: string,
): Promise<void> {
  const view = await getStatusView(deps, access);
  if (!view.rating.allowed)
    throw errors.invalidState('You can rate the experience once you have heard the outcome.');
  await upsertRating(deps.db.tenant(access.orgId), {
    orgId: access.orgId,
    applicationId: access.applicationId,
    rating,
    comment,
    createdAt: deps.clock.now(),
  });
}

/** Change the time zone the page (and future emails) use. */
export async function setCandidateTimeZone(
  deps: ServiceDeps,
  access: CandidateAccess,
  timeZone: string,
): Promise<void> {
  const tenant = deps.db.tenant(access.orgId);
  const application = (await findApplication(tenant, access.orgId, access.applicationId))!;
  await updateCandidate(tenant, access.orgId, application.candidateId, { timeZone }, deps.clock.now());
}

/** The candidate's data, as JSON: what they gave and what they were sent — no internal notes. */
export async function exportCandidateData(
  deps: ServiceDeps,
  access: CandidateAccess,
): Promise<Record<string, unknown>> {
  const view = await getStatusView(deps, access);
  return deps.db.tenant(access.orgId).transaction(async (tx) => {
    const application = (await findApplication(tx, access.orgId, access.applicationId))!;
    const candidate = (await findCandidate(tx, access.orgId, application.candidateId))!;
    const touchpoints = await listTouchpointsOfApplication(tx, access.orgId, access.applicationId);
    await recordAudit(
      tx,
      access.orgId,
      deps.clock.now(),
      'candidate_data_exported',
      { type: 'candidate', id: candidate.id },
      {},
      { type: 'anonymous', id: null },
    );
    return {
      exportedAt: deps.clock.now().toISOString(),
      organization: view.organizationName,
      candidate: {
        name: candidate.name,
        email: candidate.email,
        phone: candidate.phone,
        timeZone: candidate.timeZone,
      },
      application: {
        job: view.job.title,
        status: application.status,
        appliedAt: application.createdAt.toISOString(),
      },
      interviews: view.interviews,
      promise: view.promise,
      messagesSentToYou: view.messages,
      yourNotes: touchpoints
        .filter((t) => t.fromParty === 'candidate')
        .map((t) => ({ kind: t.kind, at: t.occurredAt.toISOString(), text: t.summary })),
      rating: view.rating.given,
    };
  });
}

/**
 * Erase the candidate everywhere, or — under a legal hold — schedule it and say when. Either
 * way nothing more is sent to them, and their links stop working once the erasure happens.
 */
export async function eraseCandidate(
  deps: ServiceDeps,
  access: CandidateAccess,
): Promise<{ erasedAt: Date | null; scheduledFor: Date | null }> {
  const now = deps.clock.now();
  requireFreshSession(access, now, 'erase your data');
  let touched: string[] = [];
  const result = await deps.db.tenant(access.orgId).transaction(async (tx) => {
    const l = await load(tx, access);
    if (l.application.status !== 'withdrawn' && l.application.status !== 'hired') {
      await changeApplicationInTx(tx, access, now);
    }
    if (l.policy.legalHoldDays > 0) {
      const after = new Date(now.getTime() + l.policy.legalHoldDays * DAY);
      await scheduleErasure(tx, access.orgId, l.candidate.id, after);
      await recordAudit(
        tx,
        access.orgId,
        now,
        'candidate_erasure_scheduled',
        { type: 'candidate', id: l.candidate.id },
        { after: after.toISOString() },
        { type: 'anonymous', id: null },
      );
      return { erasedAt: null, scheduledFor: after };
    }
    touched = await eraseCandidateData(tx, access.orgId, l.candidate.id, now);
    await recordAudit(
      tx,
      access.orgId,
      now,
      'candidate_erased',
      { type: 'candidate', id: l.candidate.id },
      {},
      { type: 'anonymous', id: null },
    );
    return { erasedAt: now, scheduledFor: null };
  });
  await vacuumAfterErasure(deps, touched);
  return result;
}

/**
 * On PostgreSQL, VACUUM what an erasure rewrote, so dead row versions holding the person leave the
 * table files at once. Best effort: the erasure is committed either way, and autovacuum follows.
 * PGlite keeps dead versions until its own autovacuum (docs/SECURITY.md says what that means).
 */
async function vacuumAfterErasure(deps: ServiceDeps, tables: string[]): Promise<void> {
  if (deps.db.kind !== 'postgres' || tables.length === 0) return;
  try {
    await vacuumTables(deps.db, tables);
  } catch {
    // Not the tables' owner, or a concurrent VACUUM: autovacuum removes the dead versions later.
  }
}

// Withdrawal inside the erasure's transaction: cancel what is owed and scheduled.
async function changeApplicationInTx(tx: Queryable, access: CandidateAccess, now: Date): Promise<void> {
  const before = await findApplication(tx, access.orgId, access.applicationId);
  const after = await updateApplication(tx, access.orgId, access.applicationId, { status: 'withdrawn' }, now);
  const open = await lockOpenFollowUpsOfApplication(tx, access.orgId, access.applicationId);
  await cancelFollowUps(
    tx,
    access.orgId,
    open.map((f) => f.id),
    'erased',
    now,
  );
  await cancelPendingMessages(tx, access.orgId, { applicationId: access.applicationId }, 'erased', now);
  if (before && after) await reviewFinalists(tx, access.orgId, after.jobId, { before, after }, now);
}

/** Carry out erasures whose legal hold has ended (the worker calls this). */
export async function eraseDueCandidates(deps: ServiceDeps, limit = 100): Promise<number> {
  const now = deps.clock.now();
  const due = await dueErasures(deps.db.system(), now, limit);
  const touched = new Set<string>();
  for (const { orgId, candidateId } of due) {
    await deps.db.tenant(orgId).transaction(async (tx) => {
      for (const t of await eraseCandidateData(tx, orgId, candidateId, now)) touched.add(t);
      await recordAudit(
        tx,
        orgId,
        now,
        'candidate_erased',
        { type: 'candidate', id: candidateId },
        { scheduled: true },
        { type: 'system', id: null },
      );
    });
  }
  await vacuumAfterErasure(deps, [...touched]);
  return due.length;
}
