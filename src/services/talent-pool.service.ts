import type { Queryable } from '../db/db.ts';
import { candidateTemplateContext } from '../domain/candidate-context.ts';
import type { Application } from '../domain/model.ts';
import { renderTemplate } from '../domain/template-engine.ts';
import { errors } from '../errors.ts';
import { findApplication, listApplications } from '../repositories/application.repository.ts';
import { eraseCandidateData } from '../repositories/candidate-page.repository.ts';
import { findCandidate } from '../repositories/candidate.repository.ts';
import { insertEvent } from '../repositories/event.repository.ts';
import { cancelFollowUps, listFollowUpsOfApplication } from '../repositories/follow-up.repository.ts';
import { listInterviewsOfApplication } from '../repositories/interview.repository.ts';
import { findJob } from '../repositories/job.repository.ts';
import { listMessages } from '../repositories/message.repository.ts';
import { findOrganization } from '../repositories/organization.repository.ts';
import {
  answerInvitation,
  claimExpiredMemberships,
  endMemberships,
  findMembership,
  searchPool,
  updateMembership,
  upsertInvitation,
  type PoolEntry,
  type PoolMembership,
} from '../repositories/pool.repository.ts';
import type { CandidateAccess } from '../repositories/candidate-page.repository.ts';
import { addApplication } from './application.service.ts';
import { recordAudit } from './audit.service.ts';
import { statusLinkPlaceholder } from './candidate-links.ts';
import type { ServiceDeps } from './deps.ts';
import { linkBase, loadTemplate, type MessagingDeps } from './message-templates.ts';
import { buildMessage } from './message-builder.ts';
import { enqueueMessage } from './outbox.service.ts';
import { fetchPage, type Page } from './pagination.ts';
import { applicationPolicy, dueAfterDays, openStayInTouch } from './stay-in-touch.ts';
import { requireActiveMember, requireApplication } from './references.ts';

const DAY = 86_400_000;

/** What inviting a candidate to stay in touch takes. */
export interface PoolInvitationInput {
  /** What the team offers to keep them posted about, in the candidate's words. */
  offer: string;
  tags?: string[] | undefined;
  /** Days between contacts; default the policy's. */
  cadenceDays?: number | undefined;
  /** How long the team suggests keeping in touch, in months (the candidate chooses); default the policy's. */
  consentMonths?: number | undefined;
}

/**
 * Invite a runner-up to stay in touch, after a rejection or when their role closed: the
 * candidate is emailed (with their status link) and answers on their page. Nothing about them
 * enters the pool until they opt in.
 */
export async function inviteToPool(
  deps: MessagingDeps,
  orgId: string,
  actorId: string,
  applicationId: string,
  input: PoolInvitationInput,
): Promise<PoolMembership> {
  const now = deps.clock.now();
  return deps.db.tenant(orgId).transaction(async (tx) => {
    const application = await requireApplication(tx, orgId, applicationId, { forUpdate: true });
    const job = (await findJob(tx, orgId, application.jobId))!;
    if (application.status !== 'rejected' && job.status !== 'closed' && job.status !== 'filled') {
      throw errors.invalidState(
        'Invite a candidate to stay in touch once they were not selected or the role closed.',
        {
          status: application.status,
        },
      );
    }
    const candidate = (await findCandidate(tx, orgId, application.candidateId))!;
    if (!candidate.email) {
      throw errors.invalidState('The candidate has no email address to send the invitation to.');
    }
    const owner = await requireActiveMember(tx, orgId, actorId, 'ownerId');
    const policy = await applicationPolicy(tx, orgId, application);
    const membership = await upsertInvitation(tx, {
      orgId,
      candidateId: candidate.id,
      applicationId,
      offer: input.offer.trim(),
      tags: normalizeTags(input.tags ?? []),
      cadenceDays: input.cadenceDays ?? policy.talentPool.cadenceDays,
      consentMonths: input.consentMonths ?? null,
      ownerId: owner.id,
      at: now,
    });
    if (!membership) {
      throw errors.conflict('The candidate is already in the talent pool or has an invitation open.');
    }
    const org = (await findOrganization(tx, orgId))!;
    // The real link is minted when the email is handed over: no stored copy holds one that works.
    const rendered = renderTemplate(await loadTemplate(tx, orgId, 'pool_invitation'), {
      ...candidateTemplateContext({
        organizationName: org.name,
        candidateName: candidate.name,
        jobTitle: job.title,
        owner,
        statusLink: statusLinkPlaceholder(linkBase(deps)),
      }),
      offer: membership.offer,
    });
    await enqueueMessage(
      tx,
      deps.identity,
      buildMessage({
        orgId,
        applicationId,
        kind: 'pool_invite',
        to: { audience: 'candidate', name: candidate.name, email: candidate.email },
        replyTo: owner.email,
        content: rendered,
        send: { at: now },
        automatic: false,
        createdBy: owner.id,
      }),
      now,
    );
    await insertEvent(tx, { orgId, type: 'pool_invited', applicationId, memberId: owner.id, at: now });
    return membership;
  });
}

function normalizeTags(tags: string[]): string[] {
  return [
    ...new Set(tags.map((t) => t.trim().toLowerCase()).filter((t) => t.length > 0 && t.length <= 50)),
  ].slice(0, 20);
}

/**
 * The candidate answers on their page: opt in (what for, how long) or decline. Opting in opens
 * the first `stay_in_touch` follow-up for the team; declining leaves them out of the pool.
 */
export async function answerPoolInvitation(
  deps: ServiceDeps,
  access: CandidateAccess,
  answer: { accept: true; interests: string; months: number } | { accept: false },
): Promise<PoolMembership> {
  const now = deps.clock.now();
  return deps.db.tenant(access.orgId).transaction(async (tx) => {
    const application = (await findApplication(tx, access.orgId, access.applicationId))!;
    const current = await findMembership(tx, access.orgId, application.candidateId, { forUpdate: true });
    if (!current || current.status !== 'invited') {
      throw errors.invalidState('There is no open invitation to answer.');
    }
    if (!answer.accept) {
      const declined = (await answerInvitation(
        tx,
        access.orgId,
        application.candidateId,
        { status: 'declined' },
        now,
      ))!;
      await insertEvent(tx, {
        orgId: access.orgId,
        type: 'pool_declined',
        applicationId: current.applicationId,
        at: now,
      });
      return declined;
    }
    if (!Number.isInteger(answer.months) || answer.months < 1 || answer.months > 36) {
      throw errors.validation('Choose between 1 and 36 months.', { field: 'months' });
    }
    const consentUntil = new Date(now.getTime() + answer.months * 30 * DAY);
    const joined = (await answerInvitation(
      tx,
      access.orgId,
      application.candidateId,
      {
        status: 'opted_in',
        interests: answer.interests.trim().slice(0, 1000),
        consentMonths: answer.months,
        consentUntil,
      },
      now,
    ))!;
    const policy = await applicationPolicy(tx, access.orgId, application);
    const due = dueAfterDays(now, joined.cadenceDays, policy);
    if (due.getTime() < consentUntil.getTime()) {
      await openStayInTouch(tx, access.orgId, {
        applicationId: joined.applicationId,
        ownerId: joined.ownerId,
        dueAt: due,
        now,
      });
    }
    await insertEvent(tx, {
      orgId: access.orgId,
      type: 'pool_opted_in',
      applicationId: joined.applicationId,
      data: { months: answer.months },
      at: now,
    });
    return joined;
  });
}

/** Search the pool: opted-in candidates with every given tag, and matching the text if any. */
export async function searchTalentPool(
  deps: ServiceDeps,
  orgId: string,
  query: { tags?: string[] | undefined; q?: string | undefined; cursor?: string | undefined; limit: number },
): Promise<Page<PoolEntry>> {
  const filter = { tags: normalizeTags(query.tags ?? []), text: query.q?.trim() || null };
  return fetchPage(
    query,
    (page) => searchPool(deps.db.tenant(orgId), orgId, filter, page),
    (m) => m.invitedAt,
  );
}

/** A pool candidate in full: the membership, their applications and interviews, the outcomes they were sent. */
export interface PoolCandidateView {
  membership: PoolMembership;
  candidate: { id: string; name: string; email: string | null; phone: string | null };
  applications: {
    id: string;
    jobId: string;
    jobTitle: string;
    status: Application['status'];
    interviews: { title: string; scheduledAt: Date | null; closedAt: Date | null }[];
  }[];
  /** What they were told (the outcome and update emails that reached them), newest last. */
  feedbackGiven: { subject: string; text: string; sentAt: Date | null }[];
}

/** One candidate of the pool (invited, opted in, or past), with their history. */
export async function getPoolCandidate(
  deps: ServiceDeps,
  orgId: string,
  candidateId: string,
): Promise<PoolCandidateView> {
  return deps.db.tenant(orgId).transaction(async (tx) => {
    const membership = await findMembership(tx, orgId, candidateId);
    if (!membership) throw errors.notFound('Talent pool candidate', candidateId);
    const candidate = (await findCandidate(tx, orgId, candidateId))!;
    const applications = await listApplications(tx, orgId, { candidateId, after: null, limit: 100 });
    const out: PoolCandidateView['applications'] = [];
    const feedbackGiven: PoolCandidateView['feedbackGiven'] = [];
    for (const a of applications) {
      const job = (await findJob(tx, orgId, a.jobId))!;
      const interviews = await listInterviewsOfApplication(tx, orgId, a.id);
      out.push({
        id: a.id,
        jobId: a.jobId,
        jobTitle: job.title,
        status: a.status,
        interviews: interviews.map((i) => ({
          title: i.title,
          scheduledAt: i.scheduledAt,
          closedAt: i.closedAt,
        })),
      });
      const sent = await listMessages(
        tx,
        orgId,
        { applicationId: a.id, status: 'sent' },
        { after: null, limit: 200 },
      );
      for (const m of sent) {
        if (m.audience === 'candidate' && (m.kind === 'outcome' || m.kind === 'job_closed')) {
          feedbackGiven.push({ subject: m.subject, text: m.bodyText, sentAt: m.sentAt });
        }
      }
    }
    return {
      membership,
      candidate: { id: candidate.id, name: candidate.name, email: candidate.email, phone: candidate.phone },
      applications: out,
      feedbackGiven,
    };
  });
}

/** Change tags, cadence or owner of a pool member. */
export async function changePoolMembership(
  deps: ServiceDeps,
  orgId: string,
  candidateId: string,
  patch: { tags?: string[] | undefined; cadenceDays?: number | undefined; ownerId?: string | undefined },
): Promise<PoolMembership> {
  return deps.db.tenant(orgId).transaction(async (tx) => {
    if (patch.ownerId) await requireActiveMember(tx, orgId, patch.ownerId, 'ownerId');
    const m = await updateMembership(
      tx,
      orgId,
      candidateId,
      {
        ...(patch.tags !== undefined && { tags: normalizeTags(patch.tags) }),
        ...(patch.cadenceDays !== undefined && { cadenceDays: patch.cadenceDays }),
        ...(patch.ownerId !== undefined && { ownerId: patch.ownerId }),
      },
      deps.clock.now(),
    );
    if (!m) throw errors.notFound('Talent pool candidate', candidateId);
    return m;
  });
}

/** Match a pool candidate into a new job: one action, a new application in the job. */
export async function matchPoolCandidate(
  deps: ServiceDeps,
  orgId: string,
  actorId: string | null,
  candidateId: string,
  jobId: string,
): Promise<Application> {
  const now = deps.clock.now();
  // One transaction: the application and the event saying where it came from stand or fall together.
  return deps.db.tenant(orgId).transaction(async (tx) => {
    const membership = await findMembership(tx, orgId, candidateId);
    if (!membership) throw errors.notFound('Talent pool candidate', candidateId);
    if (membership.status !== 'opted_in') {
      throw errors.invalidState('Only candidates who opted into the talent pool can be matched from it.');
    }
    const application = await addApplication(tx, orgId, { jobId, candidateId, stage: 'talent_pool' }, now);
    await insertEvent(tx, {
      orgId,
      type: 'pool_matched',
      applicationId: application.id,
      memberId: actorId,
      data: { fromApplicationId: membership.applicationId },
      at: now,
    });
    return application;
  });
}

/** Take a candidate out of the pool (the team's decision); their stay-in-touch follow-ups end. */
export async function removeFromPool(deps: ServiceDeps, orgId: string, candidateId: string): Promise<void> {
  const now = deps.clock.now();
  await deps.db.tenant(orgId).transaction(async (tx) => {
    const [ended] = await endMemberships(tx, orgId, [candidateId], 'removed', now);
    if (!ended) throw errors.notFound('Talent pool candidate', candidateId);
    await cancelStayInTouch(tx, orgId, ended.applicationId, 'removed_from_pool', now);
  });
}

async function cancelStayInTouch(
  tx: Queryable,
  orgId: string,
  applicationId: string,
  reason: string,
  now: Date,
) {
  const open = (await listFollowUpsOfApplication(tx, orgId, applicationId)).filter(
    (f) => f.kind === 'stay_in_touch' && f.status === 'open',
  );
  await cancelFollowUps(
    tx,
    orgId,
    open.map((f) => f.id),
    reason,
    now,
  );
}

/**
 * Consent ran out: the candidate leaves the pool, their stay-in-touch follow-ups end, and —
 * when the policy says `erase` and they have no application still open — their personal data is
 * erased. Run by the worker.
 */
export async function expirePoolConsents(deps: ServiceDeps, limit = 100): Promise<number> {
  const now = deps.clock.now();
  let done = 0;
  await deps.db.system().transaction(async (sys) => {
    const due = await claimExpiredMemberships(sys, now, limit);
    for (const { orgId, candidateId } of due) {
      await sys.enterTenant(orgId);
      const [ended] = await endMemberships(sys, orgId, [candidateId], 'expired', now);
      if (!ended) continue;
      await cancelStayInTouch(sys, orgId, ended.applicationId, 'consent_expired', now);
      const application = (await findApplication(sys, orgId, ended.applicationId))!;
      const policy = await applicationPolicy(sys, orgId, application);
      const apps = await listApplications(sys, orgId, { candidateId, after: null, limit: 100 });
      const stillOpen = apps.some(
        (a) => a.status === 'active' || a.status === 'on_hold' || a.status === 'offered',
      );
      const erase = policy.talentPool.onExpiry === 'erase' && !stillOpen;
      if (erase) await eraseCandidateData(sys, orgId, candidateId, now);
      await recordAudit(
        sys,
        orgId,
        now,
        erase ? 'candidate_erased' : 'pool_consent_expired',
        { type: 'candidate', id: candidateId },
        { reason: 'pool_consent_expired' },
        { type: 'system', id: null },
      );
      done += 1;
    }
  });
  return done;
}

/** The candidate leaves the pool from their page: nothing more is sent about other roles. */
export async function leavePool(deps: ServiceDeps, access: CandidateAccess): Promise<void> {
  const now = deps.clock.now();
  await deps.db.tenant(access.orgId).transaction(async (tx) => {
    const application = (await findApplication(tx, access.orgId, access.applicationId))!;
    const [ended] = await endMemberships(tx, access.orgId, [application.candidateId], 'removed', now);
    if (!ended) throw errors.invalidState('You are not in the talent pool.');
    await cancelStayInTouch(tx, access.orgId, ended.applicationId, 'candidate_left_pool', now);
    await insertEvent(tx, {
      orgId: access.orgId,
      type: 'pool_left',
      applicationId: ended.applicationId,
      at: now,
    });
  });
}
