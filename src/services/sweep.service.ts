import type { Queryable } from '../db/db.ts';
import { followUpLink } from '../domain/app-links.ts';
import { endOfLocalDay, isBusinessDay, localTimeOf, nextBusinessSlot } from '../domain/business-time.ts';
import { planLadder } from '../domain/follow-up-ladder.ts';
import { promisedTimeOf } from '../domain/follow-up.ts';
import { scheduleSend } from '../domain/schedule.ts';
import { humanDate, humanDateTime } from '../domain/format.ts';
import type { FollowUp, Member } from '../domain/model.ts';
import { calendarOf, effectivePolicy, PolicySchema, type Policy } from '../domain/policy.ts';
import { renderTemplate, type TemplateKey, type TemplateSource } from '../domain/templates.ts';
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
import { statusLinkPlaceholder } from './candidate-page.service.ts';
import { linkBase, loadTemplate, type MessagingDeps } from './message.service.ts';
import { draftSchedule, enqueueMessage, enqueueMessages, type MessageDraft } from './outbox.service.ts';
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

/**
 * One step of the ladder for a batch of one organization's follow-ups: read their context in a
 * few statements, plan and render each in memory, then write everything in one statement per
 * table. Throws if anything fails; the caller then isolates the follow-up at fault.
 */
async function stepFollowUps(
  tx: Queryable,
  deps: MessagingDeps & { appUrl: string },
  orgId: string,
  batch: FollowUp[],
  now: Date,
): Promise<StepCounts> {
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
  // Read at most once per batch, and only when a step needs them.
  const templates = new Map<TemplateKey, Promise<TemplateSource>>();
  const template = (key: TemplateKey) => {
    if (!templates.has(key)) templates.set(key, loadTemplate(tx, orgId, key));
    return templates.get(key)!;
  };
  let admins: Promise<Member[]> | null = null;
  const policies = new Map<string, Policy>();

  const counts: StepCounts = { reminders: 0, updates: 0, escalations: 0 };
  const messages: MessageDraft[] = [];
  const events: NewEvent[] = [];
  const ladders: LadderUpdate[] = [];
  const renewals: Renewal[] = [];
  const hooks: EventToEmit[] = [];

  for (const fu of batch) {
    const ctx = contexts.get(fu.id);
    if (!ctx) throw new Error(`follow-up ${fu.id} has no application context`);
    const { application, job, candidate } = ctx;
    let policy = policies.get(application.jobId);
    if (!policy) {
      policy = effectivePolicy(org.policy, job.policyOverrides);
      policies.set(application.jobId, policy);
    }
    const cal = calendarOf(policy);
    // The candidate's promise (not a sooner due time a decision set for the team) is what breaks,
    // what they are reminded of in an update, and what escalations count from.
    const plan = planLadder(fu, policy, now);
    // A first breach, or a renewed promise (an automatic update's date) broken in turn.
    if (plan.breachedAt && plan.breachedAt.getTime() !== fu.breachedAt?.getTime()) {
      hooks.push({
        type: 'promise.broken',
        applicationId: fu.applicationId,
        data: {
          followUp: { id: fu.id, dueAt: promisedTimeOf(fu).toISOString(), ownerId: fu.ownerId },
          dueText: humanDateTime(promisedTimeOf(fu), policy.timeZone),
        },
        memberIds: fu.ownerId ? [fu.ownerId] : [],
      });
    }
    const owner = fu.ownerId ? (members.get(fu.ownerId) ?? null) : null;
    let remindedAt = fu.remindedAt;
    const escalationLevel = plan.escalationLevel;
    let newDueAt: Date | null = null;
    const memberMail = {
      orgId,
      applicationId: fu.applicationId,
      followUpId: null,
      decisionId: null,
      audience: 'member' as const,
      replyTo: null,
      automatic: true,
      status: 'scheduled' as const,
      // The team hears about it in its business hours.
      ...draftSchedule(
        scheduleSend(
          [{ at: now, because: 'immediately' }],
          (t) => nextBusinessSlot(t, cal),
          'team_business_hours',
        ),
      ),
      checkKind: null,
      findings: [],
      createdBy: null,
    };
    const event = (
      type: string,
      data: Record<string, unknown>,
      memberId: string | null = null,
    ): NewEvent => ({
      orgId,
      type,
      applicationId: fu.applicationId,
      followUpId: fu.id,
      memberId,
      data,
      at: now,
    });

    for (const action of plan.actions) {
      switch (action.type) {
        case 'remind_owner': {
          remindedAt = now;
          if (!owner?.active) break;
          const r = renderTemplate(await template('reminder'), {
            organization: { name: org.name },
            member: { name: owner.name },
            candidate: { name: candidate.name },
            job: { title: job.title },
            due: humanDateTime(fu.dueAt, owner.timeZone ?? policy.timeZone),
            promise: ctx.promiseStatement ?? '',
            action_url: followUpLink(deps.appUrl, fu),
          });
          messages.push({
            ...memberMail,
            kind: 'reminder',
            toMemberId: owner.id,
            toAddress: owner.email,
            toName: owner.name,
            subject: r.subject,
            bodyText: r.text,
            bodyHtml: r.html,
          });
          events.push(event('reminder_sent', { dueAt: fu.dueAt.toISOString() }, owner.id));
          hooks.push({
            type: 'promise.due_soon',
            applicationId: fu.applicationId,
            data: {
              followUp: { id: fu.id, dueAt: fu.dueAt.toISOString() },
              dueText: humanDateTime(fu.dueAt, owner.timeZone ?? policy.timeZone),
            },
            memberIds: [owner.id],
          });
          counts.reminders += 1;
          break;
        }
        case 'send_update': {
          if (!candidate.email || application.status === 'withdrawn' || candidate.emailBounced) {
            const reason = !candidate.email
              ? 'no_email'
              : candidate.emailBounced
                ? 'email_bounced'
                : 'withdrawn';
            events.push(event('update_skipped', { reason }));
            break;
          }
          if (application.awaitingReplySince) {
            // The candidate wrote and waits for a person: a robot's "still deciding" would talk
            // over them. The update is considered again once the reply is answered (the reply
            // follow-up closing sets next_action_at to now); the owner is still escalated to.
            events.push(event('update_paused', { reason: 'awaiting_reply' }));
            break;
          }
          newDueAt = action.newDueAt;
          break;
        }
        case 'escalate': {
          const named =
            action.to === 'hiring_manager'
              ? job.hiringManagerId
              : action.to === 'recruiter'
                ? job.recruiterId
                : null;
          const namedMember = named ? members.get(named) : undefined;
          // Admins when the named role is unfilled or gone.
          const recipients = namedMember?.active
            ? [namedMember]
            : await (admins ??= listActiveMembersByRole(tx, orgId, 'admin'));
          const daysOverdue = Math.max(
            0,
            Math.floor((now.getTime() - promisedTimeOf(fu).getTime()) / 86_400_000),
          );
          for (const member of recipients) {
            const r = renderTemplate(await template('escalation'), {
              organization: { name: org.name },
              member: { name: member.name },
              owner: { name: owner?.name ?? 'nobody' },
              candidate: { name: candidate.name },
              job: { title: job.title },
              due: humanDateTime(promisedTimeOf(fu), member.timeZone ?? policy.timeZone),
              days_overdue: daysOverdue,
              level: action.level,
              action_url: followUpLink(deps.appUrl, fu),
            });
            messages.push({
              ...memberMail,
              kind: 'escalation',
              toMemberId: member.id,
              toAddress: member.email,
              toName: member.name,
              subject: r.subject,
              bodyText: r.text,
              bodyHtml: r.html,
            });
          }
          events.push(
            event('escalated', {
              level: action.level,
              to: action.to,
              recipients: recipients.map((m) => m.id),
            }),
          );
          hooks.push({
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
          counts.escalations += 1;
          break;
        }
      }
    }

    if (newDueAt && candidate.email) {
      // An honest update is a new promise: the old one ends as 'extended', the ladder state
      // carries. Its own ladder is planned here, so it is not swept a second time just for that.
      const zone = candidate.timeZone ?? policy.timeZone;
      const carried = {
        dueAt: newDueAt,
        createdAt: now,
        remindedAt: null,
        breachedAt: plan.breachedAt,
        escalationLevel,
        updatesSent: fu.updatesSent + 1,
      };
      const next = planLadder(carried, policy, now);
      const r = renderTemplate(await template('update'), {
        organization: { name: org.name },
        candidate: { name: candidate.name, first_name: candidate.name.split(/\s+/)[0] },
        job: { title: job.title },
        owner: { name: owner?.name ?? '', email: owner?.email ?? '' },
        status_link: statusLinkPlaceholder(linkBase({ publicUrl: deps.publicUrl ?? deps.appUrl })),
        promised_date: humanDate(promisedTimeOf(fu), zone),
        new_date: humanDate(newDueAt, zone),
        late: promisedTimeOf(fu).getTime() < now.getTime(),
      });
      renewals.push({
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
        message: {
          orgId,
          applicationId: fu.applicationId,
          followUpId: null,
          decisionId: null,
          kind: 'update',
          audience: 'candidate',
          toMemberId: null,
          toAddress: candidate.email,
          toName: candidate.name,
          replyTo: owner?.email ?? null,
          subject: r.subject,
          bodyText: r.text,
          bodyHtml: r.html,
          automatic: true,
          status: 'scheduled',
          ...draftSchedule(
            scheduleSend(
              [{ at: now, because: 'immediately' }],
              (t) => nextBusinessSlot(t, { ...cal, timeZone: zone }),
              'candidate_business_hours',
            ),
          ),
          checkKind: 'update',
          findings: [],
          createdBy: null,
        },
        event: event('update_sent', {
          promisedDue: promisedTimeOf(fu).toISOString(),
          newDue: newDueAt.toISOString(),
        }),
      });
      counts.updates += 1;
      continue;
    }

    ladders.push({
      id: fu.id,
      nextActionAt: plan.nextActionAt,
      breachedAt: plan.breachedAt,
      remindedAt,
      escalationLevel,
    });
  }

  // The writes: a fixed number of statements for the whole batch. The old promises end before
  // the new ones open (one open outcome per application).
  if (renewals.length > 0) {
    await cancelFollowUps(
      tx,
      orgId,
      renewals.map((r) => r.old.id),
      'extended',
      now,
    );
    const renewed = await insertFollowUps(
      tx,
      renewals.map((r) => r.followUp),
    );
    await setSupersededByEach(
      tx,
      orgId,
      renewals.map((r, i) => ({ id: r.old.id, by: renewed[i]!.id })),
    );
    renewals.forEach((r, i) => {
      messages.push(r.message);
      events.push({ ...r.event, data: { ...r.event.data, renewedFollowUpId: renewed[i]!.id } });
    });
  }
  await enqueueMessages(tx, deps.identity, messages, now);
  await insertEvents(tx, events);
  await updateFollowUpLadders(tx, orgId, ladders, now);
  await emitEvents(tx, orgId, hooks, now);
  return counts;
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
          {
            orgId: member.orgId,
            applicationId: null,
            followUpId: null,
            decisionId: null,
            kind: 'digest',
            audience: 'member',
            toMemberId: member.id,
            toAddress: member.email,
            toName: member.name,
            replyTo: null,
            subject: r.subject,
            bodyText: r.text,
            bodyHtml: r.html,
            automatic: true,
            status: 'scheduled',
            sendAt: now,
            checkKind: null,
            findings: [],
            createdBy: null,
          },
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
