import type { Queryable } from '../db/db.ts';
import { followUpLink } from '../domain/app-links.ts';
import { endOfLocalDay, isBusinessDay, localTimeOf, type BusinessCalendar } from '../domain/business-time.ts';
import { candidateTemplateContext } from '../domain/candidate-context.ts';
import { planLadder, type LadderAction, type LadderPlan } from '../domain/follow-up-ladder.ts';
import { promisedTimeOf } from '../domain/follow-up.ts';
import { humanDate, humanDateTime } from '../domain/format.ts';
import type { FollowUp, Member, MessageKind, Organization } from '../domain/model.ts';
import { calendarOf, effectivePolicy, PolicySchema, type Policy } from '../domain/policy.ts';
import {
  renderTemplate,
  type RenderedEmail,
  type TemplateKey,
  type TemplateSource,
} from '../domain/template-engine.ts';
import { claimDigest } from '../repositories/dev-mailbox.repository.ts';
import { insertEvent, insertEvents, type NewEvent } from '../repositories/event.repository.ts';
import {
  cancelFollowUps,
  claimDueFollowUps,
  insertFollowUps,
  listFollowUps,
  loadLadderContexts,
  setSupersededByEach,
  updateFollowUpLadder,
  updateFollowUpLadders,
  type LadderContext,
  type LadderUpdate,
  type NewFollowUp,
} from '../repositories/follow-up.repository.ts';
import {
  listActiveMembersByRole,
  listActiveMembersWithPolicy,
  listMembersByIds,
} from '../repositories/member.repository.ts';
import { findOrganization } from '../repositories/organization.repository.ts';
import { groupByOrg } from './batches.ts';
import { statusLinkPlaceholder } from './candidate-links.ts';
import { linkBase, loadTemplate, type MessagingDeps } from './message-templates.ts';
import { buildMessage, inBusinessHours, memberRecipient } from './message-builder.ts';
import { enqueueMessage, enqueueMessages, type MessageDraft } from './outbox.service.ts';
import { emitEvents, type EventToEmit } from './webhook.service.ts';

/** What one sweep pass did. */
export interface SweepResult {
  examined: number;
  reminders: number;
  updates: number;
  escalations: number;
  errors: number;
}

type StepCounts = Pick<SweepResult, 'reminders' | 'updates' | 'escalations'>;

// A follow-up whose step failed (say, a broken custom template) is looked at again this much later.
const RETRY_AFTER_ERROR_MS = 15 * 60_000;

/**
 * Walk the ladder for every open outcome follow-up whose next step is due (principle 2): remind
 * the owner before the due time; when it passes, send the candidate an honest update with a new
 * date and escalate. Messages are written in the same transaction as the ladder state that caused
 * them.
 *
 * A claim is one organization's batch, handled in that organization's tenant scope with a fixed
 * number of statements whatever its size (BENCHMARKS.md, finding F1). If the batch fails, it is
 * rolled back and run again one follow-up at a time, each in its own savepoint, so one bad
 * follow-up (a broken custom template, say) is recorded as an error and delays no other.
 */
export async function sweepFollowUps(
  deps: MessagingDeps & { appUrl: string },
  options: { batchSize: number; onlyOrgId?: string | null },
): Promise<SweepResult> {
  const now = deps.clock.now();
  const result: SweepResult = { examined: 0, reminders: 0, updates: 0, escalations: 0, errors: 0 };
  const add = (c: StepCounts) => {
    result.reminders += c.reminders;
    result.updates += c.updates;
    result.escalations += c.escalations;
  };
  // Claim as the system role (the rows stay locked for this transaction), then handle the batch
  // as its organization's application role.
  await deps.db.system().transaction(async (tx) => {
    const due = await claimDueFollowUps(tx, now, options.batchSize, options.onlyOrgId ?? null);
    result.examined = due.length;
    for (const [orgId, batch] of groupByOrg(due)) {
      await tx.enterTenant(orgId);
      await tx.exec('SAVEPOINT sweep_batch');
      try {
        add(await stepFollowUps(tx, deps, orgId, batch, now));
        await tx.exec('RELEASE SAVEPOINT sweep_batch');
        continue;
      } catch {
        await tx.exec('ROLLBACK TO SAVEPOINT sweep_batch');
      }
      for (const fu of batch) {
        await tx.exec('SAVEPOINT sweep_item');
        try {
          add(await stepFollowUps(tx, deps, orgId, [fu], now));
          await tx.exec('RELEASE SAVEPOINT sweep_item');
        } catch (error) {
          await tx.exec('ROLLBACK TO SAVEPOINT sweep_item');
          result.errors += 1;
          await recordStepError(tx, fu, error, now);
        }
      }
    }
  });
  return result;
}

async function recordStepError(tx: Queryable, fu: FollowUp, error: unknown, now: Date): Promise<void> {
  await updateFollowUpLadder(
    tx,
    fu.orgId,
    fu.id,
    { ...fu, nextActionAt: new Date(now.getTime() + RETRY_AFTER_ERROR_MS) },
    now,
  );
  await insertEvent(tx, {
    orgId: fu.orgId,
    type: 'sweep_error',
    applicationId: fu.applicationId,
    followUpId: fu.id,
    data: { error: error instanceof Error ? error.message.slice(0, 500) : String(error) },
    at: now,
  });
}

/** An honest update decided for one follow-up, written after the batch is planned. */
interface Renewal {
  old: FollowUp;
  followUp: NewFollowUp;
  message: MessageDraft;
  event: NewEvent;
}

/** What a batch step reads once: the organization, each follow-up's context, the members it names. */
interface BatchReads {
  tx: Queryable;
  deps: MessagingDeps & { appUrl: string };
  orgId: string;
  org: Organization;
  now: Date;
  contexts: Map<string, LadderContext>;
  members: Map<string, Member>;
  /** A template of the organization, read at most once per batch and only when a step needs it. */
  template: (key: TemplateKey) => Promise<TemplateSource>;
  /** The active admins, read at most once per batch (escalations to an unfilled role). */
  admins: () => Promise<Member[]>;
  /** The effective policy of a job, computed once per job. */
  policyOf: (jobId: string, overrides: Record<string, unknown>) => Policy;
}

/** What a batch step writes, gathered while each follow-up is planned. */
interface BatchWrites {
  counts: StepCounts;
  messages: MessageDraft[];
  events: NewEvent[];
  ladders: LadderUpdate[];
  renewals: Renewal[];
  hooks: EventToEmit[];
}

/** One follow-up being stepped: its context, policy and plan. */
interface FollowUpStep {
  fu: FollowUp;
  ctx: LadderContext;
  policy: Policy;
  cal: BusinessCalendar;
  plan: LadderPlan;
  owner: Member | null;
  event: (type: string, data: Record<string, unknown>, memberId?: string | null) => NewEvent;
}

/**
 * One step of the ladder for a batch of one organization's follow-ups, in named stages: load their
 * context in a few statements, plan and render each in memory, then write everything in one
 * statement per table. Throws if anything fails; the caller then isolates the follow-up at fault.
 */
async function stepFollowUps(
  tx: Queryable,
  deps: MessagingDeps & { appUrl: string },
  orgId: string,
  batch: FollowUp[],
  now: Date,
): Promise<StepCounts> {
  const reads = await loadBatch(tx, deps, orgId, batch, now);
  const writes: BatchWrites = {
    counts: { reminders: 0, updates: 0, escalations: 0 },
    messages: [],
    events: [],
    ladders: [],
    renewals: [],
    hooks: [],
  };
  for (const fu of batch) await planFollowUpStep(reads, fu, writes);
  await writeBatch(tx, deps, orgId, writes, now);
  return writes.counts;
}

/** Load stage: the organization, each follow-up's context and the members they name. */
async function loadBatch(
  tx: Queryable,
  deps: MessagingDeps & { appUrl: string },
  orgId: string,
  batch: FollowUp[],
  now: Date,
): Promise<BatchReads> {
  const org = (await findOrganization(tx, orgId))!;
  const contexts = await loadLadderContexts(
    tx,
    orgId,
    batch.map((f) => f.id),
  );
  const memberIds = new Set<string>();
  for (const fu of batch) {
    if (fu.ownerId) memberIds.add(fu.ownerId);
    const job = contexts.get(fu.id)?.job;
    if (job?.hiringManagerId) memberIds.add(job.hiringManagerId);
    if (job?.recruiterId) memberIds.add(job.recruiterId);
  }
  const members = new Map((await listMembersByIds(tx, orgId, [...memberIds])).map((m) => [m.id, m]));
  const templates = new Map<TemplateKey, Promise<TemplateSource>>();
  let admins: Promise<Member[]> | null = null;
  const policies = new Map<string, Policy>();
  return {
    tx,
    deps,
    orgId,
    org,
    now,
    contexts,
    members,
    template: (key) => {
      if (!templates.has(key)) templates.set(key, loadTemplate(tx, orgId, key));
      return templates.get(key)!;
    },
    admins: () => (admins ??= listActiveMembersByRole(tx, orgId, 'admin')),
    policyOf: (jobId, overrides) => {
      let policy = policies.get(jobId);
      if (!policy) {
        policy = effectivePolicy(org.policy, overrides);
        policies.set(jobId, policy);
      }
      return policy;
    },
  };
}

/** Plan stage for one follow-up: its ladder's actions, rendered into `writes`. */
async function planFollowUpStep(b: BatchReads, fu: FollowUp, writes: BatchWrites): Promise<void> {
  const { orgId, now } = b;
  const ctx = b.contexts.get(fu.id);
  if (!ctx) throw new Error(`follow-up ${fu.id} has no application context`);
  const policy = b.policyOf(ctx.application.jobId, ctx.job.policyOverrides);
  // The candidate's promise (not a sooner due time a decision set for the team) is what breaks,
  // what they are reminded of in an update, and what escalations count from.
  const plan = planLadder(fu, policy, now);
  // A first breach, or a renewed promise (an automatic update's date) broken in turn.
  if (plan.breachedAt && plan.breachedAt.getTime() !== fu.breachedAt?.getTime()) {
    writes.hooks.push({
      type: 'promise.broken',
      applicationId: fu.applicationId,
      data: {
        followUp: { id: fu.id, dueAt: promisedTimeOf(fu).toISOString(), ownerId: fu.ownerId },
        dueText: humanDateTime(promisedTimeOf(fu), policy.timeZone),
      },
      memberIds: fu.ownerId ? [fu.ownerId] : [],
    });
  }
  const step: FollowUpStep = {
    fu,
    ctx,
    policy,
    cal: calendarOf(policy),
    plan,
    owner: fu.ownerId ? (b.members.get(fu.ownerId) ?? null) : null,
    event: (type, data, memberId = null) => ({
      orgId,
      type,
      applicationId: fu.applicationId,
      followUpId: fu.id,
      memberId,
      data,
      at: now,
    }),
  };
  let remindedAt = fu.remindedAt;
  let newDueAt: Date | null = null;
  for (const action of plan.actions) {
    switch (action.type) {
      case 'remind_owner':
        remindedAt = now;
        await remindOwner(b, step, writes);
        break;
      case 'send_update':
        newDueAt = updateDueOrSkip(step, action.newDueAt, writes) ?? newDueAt;
        break;
      case 'escalate':
        await escalateFollowUp(b, step, action, writes);
        break;
    }
  }
  if (newDueAt && ctx.candidate.email) {
    writes.renewals.push(await renderRenewal(b, step, ctx.candidate.email, newDueAt));
    writes.counts.updates += 1;
    return;
  }
  writes.ladders.push({
    id: fu.id,
    nextActionAt: plan.nextActionAt,
    breachedAt: plan.breachedAt,
    remindedAt,
    escalationLevel: plan.escalationLevel,
  });
}

/** A member hears about a follow-up in the team's business hours. */
function teamMail(b: BatchReads, s: FollowUpStep, kind: MessageKind, to: Member, r: RenderedEmail) {
  return buildMessage({
    orgId: b.orgId,
    applicationId: s.fu.applicationId,
    kind,
    to: memberRecipient(to),
    replyTo: null,
    content: r,
    // The team hears about it in its business hours.
    send: inBusinessHours(b.now, s.cal, 'team_business_hours'),
    automatic: true,
    createdBy: null,
  });
}

/** Render stage of a reminder: the owner (when active) hears before the due time. */
async function remindOwner(b: BatchReads, s: FollowUpStep, writes: BatchWrites): Promise<void> {
  const { fu, owner, ctx, policy } = s;
  if (!owner?.active) return;
  const r = renderTemplate(await b.template('reminder'), {
    organization: { name: b.org.name },
    member: { name: owner.name },
    candidate: { name: ctx.candidate.name },
    job: { title: ctx.job.title },
    due: humanDateTime(fu.dueAt, owner.timeZone ?? policy.timeZone),
    promise: ctx.promiseStatement ?? '',
    action_url: followUpLink(b.deps.appUrl, fu),
  });
  writes.messages.push(teamMail(b, s, 'reminder', owner, r));
  writes.events.push(s.event('reminder_sent', { dueAt: fu.dueAt.toISOString() }, owner.id));
  writes.hooks.push({
    type: 'promise.due_soon',
    applicationId: fu.applicationId,
    data: {
      followUp: { id: fu.id, dueAt: fu.dueAt.toISOString() },
      dueText: humanDateTime(fu.dueAt, owner.timeZone ?? policy.timeZone),
    },
    memberIds: [owner.id],
  });
  writes.counts.reminders += 1;
}

/** The new due time of an honest update, or null (and why, as an event) when none may go now. */
function updateDueOrSkip(s: FollowUpStep, newDueAt: Date, writes: BatchWrites): Date | null {
  const { candidate, application } = s.ctx;
  if (!candidate.email || application.status === 'withdrawn' || candidate.emailBounced) {
    const reason = !candidate.email ? 'no_email' : candidate.emailBounced ? 'email_bounced' : 'withdrawn';
    writes.events.push(s.event('update_skipped', { reason }));
    return null;
  }
  if (application.awaitingReplySince) {
    // The candidate wrote and waits for a person: a robot's "still deciding" would talk
    // over them. The update is considered again once the reply is answered (the reply
    // follow-up closing sets next_action_at to now); the owner is still escalated to.
    writes.events.push(s.event('update_paused', { reason: 'awaiting_reply' }));
    return null;
  }
  return newDueAt;
}

/** Render stage of an escalation: the named role (else the admins) hears the promise broke. */
async function escalateFollowUp(
  b: BatchReads,
  s: FollowUpStep,
  action: Extract<LadderAction, { type: 'escalate' }>,
  writes: BatchWrites,
): Promise<void> {
  const { fu, ctx, policy, owner } = s;
  const named =
    action.to === 'hiring_manager'
      ? ctx.job.hiringManagerId
      : action.to === 'recruiter'
        ? ctx.job.recruiterId
        : null;
  const namedMember = named ? b.members.get(named) : undefined;
  // Admins when the named role is unfilled or gone.
  const recipients = namedMember?.active ? [namedMember] : await b.admins();
  const daysOverdue = Math.max(0, Math.floor((b.now.getTime() - promisedTimeOf(fu).getTime()) / 86_400_000));
  for (const member of recipients) {
    const r = renderTemplate(await b.template('escalation'), {
      organization: { name: b.org.name },
      member: { name: member.name },
      owner: { name: owner?.name ?? 'nobody' },
      candidate: { name: ctx.candidate.name },
      job: { title: ctx.job.title },
      due: humanDateTime(promisedTimeOf(fu), member.timeZone ?? policy.timeZone),
      days_overdue: daysOverdue,
      level: action.level,
      action_url: followUpLink(b.deps.appUrl, fu),
    });
    writes.messages.push(teamMail(b, s, 'escalation', member, r));
  }
  writes.events.push(
    s.event('escalated', { level: action.level, to: action.to, recipients: recipients.map((m) => m.id) }),
  );
  writes.hooks.push({
    type: 'promise.escalated',
    applicationId: fu.applicationId,
    data: {
      followUp: { id: fu.id, dueAt: promisedTimeOf(fu).toISOString(), ownerId: fu.ownerId },
      level: action.level,
      to: action.to,
      dueText: humanDateTime(promisedTimeOf(fu), policy.timeZone),
    },
    memberIds: [...recipients.map((m) => m.id), ...(fu.ownerId ? [fu.ownerId] : [])],
  });
  writes.counts.escalations += 1;
}

/**
 * Render stage of an honest update: a new promise. The old one ends as 'extended', the ladder
 * state carries. Its own ladder is planned here, so it is not swept a second time just for that.
 */
async function renderRenewal(
  b: BatchReads,
  s: FollowUpStep,
  email: string,
  newDueAt: Date,
): Promise<Renewal> {
  const { fu, ctx, policy, plan, owner, cal } = s;
  const { now, orgId } = b;
  const zone = ctx.candidate.timeZone ?? policy.timeZone;
  const carried = {
    dueAt: newDueAt,
    createdAt: now,
    remindedAt: null,
    breachedAt: plan.breachedAt,
    escalationLevel: plan.escalationLevel,
    updatesSent: fu.updatesSent + 1,
  };
  const next = planLadder(carried, policy, now);
  const r = renderTemplate(await b.template('update'), {
    ...candidateTemplateContext({
      organizationName: b.org.name,
      candidateName: ctx.candidate.name,
      jobTitle: ctx.job.title,
      owner,
      statusLink: statusLinkPlaceholder(linkBase({ publicUrl: b.deps.publicUrl ?? b.deps.appUrl })),
    }),
    promised_date: humanDate(promisedTimeOf(fu), zone),
    new_date: humanDate(newDueAt, zone),
    late: promisedTimeOf(fu).getTime() < now.getTime(),
  });
  return {
    old: fu,
    followUp: {
      ...carried,
      orgId,
      applicationId: fu.applicationId,
      interviewId: fu.interviewId,
      kind: 'outcome',
      owedBy: 'team',
      owedTo: 'candidate',
      ownerId: fu.ownerId,
      // Anything still due at once (nothing, by the ladder's rules) is swept again now.
      nextActionAt: next.actions.length > 0 ? now : next.nextActionAt,
    },
    message: buildMessage({
      orgId,
      applicationId: fu.applicationId,
      kind: 'update',
      to: { audience: 'candidate', name: ctx.candidate.name, email },
      replyTo: owner?.email ?? null,
      content: r,
      send: inBusinessHours(now, { ...cal, timeZone: zone }, 'candidate_business_hours'),
      automatic: true,
      checkKind: 'update',
      createdBy: null,
    }),
    event: s.event('update_sent', {
      promisedDue: promisedTimeOf(fu).toISOString(),
      newDue: newDueAt.toISOString(),
    }),
  };
}

/**
 * Write stage: a fixed number of statements for the whole batch. The old promises end before the
 * new ones open (one open outcome per application).
 */
async function writeBatch(
  tx: Queryable,
  deps: MessagingDeps,
  orgId: string,
  w: BatchWrites,
  now: Date,
): Promise<void> {
  if (w.renewals.length > 0) {
    await cancelFollowUps(
      tx,
      orgId,
      w.renewals.map((r) => r.old.id),
      'extended',
      now,
    );
    const renewed = await insertFollowUps(
      tx,
      w.renewals.map((r) => r.followUp),
    );
    await setSupersededByEach(
      tx,
      orgId,
      w.renewals.map((r, i) => ({ id: r.old.id, by: renewed[i]!.id })),
    );
    w.renewals.forEach((r, i) => {
      w.messages.push(r.message);
      w.events.push({ ...r.event, data: { ...r.event.data, renewedFollowUpId: renewed[i]!.id } });
    });
  }
  await enqueueMessages(tx, deps.identity, w.messages, now);
  await insertEvents(tx, w.events);
  await updateFollowUpLadders(tx, orgId, w.ladders, now);
  await emitEvents(tx, orgId, w.hooks, now);
}

/**
 * Send each member their daily digest — overdue and due-today follow-ups — once per local
 * business day, at the policy's digest time in their zone. Members with nothing owed get nothing.
 */
export async function sendDigests(
  deps: MessagingDeps & { appUrl: string },
  options: { onlyOrgId?: string | null } = {},
): Promise<number> {
  const now = deps.clock.now();
  let sent = 0;
  for (let after: string | null = null; ;) {
    const members = await listActiveMembersWithPolicy(
      deps.db.system(),
      after,
      500,
      options.onlyOrgId ?? null,
    );
    for (const member of members) {
      const policy: Policy = PolicySchema.parse(member.policy);
      if (!policy.digestTime) continue;
      const cal = { ...calendarOf(policy), timeZone: member.timeZone ?? policy.timeZone };
      const { date: today, minute } = localTimeOf(now, cal.timeZone);
      const [h, m] = policy.digestTime.split(':').map(Number) as [number, number];
      if (minute < h * 60 + m || !isBusinessDay(today, cal)) continue;
      sent += await deps.db.tenant(member.orgId).transaction(async (tx) => {
        if (!(await claimDigest(tx, member.orgId, member.id, today, now))) return 0;
        const endOfToday = endOfLocalDay(today, cal.timeZone);
        const owed = await listFollowUps(
          tx,
          member.orgId,
          { status: 'open', ownerId: member.id, dueBefore: endOfToday },
          { after: null, limit: 200 },
        );
        if (owed.length === 0) return 0;
        const line = (f: (typeof owed)[number]) => ({
          candidate: f.candidate.name,
          job: f.job.title,
          due: humanDateTime(f.dueAt, cal.timeZone),
          url: followUpLink(deps.appUrl, f),
        });
        const org = (await findOrganization(tx, member.orgId))!;
        const r = renderTemplate(await loadTemplate(tx, member.orgId, 'digest'), {
          organization: { name: org.name },
          member: { name: member.name },
          overdue: owed.filter((f) => f.dueAt.getTime() < now.getTime()).map(line),
          due_today: owed.filter((f) => f.dueAt.getTime() >= now.getTime()).map(line),
          app_url: deps.appUrl,
        });
        await enqueueMessage(
          tx,
          deps.identity,
          buildMessage({
            orgId: member.orgId,
            applicationId: null,
            kind: 'digest',
            to: memberRecipient(member),
            replyTo: null,
            content: r,
            send: { at: now },
            automatic: true,
            createdBy: null,
          }),
          now,
        );
        return 1;
      });
    }
    if (members.length < 500) break;
    after = members.at(-1)!.id;
  }
  return sent;
}
