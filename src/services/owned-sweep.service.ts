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
import { claimDueOwnedFollowUps, updateOwnedLadder } from '../repositories/agency.repository.ts';
import { insertEvents, type NewEvent } from '../repositories/event.repository.ts';
import { findMember, listActiveMembersByRole, listMembersByIds } from '../repositories/member.repository.ts';
import { findOrganization } from '../repositories/organization.repository.ts';
import { groupByOrg } from './batches.ts';
import { openCandidateUpdateOnEscalation } from './debrief.service.ts';
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
      const org = (await findOrganization(tx, orgId))!;
      const cal = calendarOf(org.policy);
      const owners = new Map(
        (
          await listMembersByIds(
            tx,
            orgId,
            batch.map((f) => f.ownerId),
          )
        ).map((m) => [m.id, m]),
      );
      let admins: Member[] | null = null;
      const messages: MessageDraft[] = [];
      const events: NewEvent[] = [];
      const mail = (
        to: Member,
        kind: 'reminder' | 'escalation',
        applicationId: string | null,
        m: { subject: string; text: string },
      ): MessageDraft =>
        buildMessage({
          orgId,
          applicationId,
          kind,
          to: memberRecipient(to),
          replyTo: null,
          content: m,
          // The team hears in its business hours.
          send: inBusinessHours(now, cal, 'team_business_hours'),
          automatic: true,
          createdBy: null,
        });
      for (const fu of batch) {
        const plan = planOwnedLadder(fu.kind, fu.dueAt, fu.ladderSteps, cal, now);
        const owner = owners.get(fu.ownerId);
        let escalationLevel = fu.escalationLevel;
        let remindedAt: Date | null = null;
        // The steps this plan takes, in order (their `to` says who hears an escalation).
        const steps = (OWNED_LADDERS[fu.kind] ?? []).slice(fu.ladderSteps, plan.stepsTaken);
        for (const step of steps) {
          if (step.action === 'remind') {
            remindedAt = now;
            if (owner?.active) {
              const due = humanDateTime(fu.dueAt, owner.timeZone ?? cal.timeZone);
              messages.push(
                mail(
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
            events.push({
              orgId,
              type: 'reminder_sent',
              applicationId: fu.applicationId,
              followUpId: fu.id,
              memberId: fu.ownerId,
              data: { kind: fu.kind },
              at: now,
            });
            result.reminders += 1;
          } else {
            escalationLevel += 1;
            admins ??= await listActiveMembersByRole(tx, orgId, 'admin');
            // The hiring manager hears of a missing scorecard; the admins when the job has none.
            const manager =
              step.to === 'hiring_manager' && fu.hiringManagerId
                ? await findMember(tx, orgId, fu.hiringManagerId)
                : null;
            const recipients = manager?.active ? [manager] : admins;
            for (const admin of recipients) {
              const due = humanDateTime(fu.dueAt, admin.timeZone ?? cal.timeZone);
              messages.push(
                mail(
                  admin,
                  'escalation',
                  fu.applicationId,
                  ownedStepMessage(fu.kind, 'escalate', {
                    recipient: admin.name,
                    owner: owner?.name ?? 'nobody',
                    about: fu.subject,
                    due,
                  }),
                ),
              );
            }
            events.push({
              orgId,
              type: 'escalated',
              applicationId: fu.applicationId,
              followUpId: fu.id,
              memberId: null,
              data: { kind: fu.kind, level: escalationLevel, recipients: recipients.map((a) => a.id) },
              at: now,
            });
            result.escalations += 1;
            // Two nudges missed: the candidate is told honestly where things stand, not left waiting.
            if (fu.kind === 'client_feedback') {
              const opened = await openCandidateUpdateOnEscalation(tx, orgId, fu, now);
              if (opened) result.candidateUpdates += 1;
            }
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
      await enqueueMessages(tx, deps.identity, messages, now);
      await insertEvents(tx, events);
    }
  });
  return result;
}
