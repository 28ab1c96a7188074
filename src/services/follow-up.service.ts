import { recordAudit } from './audit.service.ts';
import type { Queryable } from '../db/db.ts';
import type { Member } from '../domain/model.ts';
import { dueTimeOf, instantOf, type DateOrInstant } from '../domain/business-time.ts';
import type { FollowUpKind, FollowUpStatus, Party } from '../domain/follow-up.ts';
import { calendarOf } from '../domain/policy.ts';
import { errors } from '../errors.ts';
import {
  cancelFollowUps,
  findFollowUp,
  insertFollowUp,
  listFollowUps,
  setFollowUpOwner,
  type FollowUpWithContext,
} from '../repositories/follow-up.repository.ts';
import { findOrganization } from '../repositories/organization.repository.ts';
import { insertEvent } from '../repositories/event.repository.ts';
import { roleAllows } from '../domain/permissions.ts';
import { humanDateTime } from '../domain/format.ts';
import { findMember } from '../repositories/member.repository.ts';
import { buildMessage, inBusinessHours, memberRecipient } from './message-builder.ts';
import { enqueueMessages, type MailIdentity } from './outbox.service.ts';
import type { Actor, ServiceDeps } from './deps.ts';
import { openOutcomeFollowUp } from './follow-up-ledger.ts';
import {
  loadFollowUpPeople,
  policyOf,
  readFollowUpView,
  viewFollowUp,
  type FollowUpView,
} from './follow-up-view.ts';
import { fetchPage, type Page } from './pagination.ts';
import { requireActiveMember, requireApplicationRef } from './references.ts';

// Follow-ups our side owes have an owner on the team.
const OUR_SIDE: ReadonlySet<Party> = new Set(['team', 'recruiter']);

/** Query for listing follow-ups. */
export interface FollowUpQuery {
  status?: FollowUpStatus | undefined;
  ownerId?: string | undefined;
  kind?: FollowUpKind | undefined;
  applicationId?: string | undefined;
  overdue?: boolean | undefined;
  /** Due strictly before; a plain date is the start of that day in the organization's zone. */
  dueBefore?: DateOrInstant | undefined;
  /** Only those on jobs this member is the hiring manager of. */
  hiringManagerId?: string | undefined;
  /** Only those escalated to this member (and not handed on since). */
  escalatedTo?: string | undefined;
  cursor?: string | undefined;
  limit: number;
}

/** Follow-ups by due time, filtered, a page at a time. */
export async function listFollowUpsPage(
  deps: ServiceDeps,
  orgId: string,
  query: FollowUpQuery,
): Promise<Page<FollowUpView>> {
  const now = deps.clock.now();
  // One transaction for the page and the organization's "today" (each is a round trip more).
  return deps.db.tenant(orgId).transaction(async (tx) => {
    const policy = await policyOf(tx, orgId);
    const filter = {
      status: query.status,
      ownerId: query.ownerId,
      kind: query.kind,
      applicationId: query.applicationId,
      overdue: query.overdue === undefined ? undefined : { value: query.overdue, now },
      dueBefore: query.dueBefore && instantOf(query.dueBefore, policy.timeZone),
      hiringManagerId: query.hiringManagerId,
      escalatedTo: query.escalatedTo,
    };
    const page = await fetchPage(
      query,
      (p) => listFollowUps(tx, orgId, filter, p),
      (f) => f.dueAt,
    );
    const people = await loadFollowUpPeople(tx, orgId, page.items);
    return {
      items: page.items.map((f) => viewFollowUp(f, now, policy, people)),
      nextCursor: page.nextCursor,
    };
  });
}

/** One follow-up. */
export async function getFollowUp(deps: ServiceDeps, orgId: string, id: string): Promise<FollowUpView> {
  return deps.db.tenant(orgId).transaction((tx) => readFollowUpView(tx, orgId, id, deps.clock.now()));
}

/** Fields of a follow-up opened by hand (a debrief, a callback promised on the phone …). */
export interface FollowUpInput {
  applicationId: string;
  kind: FollowUpKind;
  owedBy: Party;
  owedTo: Party;
  /** Default: the actor, when the team or a recruiter owes it. */
  ownerId?: string | undefined;
  /** An instant, or a plain date meaning the close of that business day in the organization's calendar. */
  dueAt: DateOrInstant;
}

/**
 * Open a follow-up by hand. An outcome one supersedes the open outcome promise. When our side
 * owes it and nobody is named, `actor` owns it.
 */
export async function createFollowUp(
  deps: ServiceDeps,
  orgId: string,
  input: FollowUpInput,
  actor: Actor,
): Promise<FollowUpView> {
  const now = deps.clock.now();
  if (input.owedBy === input.owedTo) throw errors.validation('owedBy and owedTo must differ.');
  // There is one open outcome promise per application, and it is the team's to the candidate.
  if (input.kind === 'outcome' && (input.owedBy !== 'team' || input.owedTo !== 'candidate')) {
    throw errors.validation('An outcome follow-up is owed by the team to the candidate.', { field: 'kind' });
  }
  const ownerId = input.ownerId ?? (OUR_SIDE.has(input.owedBy) ? actor.memberId : undefined);
  const id = await deps.db.tenant(orgId).transaction(async (tx) => {
    const application = await requireApplicationRef(tx, orgId, input.applicationId, 'applicationId', {
      forUpdate: true,
    });
    if (application.status === 'withdrawn') {
      throw errors.invalidState('The candidate has withdrawn; nothing more is owed on this application.');
    }
    if (ownerId) await requireActiveMember(tx, orgId, ownerId, 'ownerId');
    const dueAt =
      input.dueAt instanceof Date
        ? input.dueAt
        : dueTimeOf(input.dueAt, calendarOf((await findOrganization(tx, orgId))!.policy));
    if (dueAt.getTime() <= now.getTime()) {
      throw errors.validation('The due time must be in the future.', { field: 'dueAt' });
    }
    if (input.kind === 'outcome') {
      const { followUp } = await openOutcomeFollowUp(tx, orgId, {
        applicationId: application.id,
        interviewId: null,
        ownerId: ownerId!,
        dueAt,
        now,
      });
      return followUp.id;
    }
    const followUp = await insertFollowUp(tx, {
      orgId,
      applicationId: application.id,
      interviewId: null,
      kind: input.kind,
      owedBy: input.owedBy,
      owedTo: input.owedTo,
      ownerId: ownerId ?? null,
      dueAt,
      createdAt: now,
    });
    return followUp.id;
  });
  return getFollowUp(deps, orgId, id);
}

/** Cancel an open follow-up, with a reason. */
export async function cancelFollowUp(
  deps: ServiceDeps,
  orgId: string,
  id: string,
  reason: string,
): Promise<FollowUpView> {
  await deps.db.tenant(orgId).transaction(async (tx) => {
    const fu = await findFollowUp(tx, orgId, id);
    if (!fu) throw errors.notFound('Follow-up', id);
    const [cancelled] = await cancelFollowUps(tx, orgId, [id], reason, deps.clock.now());
    if (!cancelled)
      throw errors.invalidState(`The follow-up is ${fu.status}, not open.`, { currentStatus: fu.status });
    // Who called off a promise, and why, is on record (the acting member comes from the request).
    await recordAudit(
      tx,
      orgId,
      deps.clock.now(),
      'follow_up_cancelled',
      { type: 'follow_up', id },
      { reason },
    );
  });
  return getFollowUp(deps, orgId, id);
}

// What the new owner is handed, in words for their notice.
const HANDED_WORDS: Partial<Record<FollowUpKind, string>> = {
  outcome: 'the outcome owed to',
  update: 'the update owed to',
  decision_due: 'the decision on',
  backfill: 'the backfill after',
  debrief: 'the debrief with',
  check_in: 'the answer to the check-in of',
  feedback_due: 'the feedback owed to',
};

/**
 * Hand an open follow-up the team owes to another active member, who owns it from now on: its
 * reminders go to them, and they are told at once (in the team's business hours), with a link to
 * it — a promise handed on in silence would wait on someone who does not know. The ladder keeps its
 * place (a promise handed on is no less late). A scorecard is not handed on: it is the
 * interviewer's own judgement, and only they can give it.
 */
export async function reassignFollowUp(
  deps: ServiceDeps & { identity: MailIdentity; publicUrl?: string | undefined },
  orgId: string,
  id: string,
  input: { ownerId: string; reason?: string | undefined },
  actor: Actor,
): Promise<FollowUpView> {
  const now = deps.clock.now();
  await deps.db.tenant(orgId).transaction(async (tx) => {
    const fu = await findReassignableFollowUp(tx, orgId, id);
    const member = await requireNewOwner(tx, orgId, input.ownerId);
    if (member.id === fu.ownerId) return;
    const moved = await setFollowUpOwner(tx, orgId, id, member.id, now);
    if (!moved) throw errors.invalidState('The follow-up is no longer open.');
    const change = { fromOwnerId: fu.ownerId, toOwnerId: member.id, reason: input.reason ?? null };
    await insertEvent(tx, {
      orgId,
      type: 'follow_up_reassigned',
      applicationId: fu.applicationId,
      followUpId: fu.id,
      memberId: actor.memberId,
      data: change,
      at: now,
    });
    await recordAudit(tx, orgId, now, 'follow_up_reassigned', { type: 'follow_up', id }, change);
    await tellNewOwner(tx, deps, orgId, fu, member, input.reason, actor, now);
  });
  return getFollowUp(deps, orgId, id);
}

/** The open follow-up the team owes, or the refusal: missing, closed, owed by another party, a scorecard. */
async function findReassignableFollowUp(
  tx: Queryable,
  orgId: string,
  id: string,
): Promise<FollowUpWithContext> {
  const fu = await findFollowUp(tx, orgId, id);
  if (!fu) throw errors.notFound('Follow-up', id);
  if (fu.status !== 'open') {
    throw errors.invalidState(`The follow-up is ${fu.status}, not open.`, { currentStatus: fu.status });
  }
  if (!OUR_SIDE.has(fu.owedBy)) {
    throw errors.invalidState(`It is owed by the ${fu.owedBy}: nobody on the team owns it.`, {
      reason: 'not_ours',
    });
  }
  if (fu.kind === 'feedback_due' && fu.owedTo === 'team') {
    throw errors.invalidState("A scorecard is its interviewer's own: only they can give it.", {
      reason: 'scorecard',
    });
  }
  return fu;
}

/** The active member who is to own the follow-up, or the refusal of one who cannot. */
async function requireNewOwner(tx: Queryable, orgId: string, ownerId: string): Promise<Member> {
  const member = await requireActiveMember(tx, orgId, ownerId, 'ownerId');
  // The new owner must be able to do what the follow-up asks (decide, send, log a call).
  if (!roleAllows(member.role, 'follow_ups:write')) {
    throw errors.validation(`${member.name} is an interviewer and cannot own this follow-up.`, {
      field: 'ownerId',
    });
  }
  return member;
}

/** Queue the new owner's notice of what they were handed, in the team's business hours. */
async function tellNewOwner(
  tx: Queryable,
  deps: { identity: MailIdentity; publicUrl?: string | undefined },
  orgId: string,
  fu: FollowUpWithContext,
  member: Member,
  reason: string | undefined,
  actor: Actor,
  now: Date,
): Promise<void> {
  const policy = await policyOf(tx, orgId);
  const by = await findMember(tx, orgId, actor.memberId);
  const zone = member.timeZone ?? policy.timeZone;
  const subject = `Handed to you: ${fu.candidate.name}, ${fu.job.title}`;
  const text = [
    `${member.name},`,
    '',
    `${by?.name ?? 'A colleague'} handed you ${HANDED_WORDS[fu.kind] ?? 'a follow-up on'} ${fu.candidate.name} ` +
      `(${fu.job.title}), due ${humanDateTime(fu.dueAt, zone)}.`,
    ...(reason ? [`Why: ${reason}`] : []),
    '',
    `Open it: ${deps.publicUrl ?? 'http://localhost:3000'}/#/applications/${fu.applicationId}`,
  ].join('\n');
  await enqueueMessages(
    tx,
    deps.identity,
    [
      buildMessage({
        orgId,
        applicationId: fu.applicationId,
        // A reminder of what they now own; no message kind of its own.
        kind: 'reminder',
        to: memberRecipient(member),
        replyTo: null,
        content: { subject, text },
        send: inBusinessHours(now, calendarOf(policy), 'team_business_hours'),
        automatic: true,
        createdBy: actor.memberId,
      }),
    ],
    now,
  );
}
