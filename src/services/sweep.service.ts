import type { Queryable } from '../db/db.ts';
import { endOfLocalDay, isBusinessDay, localTimeOf, nextBusinessSlot } from '../domain/business-time.ts';
import { planLadder, type LadderAction } from '../domain/follow-up-ladder.ts';
import { humanDate, humanDateTime } from '../domain/format.ts';
import type { FollowUp, Member } from '../domain/model.ts';
import { calendarOf, effectivePolicy, PolicySchema, type Policy } from '../domain/policy.ts';
import { renderTemplate } from '../domain/templates.ts';
import { findApplication } from '../repositories/application.repository.ts';
import { findCandidate } from '../repositories/candidate.repository.ts';
import { claimDigest } from '../repositories/dev-mailbox.repository.ts';
import { insertEvent } from '../repositories/event.repository.ts';
import {
  claimDueFollowUps,
  listFollowUps,
  updateFollowUpLadder,
} from '../repositories/follow-up.repository.ts';
import { findInterview } from '../repositories/interview.repository.ts';
import { findJob } from '../repositories/job.repository.ts';
import {
  findMember,
  listActiveMembersByRole,
  listActiveMembersWithPolicy,
} from '../repositories/member.repository.ts';
import { findOrganization } from '../repositories/organization.repository.ts';
import { openOutcomeFollowUp } from './follow-up.service.ts';
import { createStatusLink } from './candidate-page.service.ts';
import { linkBase, loadTemplate, type MessagingDeps } from './message.service.ts';
import { enqueueMessage } from './outbox.service.ts';

/** What one sweep pass did. */
export interface SweepResult {
  examined: number;
  reminders: number;
  updates: number;
  escalations: number;
  errors: number;
}

// A follow-up whose step failed (say, a broken custom template) is looked at again this much later.
const RETRY_AFTER_ERROR_MS = 15 * 60_000;

/**
 * Walk the ladder for every open outcome follow-up whose next step is due (principle 2): remind
 * the owner before the due time; when it passes, send the candidate an honest update with a new
 * date and escalate. Each follow-up is handled in its own savepoint, and its messages are written
 * in the same transaction as the ladder state that caused them.
 */
export async function sweepFollowUps(
  deps: MessagingDeps & { appUrl: string },
  options: { batchSize: number; onlyOrgId?: string | null },
): Promise<SweepResult> {
  const now = deps.clock.now();
  const result: SweepResult = { examined: 0, reminders: 0, updates: 0, escalations: 0, errors: 0 };
  // Claim across organizations as the system role (the rows stay locked for this transaction),
  // then handle each follow-up as its own organization's application role.
  await deps.db.system().transaction(async (tx) => {
    const due = await claimDueFollowUps(tx, now, options.batchSize, options.onlyOrgId ?? null);
    result.examined = due.length;
    for (const fu of due) {
      await tx.enterTenant(fu.orgId);
      await tx.exec('SAVEPOINT sweep_item');
      try {
        const done = await stepFollowUp(tx, deps, fu, now);
        result.reminders += done.reminders;
        result.updates += done.updates;
        result.escalations += done.escalations;
        await tx.exec('RELEASE SAVEPOINT sweep_item');
      } catch (error) {
        await tx.exec('ROLLBACK TO SAVEPOINT sweep_item');
        result.errors += 1;
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
    }
  });
  return result;
}

async function stepFollowUp(
  tx: Queryable,
  deps: MessagingDeps & { appUrl: string },
  fu: FollowUp,
  now: Date,
): Promise<{ reminders: number; updates: number; escalations: number }> {
  const org = (await findOrganization(tx, fu.orgId))!;
  const application = (await findApplication(tx, fu.orgId, fu.applicationId))!;
  const job = (await findJob(tx, fu.orgId, application.jobId))!;
  const candidate = (await findCandidate(tx, fu.orgId, application.candidateId))!;
  const owner = fu.ownerId ? await findMember(tx, fu.orgId, fu.ownerId) : null;
  const policy = effectivePolicy(org.policy, job.policyOverrides);
  const cal = calendarOf(policy);
  const plan = planLadder(fu, policy, now);
  const counts = { reminders: 0, updates: 0, escalations: 0 };
  let remindedAt = fu.remindedAt;
  let escalationLevel = fu.escalationLevel;
  const enqueue = (draft: Parameters<typeof enqueueMessage>[2]) =>
    enqueueMessage(tx, deps.identity, draft, now);
  const memberMail = {
    orgId: fu.orgId,
    applicationId: fu.applicationId,
    followUpId: null,
    decisionId: null,
    audience: 'member' as const,
    replyTo: null,
    automatic: true,
    status: 'scheduled' as const,
    // The team hears about it in its business hours.
    sendAt: nextBusinessSlot(now, cal),
    checkKind: null,
    findings: [],
    createdBy: null,
  };
  const promise = fu.interviewId
    ? ((await findInterview(tx, fu.orgId, fu.interviewId))?.promise?.statement ?? '')
    : '';
  const event = (type: string, data: Record<string, unknown>, memberId: string | null = null) =>
    insertEvent(tx, {
      orgId: fu.orgId,
      type,
      applicationId: fu.applicationId,
      followUpId: fu.id,
      memberId,
      data,
      at: now,
    });

  let newDueAt: Date | null = null;
  for (const action of plan.actions) {
    switch (action.type) {
      case 'remind_owner': {
        remindedAt = now;
        if (!owner?.active) break;
        const r = renderTemplate(await loadTemplate(tx, fu.orgId, 'reminder'), {
          organization: { name: org.name },
          member: { name: owner.name },
          candidate: { name: candidate.name },
          job: { title: job.title },
          due: humanDateTime(fu.dueAt, owner.timeZone ?? policy.timeZone),
          promise,
        });
        await enqueue({
          ...memberMail,
          kind: 'reminder',
          toMemberId: owner.id,
          toAddress: owner.email,
          toName: owner.name,
          subject: r.subject,
          bodyText: r.text,
          bodyHtml: r.html,
        });
        await event('reminder_sent', { dueAt: fu.dueAt.toISOString() }, owner.id);
        counts.reminders += 1;
        break;
      }
      case 'send_update': {
        if (!candidate.email || application.status === 'withdrawn') {
          await event('update_skipped', { reason: candidate.email ? 'withdrawn' : 'no_email' });
          break;
        }
        newDueAt = action.newDueAt;
        break;
      }
      case 'escalate': {
        escalationLevel = Math.max(escalationLevel, action.level);
        const recipients = await escalationRecipients(tx, fu.orgId, job, action);
        const daysOverdue = Math.max(0, Math.floor((now.getTime() - fu.dueAt.getTime()) / 86_400_000));
        for (const member of recipients) {
          const r = renderTemplate(await loadTemplate(tx, fu.orgId, 'escalation'), {
            organization: { name: org.name },
            member: { name: member.name },
            owner: { name: owner?.name ?? 'nobody' },
            candidate: { name: candidate.name },
            job: { title: job.title },
            due: humanDateTime(fu.dueAt, member.timeZone ?? policy.timeZone),
            days_overdue: daysOverdue,
            level: action.level,
          });
          await enqueue({
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
        await event('escalated', {
          level: action.level,
          to: action.to,
          recipients: recipients.map((m) => m.id),
        });
        counts.escalations += 1;
        break;
      }
    }
  }

  if (newDueAt && candidate.email) {
    // An honest update is a new promise: the old one ends as 'extended', the ladder state carries.
    const zone = candidate.timeZone ?? policy.timeZone;
    const { followUp: renewed } = await openOutcomeFollowUp(tx, fu.orgId, {
      applicationId: fu.applicationId,
      interviewId: fu.interviewId,
      ownerId: fu.ownerId!,
      dueAt: newDueAt,
      now,
      reason: 'extended',
      carry: {
        breachedAt: plan.breachedAt,
        escalationLevel,
        updatesSent: fu.updatesSent + 1,
        remindedAt: null,
      },
    });
    const r = renderTemplate(await loadTemplate(tx, fu.orgId, 'update'), {
      organization: { name: org.name },
      candidate: { name: candidate.name, first_name: candidate.name.split(/\s+/)[0] },
      job: { title: job.title },
      owner: { name: owner?.name ?? '', email: owner?.email ?? '' },
      status_link: await createStatusLink(
        tx,
        linkBase({ publicUrl: deps.publicUrl ?? deps.appUrl }),
        fu.orgId,
        fu.applicationId,
        now,
      ),
      promised_date: humanDate(fu.dueAt, zone),
      new_date: humanDate(newDueAt, zone),
    });
    await enqueue({
      orgId: fu.orgId,
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
      sendAt: nextBusinessSlot(now, { ...cal, timeZone: zone }),
      checkKind: 'update',
      findings: [],
      createdBy: null,
    });
    await event('update_sent', {
      promisedDue: fu.dueAt.toISOString(),
      newDue: newDueAt.toISOString(),
      renewedFollowUpId: renewed.id,
    });
    counts.updates += 1;
    return counts; // the renewed follow-up is swept from its own next_action_at (now)
  }

  await updateFollowUpLadder(
    tx,
    fu.orgId,
    fu.id,
    { nextActionAt: plan.nextActionAt, breachedAt: plan.breachedAt, remindedAt, escalationLevel },
    now,
  );
  return counts;
}

/** Who an escalation step reaches; admins when the named role is unfilled. */
async function escalationRecipients(
  q: Queryable,
  orgId: string,
  job: { hiringManagerId: string | null; recruiterId: string | null },
  action: Extract<LadderAction, { type: 'escalate' }>,
): Promise<Member[]> {
  const named =
    action.to === 'hiring_manager' ? job.hiringManagerId : action.to === 'recruiter' ? job.recruiterId : null;
  if (named) {
    const member = await findMember(q, orgId, named);
    if (member?.active) return [member];
  }
  return listActiveMembersByRole(q, orgId, 'admin');
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
