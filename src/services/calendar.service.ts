import { randomBytes } from 'node:crypto';
import { DateTime } from 'luxon';
import type { Queryable } from '../db/db.ts';
import { buildFeedIcs, buildInvitationIcs, interviewUid, type CalendarPerson } from '../domain/calendar.ts';
import { instantOf, type DateOrInstant } from '../domain/business-time.ts';
import { candidateTemplateContext } from '../domain/candidate-context.ts';
import type { Application, Candidate, Interview, Job, Member, Organization } from '../domain/model.ts';
import { effectivePolicy, type Policy } from '../domain/policy.ts';
import { renderTemplate, type TemplateKey } from '../domain/template-engine.ts';
import { errors } from '../errors.ts';
import { findApplication } from '../repositories/application.repository.ts';
import {
  findLiveCalendarFeed,
  insertCalendarFeed,
  revokeCalendarFeedRow,
} from '../repositories/calendar-feed.repository.ts';
import { findCandidate } from '../repositories/candidate.repository.ts';
import { listFollowUps } from '../repositories/follow-up.repository.ts';
import {
  cancelInterviewRow,
  findInterview,
  listInterviewsOfMember,
  markInvitationsSent,
  rescheduleInterviewRow,
} from '../repositories/interview.repository.ts';
import { findJob } from '../repositories/job.repository.ts';
import { findMember, listMembersByIds } from '../repositories/member.repository.ts';
import { findOrganization } from '../repositories/organization.repository.ts';
import { hashToken } from './secret-tokens.ts';
import type { ServiceDeps } from './deps.ts';
import { createStatusLink } from './candidate-links.ts';
import { linkBase, loadTemplate, type MessagingDeps } from './message-templates.ts';
import { buildMessage, type Recipient } from './message-builder.ts';
import { enqueueMessages, type MessageDraft } from './outbox.service.ts';
import { requireActiveMember } from './references.ts';

const DAY = 86_400_000;

/** How an interview's time reads for one person, in their zone. */
function whenIn(interview: Pick<Interview, 'scheduledAt' | 'endsAt'>, zone: string): string {
  const start = DateTime.fromJSDate(interview.scheduledAt!, { zone });
  const end = DateTime.fromJSDate(interview.endsAt!, { zone });
  return `${start.toFormat('cccc d LLLL yyyy, HH:mm')}–${end.toFormat('HH:mm')} (${zone})`;
}

/**
 * Queue the invitations of an interview — to the candidate and every interviewer, each with the
 * times in their own zone — inside the caller's transaction. `method` CANCEL removes the event;
 * `cancelFor` are former interviewers who get a cancellation while the others get the update.
 */
export async function queueInvitations(
  tx: Queryable,
  deps: MessagingDeps,
  orgId: string,
  interview: Interview,
  method: 'REQUEST' | 'CANCEL',
  now: Date,
  cancelFor: Member[] = [],
): Promise<number> {
  if (!interview.scheduledAt || !interview.endsAt) return 0;
  const inv = await loadInvitation(tx, deps, orgId, interview, method, now);
  const drafts: MessageDraft[] = [];
  const toCandidate = await candidateInvitation(tx, inv, method);
  if (toCandidate) drafts.push(toCandidate);
  for (const m of inv.interviewers.filter((i) => i.active)) drafts.push(memberInvitation(inv, m, method));
  for (const m of cancelFor.filter((i) => i.active)) drafts.push(memberInvitation(inv, m, 'CANCEL'));
  await enqueueMessages(tx, deps.identity, drafts, now);
  await markInvitationsSent(tx, orgId, interview.id);
  return drafts.length;
}

/** What every invitation of one interview shares: who is in it, the organizer, its title. */
interface InvitationFacts {
  deps: MessagingDeps;
  orgId: string;
  now: Date;
  interview: Interview;
  application: Application;
  candidate: Candidate;
  job: Job;
  org: Organization;
  policy: Policy;
  interviewers: Member[];
  organizer: CalendarPerson;
  attendees: CalendarPerson[];
  uid: string;
  title: string;
  /** The subject's first word: Invitation, Updated or Cancelled. */
  verb: string;
}

async function loadInvitation(
  tx: Queryable,
  deps: MessagingDeps,
  orgId: string,
  interview: Interview,
  method: 'REQUEST' | 'CANCEL',
  now: Date,
): Promise<InvitationFacts> {
  const application = (await findApplication(tx, orgId, interview.applicationId))!;
  const candidate = (await findCandidate(tx, orgId, application.candidateId))!;
  const job = (await findJob(tx, orgId, application.jobId))!;
  const org = (await findOrganization(tx, orgId))!;
  const policy = effectivePolicy(org.policy, job.policyOverrides);
  const interviewers = await listMembersByIds(tx, orgId, interview.interviewerIds);
  const organizerMember = job.recruiterId ? await findMember(tx, orgId, job.recruiterId) : null;
  const organizer: CalendarPerson = organizerMember
    ? { name: organizerMember.name, email: organizerMember.email }
    : { name: deps.identity.from.name || org.name, email: deps.identity.from.address };
  const attendees: CalendarPerson[] = [
    ...(candidate.email ? [{ name: candidate.name, email: candidate.email }] : []),
    ...interviewers.map((m) => ({ name: m.name, email: m.email })),
  ];
  return {
    deps,
    orgId,
    now,
    interview,
    application,
    candidate,
    job,
    org,
    policy,
    interviewers,
    organizer,
    attendees,
    uid: interviewUid(interview.id, deps.identity.domain),
    title: `${interview.title}: ${job.title} — ${org.name}`,
    verb: method === 'CANCEL' ? 'Cancelled' : interview.icsSequence > 0 ? 'Updated' : 'Invitation',
  };
}

/** One person's invitation (or cancellation), with the event in their zone attached. */
function invitationDraft(
  inv: InvitationFacts,
  to: Recipient & { zone: string },
  m: 'REQUEST' | 'CANCEL',
  text: string,
  subject = `${m === 'CANCEL' ? 'Cancelled' : inv.verb}: ${inv.title}`,
): MessageDraft {
  const { interview } = inv;
  const ics = buildInvitationIcs({
    uid: inv.uid,
    sequence: interview.icsSequence,
    method: m,
    title: inv.title,
    description: text,
    location: interview.location,
    start: interview.scheduledAt!,
    end: interview.endsAt!,
    timeZone: to.zone,
    organizer: inv.organizer,
    attendees: inv.attendees,
    stamp: inv.now,
  });
  return buildMessage({
    orgId: inv.orgId,
    applicationId: inv.application.id,
    kind: 'invitation',
    to,
    replyTo: inv.organizer.email,
    content: { subject, text },
    send: { at: inv.now },
    automatic: true,
    createdBy: null,
    calendar: { method: m, ics },
  });
}

/** The candidate's invitation from the organization's template, when they can be written to. */
async function candidateInvitation(
  tx: Queryable,
  inv: InvitationFacts,
  method: 'REQUEST' | 'CANCEL',
): Promise<MessageDraft | null> {
  const { candidate, application, interview, organizer } = inv;
  if (!candidate.email || candidate.emailBouncedAt || application.status === 'withdrawn') return null;
  const zone = candidate.timeZone ?? inv.policy.timeZone;
  const link = await createStatusLink(tx, linkBase(inv.deps), inv.orgId, application.id, inv.now);
  const key: TemplateKey =
    method === 'CANCEL'
      ? 'calendar_cancel'
      : interview.icsSequence > 0
        ? 'calendar_update'
        : 'calendar_invitation';
  const rendered = renderTemplate(await loadTemplate(tx, inv.orgId, key), {
    ...candidateTemplateContext({
      organizationName: inv.org.name,
      candidateName: candidate.name,
      jobTitle: inv.job.title,
      owner: organizer,
      statusLink: link,
    }),
    interview: { title: interview.title },
    when: whenIn(interview, zone),
    location: interview.location,
  });
  const to = { audience: 'candidate' as const, name: candidate.name, email: candidate.email, zone };
  return invitationDraft(inv, to, method, rendered.text, rendered.subject);
}

/** An interviewer's invitation (or cancellation), the times in their zone. */
function memberInvitation(inv: InvitationFacts, m: Member, method: 'REQUEST' | 'CANCEL'): MessageDraft {
  const { interview, candidate, job, application } = inv;
  const zone = m.timeZone ?? inv.policy.timeZone;
  const text =
    method === 'CANCEL'
      ? `${interview.title} with ${candidate.name} (${job.title}) on ${whenIn(interview, zone)} is cancelled for you.`
      : `${interview.title} with ${candidate.name} (${job.title}): ${whenIn(interview, zone)}.${interview.location ? `\nWhere: ${interview.location}` : ''}\n\nAfter it, close it with the promise you made: ${linkBase(inv.deps)}/#/applications/${application.id}`;
  return invitationDraft(
    inv,
    { audience: 'member', id: m.id, name: m.name, email: m.email, zone },
    method,
    text,
  );
}

/** Whether scheduling this interview should invite people: a future time and the policy on. */
export async function invitationsDue(
  tx: Queryable,
  orgId: string,
  interview: Interview,
  now: Date,
): Promise<boolean> {
  if (!interview.scheduledAt || !interview.endsAt || interview.scheduledAt.getTime() <= now.getTime())
    return false;
  const application = (await findApplication(tx, orgId, interview.applicationId))!;
  const job = (await findJob(tx, orgId, application.jobId))!;
  return effectivePolicy((await findOrganization(tx, orgId))!.policy, job.policyOverrides)
    .calendarInvitations;
}

/** What moving an interview may change. */
export interface InterviewChange {
  title?: string | undefined;
  /** A plain date means the start of that day in the organization's time zone. */
  scheduledAt?: DateOrInstant | undefined;
  endsAt?: DateOrInstant | undefined;
  location?: string | undefined;
  interviewerIds?: string[] | undefined;
}

/** The organization's time zone, read only when a plain date needs it. */
async function zoneFor(q: Queryable, orgId: string, values: (DateOrInstant | undefined)[]): Promise<string> {
  if (values.every((v) => v === undefined || v instanceof Date)) return 'UTC';
  return (await findOrganization(q, orgId))!.policy.timeZone;
}

/**
 * Change an interview's time, place or people. Invitations already sent are updated (same UID,
 * higher SEQUENCE); an interviewer taken off gets a cancellation; a first time set in the future
 * sends the invitations. Its end time is what a promise made at its close is counted from.
 */
export async function rescheduleInterview(
  deps: MessagingDeps,
  orgId: string,
  id: string,
  change: InterviewChange,
): Promise<Interview> {
  const now = deps.clock.now();
  return deps.db.tenant(orgId).transaction(async (tx) => {
    const current = await findInterview(tx, orgId, id, { forUpdate: true });
    if (!current) throw errors.notFound('Interview', id);
    if (current.cancelledAt) throw errors.invalidState('The interview was cancelled.');
    if (current.closedAt) throw errors.invalidState('The interview is closed; its promise is on record.');
    const zone = await zoneFor(tx, orgId, [change.scheduledAt, change.endsAt]);
    const scheduledAt = change.scheduledAt ? instantOf(change.scheduledAt, zone) : current.scheduledAt;
    const endsAt = change.endsAt ? instantOf(change.endsAt, zone) : current.endsAt;
    if (scheduledAt && endsAt && endsAt.getTime() < scheduledAt.getTime()) {
      throw errors.validation('endsAt must not be before scheduledAt.', { field: 'endsAt' });
    }
    const interviewerIds = change.interviewerIds
      ? [...new Set(change.interviewerIds)]
      : current.interviewerIds;
    for (const m of interviewerIds) await requireActiveMember(tx, orgId, m, 'interviewerIds');
    const removed = current.interviewerIds.filter((m) => !interviewerIds.includes(m));
    const updated = await rescheduleInterviewRow(
      tx,
      orgId,
      id,
      {
        title: change.title ?? current.title,
        scheduledAt,
        endsAt,
        location: change.location ?? current.location,
        interviewerIds,
      },
      now,
    );
    if (current.invitationsSent || (await invitationsDue(tx, orgId, updated, now))) {
      const formerly = current.invitationsSent ? await listMembersByIds(tx, orgId, removed) : [];
      await queueInvitations(tx, deps, orgId, updated, 'REQUEST', now, formerly);
    }
    return (await findInterview(tx, orgId, id))!;
  });
}

/** Cancel an interview: everyone invited gets a cancellation of the same event. */
export async function cancelInterview(deps: MessagingDeps, orgId: string, id: string): Promise<Interview> {
  const now = deps.clock.now();
  return deps.db.tenant(orgId).transaction(async (tx) => {
    const current = await findInterview(tx, orgId, id, { forUpdate: true });
    if (!current) throw errors.notFound('Interview', id);
    if (current.cancelledAt) throw errors.invalidState('The interview is already cancelled.');
    if (current.closedAt) throw errors.invalidState('The interview took place; it is closed.');
    const cancelled = await cancelInterviewRow(tx, orgId, id, now);
    if (current.invitationsSent) await queueInvitations(tx, deps, orgId, cancelled, 'CANCEL', now);
    return cancelled;
  });
}

/** Create (or replace) a member's private calendar feed; the URL is shown once. */
export async function createCalendarFeed(
  deps: ServiceDeps & { publicUrl?: string | undefined },
  orgId: string,
  memberId: string,
): Promise<{ url: string }> {
  const token = randomBytes(32).toString('base64url');
  const now = deps.clock.now();
  await deps.db.tenant(orgId).transaction(async (tx) => {
    await requireActiveMember(tx, orgId, memberId, 'memberId');
    await revokeCalendarFeedRow(tx, orgId, memberId, now);
    await insertCalendarFeed(tx, orgId, memberId, hashToken(token), now);
  });
  return { url: `${linkBase(deps)}/calendar/${token}.ics` };
}

/** Revoke a member's calendar feed: its URL stops working at once. */
export async function revokeCalendarFeed(deps: ServiceDeps, orgId: string, memberId: string): Promise<void> {
  await deps.db
    .tenant(orgId)
    .transaction((tx) => revokeCalendarFeedRow(tx, orgId, memberId, deps.clock.now()));
}

/**
 * The feed behind a token: the member's interviews (30 days back, a year ahead) and the open
 * follow-ups they own, in their zone. Null for an unknown or revoked token (the route answers
 * 404 for both).
 */
export async function renderCalendarFeed(
  deps: ServiceDeps & { publicUrl?: string | undefined; identity: { domain: string } },
  token: string,
): Promise<string | null> {
  if (!/^[A-Za-z0-9_-]{43}$/.test(token)) return null;
  const feed = await deps.db.system().transaction((tx) => findLiveCalendarFeed(tx, hashToken(token)));
  if (!feed) return null;
  const now = deps.clock.now();
  const orgId = feed.orgId;
  return deps.db.tenant(orgId).transaction(async (tx) => {
    const member = await findMember(tx, orgId, feed.memberId);
    if (!member?.active) return null;
    const org = (await findOrganization(tx, orgId))!;
    const zone = member.timeZone ?? org.policy.timeZone;
    const interviews = await listInterviewsOfMember(
      tx,
      orgId,
      member.id,
      new Date(now.getTime() - 30 * DAY),
      new Date(now.getTime() + 365 * DAY),
    );
    const owed = await listFollowUps(
      tx,
      orgId,
      { status: 'open', ownerId: member.id },
      { after: null, limit: 500 },
    );
    const base = linkBase(deps);
    return buildFeedIcs({
      name: `Hearback — ${member.name}`,
      timeZone: zone,
      stamp: now,
      entries: [
        ...interviews
          .filter((i) => i.scheduledAt && i.endsAt)
          .map((i) => ({
            type: 'interview' as const,
            uid: interviewUid(i.id, deps.identity.domain),
            sequence: i.icsSequence,
            title: `${i.title}: ${i.candidateName} (${i.jobTitle})`,
            start: i.scheduledAt!,
            end: i.endsAt!,
            location: i.location,
            cancelled: i.cancelledAt !== null,
            url: `${base}/#/applications/${i.applicationId}`,
          })),
        ...owed.map((f) => ({
          type: 'follow_up' as const,
          uid: `follow-up-${f.id}@${deps.identity.domain}`,
          title: `Due: ${f.kind.replace(/_/g, ' ')} for ${f.candidate.name} (${f.job.title})`,
          due: f.dueAt,
          url: `${base}/#/applications/${f.applicationId}`,
        })),
      ],
    });
  });
}
