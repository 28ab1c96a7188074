/**
 * An interview's calendar invitations: to the candidate and every interviewer, each in their own
 * zone, updated or cancelled as the interview moves. A lower module: the interview service
 * (scheduling) and the calendar service (moving, cancelling) queue them without calling each
 * other.
 */
import { DateTime } from 'luxon';
import type { Queryable } from '../db/db.ts';
import { buildInvitationIcs, interviewUid, type CalendarPerson } from '../domain/calendar.ts';
import { candidateTemplateContext } from '../domain/candidate-context.ts';
import type { Application, Candidate, Interview, Job, Member, Organization } from '../domain/model.ts';
import { effectivePolicy, type Policy } from '../domain/policy.ts';
import { renderTemplate, type TemplateKey } from '../domain/template-engine.ts';
import { findApplication } from '../repositories/application.repository.ts';
import { findCandidate } from '../repositories/candidate.repository.ts';
import { markInvitationsSent } from '../repositories/interview.repository.ts';
import { findJob } from '../repositories/job.repository.ts';
import { findMember, listMembersByIds } from '../repositories/member.repository.ts';
import { findOrganization } from '../repositories/organization.repository.ts';
import { createStatusLink } from './candidate-links.ts';
import { linkBase, loadTemplate, type MessagingDeps } from './message-templates.ts';
import { buildMessage, type Recipient } from './message-builder.ts';
import { enqueueMessages, type MessageDraft } from './outbox.service.ts';

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
