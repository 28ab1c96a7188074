/**
 * What the candidate page's use cases share: their deps, the application a session opens loaded
 * once, and the fresh-session rule for irreversible actions. A lower module: it calls no service.
 */
import type { Queryable } from '../db/db.ts';
import type { Application, Candidate, Interview, Job } from '../domain/model.ts';
import { effectivePolicy, type Policy } from '../domain/policy.ts';
import { errors } from '../errors.ts';
import { findApplication } from '../repositories/application.repository.ts';
import type { CandidateAccess } from '../repositories/candidate-page.repository.ts';
import { findCandidate } from '../repositories/candidate.repository.ts';
import { listInterviewsOfApplication } from '../repositories/interview.repository.ts';
import { findJob } from '../repositories/job.repository.ts';
import { findOrganization } from '../repositories/organization.repository.ts';
import type { ServiceDeps } from './deps.ts';
import type { MailIdentity } from './outbox.service.ts';

/** What the page's use cases need. */
export interface CandidatePageDeps extends ServiceDeps {
  identity: MailIdentity;
  publicUrl: string;
}

/** The application a candidate's session opens, with what every page use case reads. */
export interface CandidatePageContext {
  application: Application;
  candidate: Candidate;
  job: Job;
  orgName: string;
  policy: Policy;
  interviews: Interview[];
}

/** Load the session's application, candidate, job, organization name, policy and interviews. */
export async function loadPageContext(tx: Queryable, access: CandidateAccess): Promise<CandidatePageContext> {
  const application = (await findApplication(tx, access.orgId, access.applicationId))!;
  const org = (await findOrganization(tx, access.orgId))!;
  const job = (await findJob(tx, access.orgId, application.jobId))!;
  return {
    application,
    candidate: (await findCandidate(tx, access.orgId, application.candidateId))!,
    job,
    orgName: org.name,
    policy: effectivePolicy(org.policy, job.policyOverrides),
    interviews: await listInterviewsOfApplication(tx, access.orgId, application.id),
  };
}

/**
 * Irreversible actions (erase, withdraw) need a fresh confirmation only the candidate can give:
 * a session opened within this many minutes from the link in their latest email. Whoever holds
 * an older session (a shared computer, a stolen cookie) is sent back to their mailbox.
 */
export const CONFIRM_WITHIN_MINUTES = 15;

/** Refuse unless the session was opened from the emailed link within CONFIRM_WITHIN_MINUTES. */
export function requireFreshSession(access: CandidateAccess, now: Date, what: string): void {
  const openedAt = access.sessionCreatedAt;
  if (openedAt && openedAt.getTime() + CONFIRM_WITHIN_MINUTES * 60_000 > now.getTime()) return;
  throw errors.invalidState(
    `To ${what}, please open the link in the latest email we sent you again, then try once more ` +
      `within ${CONFIRM_WITHIN_MINUTES} minutes. This keeps anyone else from doing it for you.`,
    { reason: 'confirmation_required' },
  );
}
