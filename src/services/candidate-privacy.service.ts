/**
 * The candidate's privacy rights from their page: an export of their data, and erasure — at once,
 * or after the organization's legal hold (the worker carries those out).
 */
import type { Queryable } from '../db/db.ts';
import { findApplication, updateApplication } from '../repositories/application.repository.ts';
import {
  dueErasures,
  eraseCandidateData,
  scheduleErasure,
  vacuumTables,
  type CandidateAccess,
} from '../repositories/candidate-page.repository.ts';
import { findCandidate } from '../repositories/candidate.repository.ts';
import { cancelFollowUps, lockOpenFollowUpsOfApplication } from '../repositories/follow-up.repository.ts';
import { cancelPendingMessages } from '../repositories/message.repository.ts';
import { listTouchpointsOfApplication } from '../repositories/touchpoint.repository.ts';
import { recordAudit } from './audit.service.ts';
import type { ServiceDeps } from './deps.ts';
import { reviewFinalists } from './finalists.ts';
import { loadPageContext, requireFreshSession } from './candidate-access.ts';
import { getStatusView } from './candidate-page.service.ts';

const DAY = 86_400_000;

/** The candidate's data, as JSON: what they gave and what they were sent — no internal notes. */
export async function exportCandidateData(
  deps: ServiceDeps,
  access: CandidateAccess,
): Promise<Record<string, unknown>> {
  const view = await getStatusView(deps, access);
  return deps.db.tenant(access.orgId).transaction(async (tx) => {
    const application = (await findApplication(tx, access.orgId, access.applicationId))!;
    const candidate = (await findCandidate(tx, access.orgId, application.candidateId))!;
    const touchpoints = await listTouchpointsOfApplication(tx, access.orgId, access.applicationId);
    await recordAudit(
      tx,
      access.orgId,
      deps.clock.now(),
      'candidate_data_exported',
      { type: 'candidate', id: candidate.id },
      {},
      { type: 'anonymous', id: null },
    );
    return {
      exportedAt: deps.clock.now().toISOString(),
      organization: view.organizationName,
      candidate: {
        name: candidate.name,
        email: candidate.email,
        phone: candidate.phone,
        timeZone: candidate.timeZone,
      },
      application: {
        job: view.job.title,
        status: application.status,
        appliedAt: application.createdAt.toISOString(),
      },
      interviews: view.interviews,
      promise: view.promise,
      messagesSentToYou: view.messages,
      yourNotes: touchpoints
        .filter((t) => t.fromParty === 'candidate')
        .map((t) => ({ kind: t.kind, at: t.occurredAt.toISOString(), text: t.summary })),
      rating: view.rating.given,
    };
  });
}

/**
 * Erase the candidate everywhere, or — under a legal hold — schedule it and say when. Either
 * way nothing more is sent to them, and their links stop working once the erasure happens.
 */
export async function eraseCandidate(
  deps: ServiceDeps,
  access: CandidateAccess,
): Promise<{ erasedAt: Date | null; scheduledFor: Date | null }> {
  const now = deps.clock.now();
  requireFreshSession(access, now, 'erase your data');
  let touched: string[] = [];
  const result = await deps.db.tenant(access.orgId).transaction(async (tx) => {
    const l = await loadPageContext(tx, access);
    if (l.application.status !== 'withdrawn' && l.application.status !== 'hired') {
      await changeApplicationInTx(tx, access, now);
    }
    if (l.policy.legalHoldDays > 0) {
      const after = new Date(now.getTime() + l.policy.legalHoldDays * DAY);
      await scheduleErasure(tx, access.orgId, l.candidate.id, after);
      await recordAudit(
        tx,
        access.orgId,
        now,
        'candidate_erasure_scheduled',
        { type: 'candidate', id: l.candidate.id },
        { after: after.toISOString() },
        { type: 'anonymous', id: null },
      );
      return { erasedAt: null, scheduledFor: after };
    }
    touched = await eraseCandidateData(tx, access.orgId, l.candidate.id, now);
    await recordAudit(
      tx,
      access.orgId,
      now,
      'candidate_erased',
      { type: 'candidate', id: l.candidate.id },
      {},
      { type: 'anonymous', id: null },
    );
    return { erasedAt: now, scheduledFor: null };
  });
  await vacuumAfterErasure(deps, touched);
  return result;
}

/**
 * On PostgreSQL, VACUUM what an erasure rewrote, so dead row versions holding the person leave the
 * table files at once. Best effort: the erasure is committed either way, and autovacuum follows.
 * PGlite keeps dead versions until its own autovacuum (docs/SECURITY.md says what that means).
 */
async function vacuumAfterErasure(deps: ServiceDeps, tables: string[]): Promise<void> {
  if (deps.db.kind !== 'postgres' || tables.length === 0) return;
  try {
    await vacuumTables(deps.db, tables);
  } catch {
    // Not the tables' owner, or a concurrent VACUUM: autovacuum removes the dead versions later.
  }
}

// Withdrawal inside the erasure's transaction: cancel what is owed and scheduled.
async function changeApplicationInTx(tx: Queryable, access: CandidateAccess, now: Date): Promise<void> {
  const before = await findApplication(tx, access.orgId, access.applicationId);
  const after = await updateApplication(tx, access.orgId, access.applicationId, { status: 'withdrawn' }, now);
  const open = await lockOpenFollowUpsOfApplication(tx, access.orgId, access.applicationId);
  await cancelFollowUps(
    tx,
    access.orgId,
    open.map((f) => f.id),
    'erased',
    now,
  );
  await cancelPendingMessages(tx, access.orgId, { applicationId: access.applicationId }, 'erased', now);
  if (before && after) await reviewFinalists(tx, access.orgId, after.jobId, { before, after }, now);
}

/** Carry out erasures whose legal hold has ended (the worker calls this). */
export async function eraseDueCandidates(deps: ServiceDeps, limit = 100): Promise<number> {
  const now = deps.clock.now();
  const due = await dueErasures(deps.db.system(), now, limit);
  const touched = new Set<string>();
  for (const { orgId, candidateId } of due) {
    await deps.db.tenant(orgId).transaction(async (tx) => {
      for (const t of await eraseCandidateData(tx, orgId, candidateId, now)) touched.add(t);
      await recordAudit(
        tx,
        orgId,
        now,
        'candidate_erased',
        { type: 'candidate', id: candidateId },
        { scheduled: true },
        { type: 'system', id: null },
      );
    });
  }
  await vacuumAfterErasure(deps, [...touched]);
  return due.length;
}
