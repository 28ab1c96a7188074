import { recordAudit } from './audit.service.ts';
import type { Queryable } from '../db/db.ts';
import {
  dueTimeOf,
  endOfLocalDay,
  instantOf,
  localDateOf,
  type DateOrInstant,
} from '../domain/business-time.ts';
import { nextLadderAction, type NextAction } from '../domain/follow-up-ladder.ts';
import {
  isKept,
  isOverdue,
  refuseClose,
  followUpState,
  type CloseRefusal,
  type FollowUpState,
  type FollowUpKind,
  type FollowUpStatus,
  type Party,
} from '../domain/follow-up.ts';
import type { FollowUp, Member, Touchpoint } from '../domain/model.ts';
import { dueWords } from '../domain/due-words.ts';
import { nextStepOf, type NextStep } from '../domain/next-step.ts';
import { listActiveMembersByRole, listMembersByIds } from '../repositories/member.repository.ts';
import { cancelPendingMessages } from '../repositories/message.repository.ts';
import { calendarOf, DEFAULT_POLICY, effectivePolicy, type Policy } from '../domain/policy.ts';
import { errors } from '../errors.ts';
import {
  cancelFollowUps,
  findFollowUp,
  insertFollowUp,
  listFollowUps,
  lockOpenFollowUpsOfApplication,
  markFollowUpsDone,
  resumeAfterReply,
  lockOpenFollowUpsOfApplications,
  setFollowUpOwner,
  setSupersededBy,
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
import { scheduleNextStayInTouch } from './talent-pool.service.ts';
import { emitEvents, type EventToEmit } from './webhook.service.ts';
import { decodeCursor, toPage, type Page } from './pagination.ts';
import { requireActiveMember, requireApplicationRef } from './references.ts';

// Follow-ups our side owes have an owner on the team.
const OUR_SIDE: ReadonlySet<Party> = new Set(['team', 'recruiter']);

/**
 * A follow-up as shown to people: its record plus derived overdue/kept, where it stands, and
 * what Hearback will do next on its own (and why).
 */
export interface FollowUpView extends FollowUpWithContext {
  overdue: boolean;
  kept: boolean;
  state: FollowUpState;
  nextAction: NextAction | null;
  /** Who owns it, by name. */
  owner: { id: string; name: string } | null;
  /** The zone the candidate's times are shown in: theirs if known, else the organization's. */
  candidateTimeZone: string;
  /** How far the due time is, in words, by the server's clock ("due in 2 hours"); null unless open. */
  dueWords: string | null;
  /** The next automatic step, to whom by name, and when; null when nothing more is automatic. */
  nextStep: NextStep | null;
}

/** The members a page of follow-ups mentions (owners, hiring managers, recruiters) and the active admins. */
export interface FollowUpPeople {
  members: Map<string, Member>;
  admins: Member[];
}

/** Load the people {@link viewFollowUp} names, in two statements for a whole page. */
export async function loadFollowUpPeople(
  q: Queryable,
  orgId: string,
  followUps: FollowUpWithContext[],
): Promise<FollowUpPeople> {
  const ids = new Set<string>();
  for (const f of followUps) {
    for (const id of [f.ownerId, f.job.hiringManagerId, f.job.recruiterId]) if (id) ids.add(id);
  }
  const members = await listMembersByIds(q, orgId, [...ids]);
  const admins = followUps.length > 0 ? await listActiveMembersByRole(q, orgId, 'admin') : [];
  return { members: new Map(members.map((m) => [m.id, m])), admins };
}

/** Add the derived fields; `orgPolicy` with the job's overrides is the policy the ladder follows. */
export function viewFollowUp(
  fu: FollowUpWithContext,
  now: Date,
  orgPolicy: Policy,
  people: FollowUpPeople,
): FollowUpView {
  const zone = orgPolicy.timeZone;
  const todayEnd = endOfLocalDay(localDateOf(now, zone), zone);
  const onLadder = fu.status === 'open' && fu.kind === 'outcome' && fu.owedTo === 'candidate';
  const ladderPolicy = effectivePolicy(orgPolicy, fu.job.policyOverrides);
  const person = (id: string | null) => {
    const m = id ? people.members.get(id) : undefined;
    return m ? { id: m.id, name: m.name, active: m.active } : null;
  };
  const owner = person(fu.ownerId);
  return {
    ...fu,
    overdue: isOverdue(fu, now),
    kept: isKept(fu),
    state: followUpState(fu, now, todayEnd),
    nextAction: onLadder ? nextLadderAction(fu, ladderPolicy, now) : null,
    owner: owner && { id: owner.id, name: owner.name },
    candidateTimeZone: fu.candidate.timeZone ?? zone,
    dueWords: fu.status === 'open' ? dueWords(fu.dueAt, now) : null,
    // Outcomes follow the job's ladder; the owned ladders the organization's calendar, as their sweeps do.
    nextStep: nextStepOf(
      fu,
      onLadder ? ladderPolicy : orgPolicy,
      {
        owner,
        hiringManager: person(fu.job.hiringManagerId),
        recruiter: person(fu.job.recruiterId),
        admins: people.admins.map((a) => ({ id: a.id, name: a.name, active: a.active })),
        candidateName: fu.candidate.name,
      },
      now,
      fu.candidate.timeZone,
    ),
  };
}

/** The organization's policy ("due today" means its today; the ladder follows it). */
async function policyOf(q: Queryable, orgId: string): Promise<Policy> {
  return (await findOrganization(q, orgId))?.policy ?? DEFAULT_POLICY;
}

/**
 * Open the application's outcome follow-up. There is at most one open at a time: an earlier open
 * one is cancelled as superseded and points at its successor, so the history of promises stays.
 */
export async function openOutcomeFollowUp(
  tx: Queryable,
  orgId: string,
  input: {
    applicationId: string;
    interviewId: string | null;
    ownerId: string;
    dueAt: Date;
    now: Date;
    /** An automatic update renews the promise but keeps the ladder's state: the team is still late. */
    carry?: Pick<FollowUp, 'breachedAt' | 'escalationLevel' | 'updatesSent' | 'remindedAt'> | undefined;
    /** Why the previous promise ends: a new promise ('superseded') or an automatic update ('extended'). */
    reason?: 'superseded' | 'extended' | undefined;
  },
): Promise<{ followUp: FollowUp; superseded: FollowUp[] }> {
  const open = await lockOpenFollowUpsOfApplication(tx, orgId, input.applicationId);
  const previous = open.filter((f) => f.kind === 'outcome').map((f) => f.id);
  const superseded = await cancelFollowUps(tx, orgId, previous, input.reason ?? 'superseded', input.now);
  const followUp = await insertFollowUp(tx, {
    ...input.carry,
    orgId,
    applicationId: input.applicationId,
    interviewId: input.interviewId,
    kind: 'outcome',
    owedBy: 'team',
    owedTo: 'candidate',
    ownerId: input.ownerId,
    dueAt: input.dueAt,
    createdAt: input.now,
  });
  await setSupersededBy(tx, orgId, previous, followUp.id);
  return { followUp, superseded: superseded.map((s) => ({ ...s, supersededById: followUp.id })) };
}

/**
 * Close every open follow-up of the touchpoint's application that it fulfils (or only `onlyId`),
 * and cancel messages still waiting to deliver what was just delivered another way — a connected
 * call makes the scheduled outcome email redundant.
 */
export async function closeFollowUpsByTouchpoint(
  tx: Queryable,
  orgId: string,
  touchpoint: Touchpoint,
  now: Date,
  onlyId?: string,
  /** Keep the messages still waiting to go (a call's written note follows it), else cancel them. */
  keepPendingMessages = false,
): Promise<{ closed: FollowUp[]; notClosed: { followUpId: string; reason: CloseRefusal } | null }> {
  const open = await lockOpenFollowUpsOfApplication(tx, orgId, touchpoint.applicationId);
  if (onlyId && !open.some((f) => f.id === onlyId)) {
    // Either not on this application, or no longer open: one answer, so nothing leaks.
    throw errors.invalidState('followUpId does not name an open follow-up of this application.', {
      field: 'followUpId',
    });
  }
  const considered = onlyId ? open.filter((f) => f.id === onlyId) : open;
  const refusal = onlyId ? refuseClose(considered[0]!, touchpoint) : null;
  const closed = await closeFulfilled(tx, orgId, considered, [touchpoint], now, keepPendingMessages);
  return { closed, notClosed: refusal === null ? null : { followUpId: onlyId!, reason: refusal } };
}

/**
 * {@link closeFollowUpsByTouchpoint} for many touchpoints of one organization at once (the
 * dispatcher records a batch of delivered emails): a fixed number of statements for the batch.
 */
export async function closeFollowUpsByTouchpoints(
  tx: Queryable,
  orgId: string,
  touchpoints: Touchpoint[],
  now: Date,
): Promise<FollowUp[]> {
  const open = await lockOpenFollowUpsOfApplications(tx, orgId, [
    ...new Set(touchpoints.map((t) => t.applicationId)),
  ]);
  return closeFulfilled(tx, orgId, open, touchpoints, now);
}

/** Close each open follow-up by the first of the touchpoints (of its application) that fulfils it. */
async function closeFulfilled(
  tx: Queryable,
  orgId: string,
  open: FollowUp[],
  touchpoints: Touchpoint[],
  now: Date,
  keepPendingMessages = false,
): Promise<FollowUp[]> {
  const done = open.flatMap((fu) => {
    const tp = touchpoints.find((t) => t.applicationId === fu.applicationId && refuseClose(fu, t) === null);
    return tp ? [{ id: fu.id, doneAt: tp.occurredAt, touchpointId: tp.id }] : [];
  });
  const closed = await markFollowUpsDone(tx, orgId, done, now);
  if (closed.length === 0) return closed;
  // After an outcome call the written note still goes (issue #13); otherwise what was queued for
  // these follow-ups is moot.
  if (!keepPendingMessages) {
    await cancelPendingMessages(
      tx,
      orgId,
      { followUpIds: closed.map((f) => f.id) },
      'delivered_otherwise',
      now,
    );
  }
  // Either way a closed follow-up sets off what closing it means (events, resumed updates).
  await afterClosing(tx, orgId, closed, now);
  return closed;
}

/**
 * What closing some follow-ups sets off: an answered reply lets automatic updates run again
 * (and the sweep looks at the promise at once); a delivered outcome and received client
 * feedback are events for webhooks; a talent-pool contact schedules the next one.
 */
async function afterClosing(tx: Queryable, orgId: string, closed: FollowUp[], now: Date): Promise<void> {
  const answered = closed.filter((f) => f.kind === 'reply').map((f) => f.applicationId);
  if (answered.length > 0) await resumeAfterReply(tx, orgId, answered, now);
  const events: EventToEmit[] = [];
  for (const f of closed) {
    if (f.kind === 'outcome') {
      events.push({
        type: 'outcome.delivered',
        applicationId: f.applicationId,
        data: {
          followUp: {
            id: f.id,
            dueAt: f.dueAt.toISOString(),
            doneAt: f.doneAt?.toISOString() ?? now.toISOString(),
            kept: isKept(f),
          },
        },
        memberIds: f.ownerId ? [f.ownerId] : [],
      });
    } else if (f.kind === 'client_feedback') {
      events.push({
        type: 'client_feedback.received',
        applicationId: f.applicationId,
        data: { followUp: { id: f.id, dueAt: f.dueAt.toISOString() } },
        memberIds: f.ownerId ? [f.ownerId] : [],
      });
    }
  }
  await emitEvents(tx, orgId, events, now);
  const keptInTouch = closed.filter((f) => f.kind === 'stay_in_touch');
  if (keptInTouch.length > 0) await scheduleNextStayInTouch(tx, orgId, keptInTouch, now);
}

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
    const rows = await listFollowUps(
      tx,
      orgId,
      {
        status: query.status,
        ownerId: query.ownerId,
        kind: query.kind,
        applicationId: query.applicationId,
        overdue: query.overdue === undefined ? undefined : { value: query.overdue, now },
        dueBefore: query.dueBefore && instantOf(query.dueBefore, policy.timeZone),
        hiringManagerId: query.hiringManagerId,
        escalatedTo: query.escalatedTo,
      },
      { after: decodeCursor(query.cursor), limit: query.limit + 1 },
    );
    const page = toPage(rows, query.limit, (f) => f.dueAt);
    const people = await loadFollowUpPeople(tx, orgId, page.items);
    return {
      items: page.items.map((f) => viewFollowUp(f, now, policy, people)),
      nextCursor: page.nextCursor,
    };
  });
}

/** One follow-up. */
export async function getFollowUp(deps: ServiceDeps, orgId: string, id: string): Promise<FollowUpView> {
  return deps.db.tenant(orgId).transaction(async (tx) => {
    const fu = await findFollowUp(tx, orgId, id);
    if (!fu) throw errors.notFound('Follow-up', id);
    return viewFollowUp(
      fu,
      deps.clock.now(),
      await policyOf(tx, orgId),
      await loadFollowUpPeople(tx, orgId, [fu]),
    );
  });
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
