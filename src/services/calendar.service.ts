import { randomBytes } from 'node:crypto';
import type { Queryable } from '../db/db.ts';
import { buildFeedIcs, interviewUid } from '../domain/calendar.ts';
import { instantOf, type DateOrInstant } from '../domain/business-time.ts';
import type { Interview } from '../domain/model.ts';
import { errors } from '../errors.ts';
import {
  findLiveCalendarFeed,
  insertCalendarFeed,
  revokeCalendarFeedRow,
} from '../repositories/calendar-feed.repository.ts';
import { listFollowUps } from '../repositories/follow-up.repository.ts';
import {
  cancelInterviewRow,
  findInterview,
  listInterviewsOfMember,
  rescheduleInterviewRow,
} from '../repositories/interview.repository.ts';
import { findMember, listMembersByIds } from '../repositories/member.repository.ts';
import { findOrganization } from '../repositories/organization.repository.ts';
import { hashToken } from './secret-tokens.ts';
import type { ServiceDeps } from './deps.ts';
import { linkBase, type MessagingDeps } from './message-templates.ts';
import { invitationsDue, queueInvitations } from './interview-invitations.ts';
import { requireActiveMember } from './references.ts';

const DAY = 86_400_000;

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
