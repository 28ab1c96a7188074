/**
 * The sweep of owned follow-ups other than outcomes (client feedback, next contacts, telling the
 * candidate, debriefs): when one is due its owner is prompted, and when it keeps slipping the
 * organization's admins hear it. One table of kinds and ladders (OWNED_LADDERS in
 * src/domain/agency.ts); outcomes keep their own ladder in sweep.service.ts.
 */
import { OWNED_LADDER_KINDS, OWNED_LADDERS, ownedStepMessage, planOwnedLadder } from '../domain/agency.ts';
import { humanDateTime } from '../domain/format.ts';
import type { Member } from '../domain/model.ts';
import { calendarOf } from '../domain/policy.ts';
import {
  claimDueOwnedFollowUps,
  updateOwnedLadder,
  type ClaimedOwnedFollowUp,
} from '../repositories/agency.repository.ts';
import type { ScopedTx } from '../db/db.ts';
import { insertEvents, type NewEvent } from '../repositories/event.repository.ts';
import { findMember, listActiveMembersByRole, listMembersByIds } from '../repositories/member.repository.ts';
import { findOrganization } from '../repositories/organization.repository.ts';
import { groupByOrg } from './batches.ts';
import { openCandidateUpdateOnEscalation } from './escalation-updates.ts';
import type { MessagingDeps } from './message-templates.ts';
import { buildMessage, inBusinessHours, memberRecipient } from './message-builder.ts';
import { enqueueMessages, type MessageDraft } from './outbox.service.ts';

/** What one pass of the owned sweep did. */
export interface OwnedSweepResult {
  examined: number;
  reminders: number;
  escalations: number;
  /** Updates owed to candidates opened because the client's feedback escalated. */
  candidateUpdates: number;
}

/** Walk the ladder of every owned non-outcome follow-up whose next step is due. */
export async function sweepOwnedFollowUps(
  deps: MessagingDeps,
  options: { batchSize: number; onlyOrgId?: string | null },
): Promise<OwnedSweepResult> {
  const now = deps.clock.now();
  const result: OwnedSweepResult = { examined: 0, reminders: 0, escalations: 0, candidateUpdates: 0 };
  await deps.db.system().transaction(async (tx) => {
    const due = await claimDueOwnedFollowUps(
      tx,
      OWNED_LADDER_KINDS,
      now,
      options.batchSize,
      options.onlyOrgId ?? null,
    );
    result.examined = due.length;
    for (const [orgId, batch] of groupByOrg(due)) {
      await tx.enterTenant(orgId);
      await sweepOwnedBatch(tx, deps, orgId, batch, { now, result });
    }
  });
  return result;
}

/** What walking one organization's claimed batch shares: who, when, and what it has queued so far. */
interface BatchContext {
  orgId: string;
  cal: ReturnType<typeof calendarOf>;
  now: Date;
  owners: Map<string, Member>;
  /** The organization's active admins, loaded at the first escalation. */
  admins: Member[] | null;
  messages: MessageDraft[];
  events: NewEvent[];
  result: OwnedSweepResult;
}

/** Walk one organization's claimed follow-ups, then queue their mail and record their events. */
async function sweepOwnedBatch(
  tx: ScopedTx,
  deps: MessagingDeps,
  orgId: string,
  batch: ClaimedOwnedFollowUp[],
  pass: { now: Date; result: OwnedSweepResult },
): Promise<void> {
  const org = (await findOrganization(tx, orgId))!;
  const owners = new Map(
    (
      await listMembersByIds(
        tx,
        orgId,
        batch.map((f) => f.ownerId),
      )
    ).map((m) => [m.id, m]),
  );
  const context: BatchContext = {
    orgId,
    cal: calendarOf(org.policy),
    now: pass.now,
    owners,
    admins: null,
    messages: [],
    events: [],
    result: pass.result,
  };
  for (const fu of batch) await walkOwnedLadder(tx, context, fu);
  await enqueueMessages(tx, deps.identity, context.messages, pass.now);
  await insertEvents(tx, context.events);
}

/** An automatic mail to a member about an owned follow-up, sent in the team's business hours. */
function ownedMail(
  context: BatchContext,
  to: Member,
  kind: 'reminder' | 'escalation',
  applicationId: string | null,
  m: { subject: string; text: string },
): MessageDraft {
  return buildMessage({
    orgId: context.orgId,
    applicationId,
    kind,
    to: memberRecipient(to),
    replyTo: null,
    content: m,
    // The team hears in its business hours.
    send: inBusinessHours(context.now, context.cal, 'team_business_hours'),
    automatic: true,
    createdBy: null,
  });
}

/** Take the ladder steps now due on one follow-up (reminders, escalations) and save where it stands. */
async function walkOwnedLadder(tx: ScopedTx, context: BatchContext, fu: ClaimedOwnedFollowUp): Promise<void> {
  const { orgId, cal, now } = context;
  const plan = planOwnedLadder(fu.kind, fu.dueAt, fu.ladderSteps, cal, now);
  const owner = context.owners.get(fu.ownerId);
  let escalationLevel = fu.escalationLevel;
  let remindedAt: Date | null = null;
  // The steps this plan takes, in order (their `to` says who hears an escalation).
  const steps = (OWNED_LADDERS[fu.kind] ?? []).slice(fu.ladderSteps, plan.stepsTaken);
  for (const step of steps) {
    if (step.action === 'remind') {
      remindedAt = now;
      remindOwner(context, fu, owner);
    } else {
      escalationLevel += 1;
      await escalateOwned(tx, context, fu, { owner, level: escalationLevel, to: step.to });
    }
  }
  await updateOwnedLadder(
    tx,
    orgId,
    fu.id,
    { ladderSteps: plan.stepsTaken, escalationLevel, remindedAt, nextActionAt: plan.nextActionAt },
    now,
  );
}

/** A reminder step: the owner (when active) is mailed, and the reminder is recorded. */
function remindOwner(context: BatchContext, fu: ClaimedOwnedFollowUp, owner: Member | undefined): void {
  const { orgId, cal, now } = context;
  if (owner?.active) {
    const due = humanDateTime(fu.dueAt, owner.timeZone ?? cal.timeZone);
    context.messages.push(
      ownedMail(
        context,
        owner,
        'reminder',
        fu.applicationId,
        ownedStepMessage(fu.kind, 'remind', {
          recipient: owner.name,
          owner: owner.name,
          about: fu.subject,
          due,
        }),
      ),
    );
  }
  context.events.push({
    orgId,
    type: 'reminder_sent',
    applicationId: fu.applicationId,
    followUpId: fu.id,
    memberId: fu.ownerId,
    data: { kind: fu.kind },
    at: now,
  });
  context.result.reminders += 1;
}

/**
 * An escalation step: the job's hiring manager (for a missing scorecard) or the admins are
 * mailed; a client's feedback escalating opens an honest update owed to the candidate.
 */
async function escalateOwned(
  tx: ScopedTx,
  context: BatchContext,
  fu: ClaimedOwnedFollowUp,
  step: { owner: Member | undefined; level: number; to: string | undefined },
): Promise<void> {
  const { orgId, cal, now } = context;
  context.admins ??= await listActiveMembersByRole(tx, orgId, 'admin');
  // The hiring manager hears of a missing scorecard; the admins when the job has none.
  const manager =
    step.to === 'hiring_manager' && fu.hiringManagerId
      ? await findMember(tx, orgId, fu.hiringManagerId)
      : null;
  const recipients = manager?.active ? [manager] : context.admins;
  for (const admin of recipients) {
    const due = humanDateTime(fu.dueAt, admin.timeZone ?? cal.timeZone);
    context.messages.push(
      ownedMail(
        context,
        admin,
        'escalation',
        fu.applicationId,
        ownedStepMessage(fu.kind, 'escalate', {
          recipient: admin.name,
          owner: step.owner?.name ?? 'nobody',
          about: fu.subject,
          due,
        }),
      ),
    );
  }
  context.events.push({
    orgId,
    type: 'escalated',
    applicationId: fu.applicationId,
    followUpId: fu.id,
    memberId: null,
    data: { kind: fu.kind, level: step.level, recipients: recipients.map((a) => a.id) },
    at: now,
  });
  context.result.escalations += 1;
  // Two nudges missed: the candidate is told honestly where things stand, not left waiting.
  if (fu.kind === 'client_feedback') {
    const opened = await openCandidateUpdateOnEscalation(tx, orgId, fu, now);
    if (opened) context.result.candidateUpdates += 1;
  }
}
