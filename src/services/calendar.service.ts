import { randomBytes } from 'node:crypto';
import { DateTime } from 'luxon';
import type { Queryable } from '../db/db.ts';
import { buildFeedIcs, buildInvitationIcs, interviewUid, type CalendarPerson } from '../domain/calendar.ts';
import { instantOf, type DateOrInstant } from '../domain/business-time.ts';
import type { Interview, Member } from '../domain/model.ts';
import { effectivePolicy } from '../domain/policy.ts';
import { renderTemplate, textToHtml, type TemplateKey } from '../domain/templates.ts';
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
import { hashToken } from './auth.service.ts';
import type { ServiceDeps } from './deps.ts';
import { createStatusLink } from './candidate-page.service.ts';
import { linkBase, loadTemplate, type MessagingDeps } from './message.service.ts';
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
  const uid = interviewUid(interview.id, deps.identity.domain);
  const title = `${interview.title}: ${job.title} — ${org.name}`;
  const verb = method === 'CANCEL' ? 'Cancelled' : interview.icsSequence > 0 ? 'Updated' : 'Invitation';
  const drafts: MessageDraft[] = [];
  const invitation = (zone: string, description: string, m: 'REQUEST' | 'CANCEL') =>
    buildInvitationIcs({
      uid,
      sequence: interview.icsSequence,
      method: m,
      title,
      description,
      location: interview.location,
      start: interview.scheduledAt!,
      end: interview.endsAt!,
      timeZone: zone,
      organizer,
      attendees,
      stamp: now,
    });
  const draft = (
    to: { id: string | null; email: string; name: string; zone: string; audience: 'candidate' | 'member' },
    m: 'REQUEST' | 'CANCEL',
    text: string,
    subject = `${m === 'CANCEL' ? 'Cancelled' : verb}: ${title}`,
  ): MessageDraft => {
    return {
      orgId,
      applicationId: application.id,
      followUpId: null,
      decisionId: null,
      kind: 'invitation',
      audience: to.audience,
      toMemberId: to.audience === 'member' ? to.id : null,
      toAddress: to.email,
      toName: to.name,
      replyTo: organizer.email,
      subject,
      bodyText: text,
      bodyHtml: textToHtml(text, { title: subject }),
      automatic: true,
      status: 'scheduled',
      sendAt: now,
      checkKind: null,
      findings: [],
      createdBy: null,
      calendar: { method: m, ics: invitation(to.zone, text, m) },
    };
  };
  if (candidate.email && !candidate.emailBouncedAt && application.status !== 'withdrawn') {
    const zone = candidate.timeZone ?? policy.timeZone;
    const link = await createStatusLink(tx, linkBase(deps), orgId, application.id, now);
    const key: TemplateKey =
      method === 'CANCEL'
        ? 'calendar_cancel'
        : interview.icsSequence > 0
          ? 'calendar_update'
          : 'calendar_invitation';
    const rendered = renderTemplate(await loadTemplate(tx, orgId, key), {
      organization: { name: org.name },
      candidate: { name: candidate.name, first_name: candidate.name.split(/\s+/)[0] },
      job: { title: job.title },
      owner: { name: organizer.name, email: organizer.email },
      interview: { title: interview.title },
      when: whenIn(interview, zone),
      location: interview.location,
      status_link: link,
    });
    drafts.push(
      draft(
        { id: null, email: candidate.email, name: candidate.name, zone, audience: 'candidate' },
        method,
        rendered.text,
        rendered.subject,
      ),
    );
  }
  const memberText = (m: 'REQUEST' | 'CANCEL', zone: string) =>
    m === 'CANCEL'
      ? `${interview.title} with ${candidate.name} (${job.title}) on ${whenIn(interview, zone)} is cancelled for you.`
      : `${interview.title} with ${candidate.name} (${job.title}): ${whenIn(interview, zone)}.${interview.location ? `\nWhere: ${interview.location}` : ''}\n\nAfter it, close it with the promise you made: ${linkBase(deps)}/#/applications/${application.id}`;
  for (const m of interviewers.filter((i) => i.active)) {
    const zone = m.timeZone ?? policy.timeZone;
    drafts.push(
      draft(
        { id: m.id, email: m.email, name: m.name, zone, audience: 'member' },
        method,
        memberText(method, zone),
      ),
    );
  }
  for (const m of cancelFor.filter((i) => i.active)) {
    const zone = m.timeZone ?? policy.timeZone;
    drafts.push(
      draft(
        { id: m.id, email: m.email, name: m.name, zone, audience: 'member' },
        'CANCEL',
        memberText('CANCEL', zone),
      ),
    );
  }
  await enqueueMessages(tx, deps.identity, drafts, now);
  await markInvitationsSent(tx, orgId, interview.id);
  return drafts.length;
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
