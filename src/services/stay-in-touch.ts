/**
 * The talent pool's contact schedule: when the next stay-in-touch contact is due and opening it.
 * A lower module: the talent-pool service opens the first one when a candidate opts in, and the
 * follow-up ledger schedules the next one when a contact closes the last, so neither calls the
 * other.
 */
import type { Queryable } from '../db/db.ts';
import { addCalendarDays, endOfBusinessDay, localDateOf } from '../domain/business-time.ts';
import type { Application, FollowUp } from '../domain/model.ts';
import { calendarOf, effectivePolicy, type Policy } from '../domain/policy.ts';
import { findApplication } from '../repositories/application.repository.ts';
import { insertFollowUp, listFollowUpsOfApplication } from '../repositories/follow-up.repository.ts';
import { findJob } from '../repositories/job.repository.ts';
import { findOrganization } from '../repositories/organization.repository.ts';
import { findMembership } from '../repositories/pool.repository.ts';

/** The policy in force for an application's job. */
export async function applicationPolicy(
  tx: Queryable,
  orgId: string,
  application: Application,
): Promise<Policy> {
  const job = (await findJob(tx, orgId, application.jobId))!;
  return effectivePolicy((await findOrganization(tx, orgId))!.policy, job.policyOverrides);
}

/** The end of the business day `days` calendar days from now (when a stay-in-touch contact is due). */
export function dueAfterDays(now: Date, days: number, policy: Policy): Date {
  const cal = calendarOf(policy);
  return endOfBusinessDay(addCalendarDays(localDateOf(now, cal.timeZone), days), cal);
}

/** Open the team's next stay-in-touch contact with a pool member, owned by the member's owner. */
export async function openStayInTouch(
  tx: Queryable,
  orgId: string,
  input: { applicationId: string; ownerId: string; dueAt: Date; now: Date },
): Promise<void> {
  await insertFollowUp(tx, {
    orgId,
    applicationId: input.applicationId,
    interviewId: null,
    kind: 'stay_in_touch',
    owedBy: 'team',
    owedTo: 'candidate',
    ownerId: input.ownerId,
    dueAt: input.dueAt,
    createdAt: input.now,
  });
}

/**
 * A stay-in-touch contact happened: the next one is due a cadence later, while the candidate's
 * consent lasts. Runs in the transaction that closed the follow-ups.
 */
export async function scheduleNextStayInTouch(
  tx: Queryable,
  orgId: string,
  closed: FollowUp[],
  now: Date,
): Promise<void> {
  for (const fu of closed) {
    const application = await findApplication(tx, orgId, fu.applicationId);
    if (!application) continue;
    const m = await findMembership(tx, orgId, application.candidateId);
    if (!m || m.status !== 'opted_in' || !m.consentUntil) continue;
    const open = await listFollowUpsOfApplication(tx, orgId, fu.applicationId);
    if (open.some((f) => f.kind === 'stay_in_touch' && f.status === 'open')) continue;
    const due = dueAfterDays(now, m.cadenceDays, await applicationPolicy(tx, orgId, application));
    if (due.getTime() >= m.consentUntil.getTime()) continue;
    await openStayInTouch(tx, orgId, {
      applicationId: fu.applicationId,
      ownerId: m.ownerId,
      dueAt: due,
      now,
    });
  }
}
