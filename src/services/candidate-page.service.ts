/**
 * The candidate's status page: what it shows (only what the candidate has been told) and the
 * answers given on it — interest, rating, time zone, withdrawal.
 */
import { promisedTimeOf } from '../domain/follow-up.ts';
import { checkInState, thankYouWindow, type CheckInState } from '../domain/candidate-etiquette.ts';
import { candidateVisibleStatus } from '../domain/candidate-truth.ts';
import { humanDate } from '../domain/format.ts';
import type { Queryable } from '../db/db.ts';
import type {
  Application,
  Candidate,
  Decision,
  FollowUp,
  Interview,
  Job,
  Message,
  Touchpoint,
} from '../domain/model.ts';
import { errors } from '../errors.ts';
import { findApplication } from '../repositories/application.repository.ts';
import {
  confirmInterest,
  findRating,
  upsertRating,
  type CandidateAccess,
} from '../repositories/candidate-page.repository.ts';
import { updateCandidate } from '../repositories/candidate.repository.ts';
import { listFollowUpsOfApplication } from '../repositories/follow-up.repository.ts';
import { listDecisionsOfApplication } from '../repositories/decision.repository.ts';
import { findMember } from '../repositories/member.repository.ts';
import { listMessages } from '../repositories/message.repository.ts';
import { listTouchpointsOfApplication } from '../repositories/touchpoint.repository.ts';
import { changeApplication } from './application.service.ts';
import type { ServiceDeps } from './deps.ts';
import { poolInvitationFor, type PoolInvitationView } from './pool-invitation.ts';
import { loadPageContext, requireFreshSession, type CandidatePageContext } from './candidate-access.ts';

const DAY = 86_400_000;

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

/** What the page reads about one application besides its context, inside one transaction. */
interface PageFacts {
  l: CandidatePageContext;
  followUps: FollowUp[];
  touchpoints: Touchpoint[];
  /** Messages sent to the candidate. */
  sent: Message[];
  lastDecision: Decision | undefined;
}

async function readFacts(tx: Queryable, access: CandidateAccess): Promise<PageFacts> {
  const l = await loadPageContext(tx, access);
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
  const lastDecision = (await listDecisionsOfApplication(tx, access.orgId, access.applicationId)).at(-1);
  return { l, followUps, touchpoints, sent, lastDecision };
}

/** Where the outcome stands as far as the candidate has been told. */
interface OutcomeState {
  visible: Application['status'];
  openOutcome: FollowUp | null;
  outcomeDelivered: boolean;
  /** The outcome follow-up whose promised time the page shows: the open one, else the latest. */
  promiseFollowUp: FollowUp | null;
  lastInterview: Interview | null;
  /** When the last interview ended (or was closed). */
  ended: Date | null;
}

function outcomeState({ l, followUps, lastDecision }: PageFacts): OutcomeState {
  const openOutcome = followUps.find((f) => f.kind === 'outcome' && f.status === 'open') ?? null;
  const told = followUps
    .filter((f) => f.kind === 'outcome' && f.status === 'done')
    .map((f) => f.updatedAt.getTime());
  // The page never runs ahead of what the candidate was told (a message delivered, a call logged).
  const visible = candidateVisibleStatus({
    status: l.application.status,
    outcomeOpen: openOutcome !== null,
    lastDecisionAt: lastDecision?.decidedAt ?? null,
    lastToldAt: told.length > 0 ? new Date(Math.max(...told)) : null,
  });
  const lastInterview = l.interviews.filter((i) => i.closedAt).at(-1) ?? null;
  return {
    visible,
    openOutcome,
    outcomeDelivered: openOutcome === null && told.length > 0,
    promiseFollowUp: openOutcome ?? followUps.filter((f) => f.kind === 'outcome').at(-1) ?? null,
    lastInterview,
    ended: lastInterview?.endsAt ?? lastInterview?.closedAt ?? null,
  };
}

function promiseView(o: OutcomeState, zone: string, now: Date): StatusView['promise'] {
  const { promiseFollowUp, lastInterview, ended } = o;
  if (!promiseFollowUp || !lastInterview?.promise) return null;
  // The time they were promised: a decision pulling the team's due time forward tells them nothing.
  const dueAt = promisedTimeOf(promiseFollowUp);
  return {
    statement: lastInterview.promise.statement,
    dueAt,
    dueDate: humanDate(dueAt, zone),
    dayOfWait: Math.max(
      1,
      Math.floor((now.getTime() - (ended ?? promiseFollowUp.createdAt).getTime()) / DAY) + 1,
    ),
    overdue: promiseFollowUp.status === 'open' && dueAt.getTime() < now.getTime(),
  };
}

function nextWords(o: OutcomeState, zone: string): string {
  if (o.outcomeDelivered) return 'You have heard from the team. Thank you for your time.';
  if (o.openOutcome)
    return `The team will contact you by ${humanDate(promisedTimeOf(o.openOutcome), zone)}. You do not need to do anything until then.`;
  return 'The team will be in touch.';
}

function contactOf(l: CandidatePageContext, owner: { name: string } | null): StatusView['contact'] {
  if (l.application.agencyRecruiter)
    return { name: `${l.application.agencyRecruiter.name} (your recruiter)` };
  return owner ? { name: owner.name } : null;
}

/** What the candidate sent from the page: their thank-you note and their check-ins. */
function candidateNotes(f: PageFacts, o: OutcomeState, zone: string, now: Date) {
  const mine = f.touchpoints.filter((t) => t.fromParty === 'candidate');
  const window = o.ended ? thankYouWindow(o.ended, now) : { open: false, hoursLeft: 0 };
  return {
    thankYou: {
      sent: mine.some((t) => t.kind === 'thank_you'),
      ...window,
      wordLimit: f.l.policy.thankYouWordLimit,
    },
    checkIn: checkInState(
      {
        promisedDueAt: o.promiseFollowUp ? promisedTimeOf(o.promiseFollowUp) : null,
        outcomeDelivered: o.outcomeDelivered,
        previous: mine.filter((t) => t.kind === 'check_in').map((t) => t.occurredAt),
        now,
      },
      { ...f.l.policy, timeZone: zone },
    ),
  };
}

/** Build the page's view (the candidate's zone if known, else the organization's). */
export async function getStatusView(deps: ServiceDeps, access: CandidateAccess): Promise<StatusView> {
  const now = deps.clock.now();
  return deps.db.tenant(access.orgId).transaction(async (tx) => {
    const facts = await readFacts(tx, access);
    const { l } = facts;
    const o = outcomeState(facts);
    const zone = l.candidate.timeZone ?? l.policy.timeZone;
    const ownerId = o.promiseFollowUp?.ownerId ?? l.job.recruiterId;
    const owner = ownerId ? await findMember(tx, access.orgId, ownerId) : null;
    return {
      organizationName: l.orgName,
      job: { title: l.job.title },
      candidate: { name: l.candidate.name, timeZone: l.candidate.timeZone },
      timeZone: zone,
      status: { code: o.visible, words: STATUS_WORDS[o.visible] },
      interviews: l.interviews
        .filter((i) => i.closedAt)
        .map((i) => ({ title: i.title, at: i.endsAt ?? i.closedAt })),
      promise: promiseView(o, zone, now),
      next: nextWords(o, zone),
      contact: contactOf(l, owner),
      messages: facts.sent.map((m) => ({ subject: m.subject, bodyText: m.bodyText, sentAt: m.sentAt })),
      ...candidateNotes(facts, o, zone, now),
      outcomeDelivered: o.outcomeDelivered,
      rating: {
        allowed: o.outcomeDelivered,
        given: await findRating(tx, access.orgId, access.applicationId),
      },
      feedbackRequest: {
        allowed: o.visible === 'rejected',
        requested: facts.followUps.some((f) => f.kind === 'feedback_due' && f.owedTo === 'candidate'),
      },
      interestConfirmed: l.application.interestConfirmedAt !== null,
      withdrawn: l.application.status === 'withdrawn',
      pool: await poolInvitationFor(tx, access),
    };
  });
}

/** Confirm continued interest. */
export async function confirmCandidateInterest(deps: ServiceDeps, access: CandidateAccess): Promise<void> {
  await confirmInterest(deps.db.tenant(access.orgId), access.orgId, access.applicationId, deps.clock.now());
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
