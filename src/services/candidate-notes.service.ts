/**
 * What a candidate sends the team from their page: a thank-you note, a check-in, a request for
 * feedback. Each is a touchpoint on the timeline and, where an answer is owed, a follow-up with an
 * owner who is told by email.
 */
import type { Queryable } from '../db/db.ts';
import { endOfBusinessDaysAfter } from '../domain/business-time.ts';
import { checkCandidateNote, type NoteFinding } from '../domain/candidate-etiquette.ts';
import { humanDate } from '../domain/format.ts';
import type { Touchpoint } from '../domain/model.ts';
import { calendarOf } from '../domain/policy.ts';
import { AppError, errors } from '../errors.ts';
import type { CandidateAccess } from '../repositories/candidate-page.repository.ts';
import { insertFollowUp, listFollowUpsOfApplication } from '../repositories/follow-up.repository.ts';
import { findMember, listActiveMembersByRole } from '../repositories/member.repository.ts';
import { insertTouchpoint } from '../repositories/touchpoint.repository.ts';
import { closeFollowUpsByTouchpoint } from './follow-up-ledger.ts';
import { enqueueMemberNotice } from './outbox.service.ts';
import { loadPageContext, type CandidatePageContext, type CandidatePageDeps } from './candidate-access.ts';
import { getStatusView } from './candidate-page.service.ts';

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
  l: CandidatePageContext,
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
  l: CandidatePageContext,
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

/** A note the candidate sent from their page, on the application's timeline as an inbound touchpoint. */
function insertPortalNote(
  tx: Queryable,
  access: CandidateAccess,
  kind: 'thank_you' | 'check_in' | 'feedback_due',
  summary: string,
  now: Date,
): Promise<Touchpoint> {
  return insertTouchpoint(tx, {
    orgId: access.orgId,
    applicationId: access.applicationId,
    direction: 'inbound',
    channel: 'portal',
    kind,
    fromParty: 'candidate',
    toParty: 'team',
    connected: true,
    memberId: null,
    occurredAt: now,
    summary,
    createdAt: now,
  });
}

/** Send a thank-you note to the interviewers: a touchpoint and a signal, never a gate. */
export async function sendThankYou(
  deps: CandidatePageDeps,
  access: CandidateAccess,
  text: string,
): Promise<void> {
  const now = deps.clock.now();
  await deps.db.tenant(access.orgId).transaction(async (tx) => {
    const l = await loadPageContext(tx, access);
    const check = checkCandidateNote(text, l.policy.thankYouWordLimit);
    if (check.findings.length > 0) refuse(check.findings);
    const touchpoint = await insertPortalNote(tx, access, 'thank_you', text, now);
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
    const l = await loadPageContext(tx, access);
    const check = checkCandidateNote(text, l.policy.thankYouWordLimit, 'check_in');
    if (check.findings.length > 0) refuse(check.findings);
    await insertPortalNote(tx, access, 'check_in', text, now);
    const agency = l.application.agencyRecruiter;
    if (agency) await checkInThroughAgency(tx, deps, l, agency, text, now);
    else await checkInWithTeam(tx, deps, l, text, now);
  });
}

/** Through an agency, the recruiter answers: the check-in goes to them, and they owe the reply. */
async function checkInThroughAgency(
  tx: Queryable,
  deps: CandidatePageDeps,
  l: CandidatePageContext,
  agency: { email: string; name: string },
  text: string,
  now: Date,
): Promise<void> {
  const { orgId, id: applicationId } = l.application;
  await insertFollowUp(tx, {
    orgId,
    applicationId,
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
      orgId,
      applicationId,
      member: { id: null, email: agency.email, name: agency.name },
      kind: 'candidate_note',
      subject: `${l.candidate.name} checked in (${l.job.title})`,
      text: `${text}\n\nYour candidate checked in on the ${l.job.title} role at ${l.orgName}. Please answer them by the end of the next business day.`,
    },
    now,
  );
}

/** Directly, the open outcome's owner (or whoever answers) owes the reply by the next business day. */
async function checkInWithTeam(
  tx: Queryable,
  deps: CandidatePageDeps,
  l: CandidatePageContext,
  text: string,
  now: Date,
): Promise<void> {
  const { orgId, id: applicationId } = l.application;
  const open = (await listFollowUpsOfApplication(tx, orgId, applicationId)).find(
    (f) => f.kind === 'outcome' && f.status === 'open',
  );
  const owner = await answeringMember(tx, l, open?.ownerId ?? null);
  await insertFollowUp(tx, {
    orgId,
    applicationId,
    interviewId: null,
    kind: 'check_in',
    owedBy: 'team',
    owedTo: 'candidate',
    ownerId: owner.id,
    dueAt: endOfBusinessDaysAfter(now, 1, calendarOf(l.policy)),
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
}

/** After a rejection, ask for feedback: the team owes an answer within three business days. */
export async function requestFeedback(deps: CandidatePageDeps, access: CandidateAccess): Promise<void> {
  const now = deps.clock.now();
  await deps.db.tenant(access.orgId).transaction(async (tx) => {
    const l = await loadPageContext(tx, access);
    if (l.application.status !== 'rejected')
      throw errors.invalidState('Feedback can be asked for after a decision.');
    // Asking twice (a second tab, a double click) is one request: the team already owes the answer.
    const asked = (await listFollowUpsOfApplication(tx, access.orgId, access.applicationId)).some(
      (f) => f.kind === 'feedback_due' && f.owedTo === 'candidate' && f.status === 'open',
    );
    if (asked) return;
    const owner = await answeringMember(tx, l, null);
    // On the application's timeline as what the candidate did, beside the follow-up it opens.
    await insertPortalNote(tx, access, 'feedback_due', 'Asked for feedback on their interviews.', now);
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
