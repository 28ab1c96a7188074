/**
 * Test data builders: each test makes its own organization, so tests share no seed and can run
 * in any order, on a shared PostgreSQL database as well as a private PGlite.
 */
import { randomUUID } from 'node:crypto';
import type { Application, Candidate, Interview, Job, Member, Organization } from '../../src/domain/model.ts';
import type { Policy } from '../../src/domain/policy.ts';
import { createApplication } from '../../src/services/application.service.ts';
import { setMemberPassword } from '../../src/services/auth.service.ts';
import { recordDecision } from '../../src/services/decision.service.ts';
import { createCandidate, type CandidateInput } from '../../src/services/candidate.service.ts';
import type { ServiceDeps } from '../../src/services/deps.ts';
import { createInterview } from '../../src/services/interview.service.ts';
import { createJob, type JobInput } from '../../src/services/job.service.ts';
import { createMember, type MemberInput } from '../../src/services/member.service.ts';
import { draftOutcomeMessage } from '../../src/services/message.service.ts';
import { type MessagingDeps } from '../../src/services/message-templates.ts';
import { createOrganization } from '../../src/services/organization.service.ts';

const unique = () => randomUUID().slice(0, 8);

/** A fresh organization (default policy unless overridden), its first admin and that admin's API token. */
export async function buildOrganization(
  deps: ServiceDeps,
  overrides: { name?: string; policy?: Partial<Policy>; adminEmail?: string } = {},
): Promise<{ organization: Organization; admin: Member; apiToken: string }> {
  return createOrganization(deps, {
    name: overrides.name ?? `Org ${unique()}`,
    policy: overrides.policy,
    admin: { email: overrides.adminEmail ?? `admin-${unique()}@example.com`, name: 'Ada Admin' },
  });
}

/** A member of `orgId`. */
export async function buildMember(
  deps: ServiceDeps,
  orgId: string,
  overrides: Partial<MemberInput> = {},
): Promise<Member> {
  return createMember(deps, orgId, {
    email: `member-${unique()}@example.com`,
    name: 'Morgan Member',
    role: 'recruiter',
    ...overrides,
  });
}

/**
 * An agency on New York time without holidays and its recruiter Rita, who signs in with
 * `password`: where the agency desk's browser walks start.
 */
export async function buildAgencyRecruiter(
  deps: ServiceDeps,
  password: string,
): Promise<{ org: string; recruiter: Member }> {
  const { organization } = await buildOrganization(deps, {
    policy: { timeZone: 'America/New_York', holidays: null },
  });
  const org = organization.id;
  const recruiter = await buildMember(deps, org, { name: 'Rita Recruiter', role: 'recruiter' });
  await setMemberPassword(deps, org, recruiter.id, password);
  return { org, recruiter };
}

/** A job of `orgId`. */
export async function buildJob(
  deps: ServiceDeps,
  orgId: string,
  overrides: Partial<JobInput> = {},
): Promise<Job> {
  return createJob(deps, orgId, { title: 'Account Executive', roleKind: 'sales', ...overrides });
}

/** A candidate of `orgId`. */
export async function buildCandidate(
  deps: ServiceDeps,
  orgId: string,
  overrides: Partial<CandidateInput> = {},
): Promise<Candidate> {
  return createCandidate(deps, orgId, {
    name: 'Casey Candidate',
    email: `cand-${unique()}@example.com`,
    ...overrides,
  });
}

/** Everything up to an interview: an organization, a recruiter, a job, a candidate, an application. */
export async function buildInterviewScenario(
  deps: ServiceDeps,
  overrides: { policy?: Partial<Policy>; interviewEndsAt?: Date } = {},
): Promise<{
  organization: Organization;
  admin: Member;
  apiToken: string;
  recruiter: Member;
  manager: Member;
  job: Job;
  candidate: Candidate;
  application: Application;
  interview: Interview;
}> {
  const { organization, admin, apiToken } = await buildOrganization(deps, { policy: overrides.policy });
  const orgId = organization.id;
  const recruiter = await buildMember(deps, orgId, { role: 'recruiter', name: 'Riley Recruiter' });
  const manager = await buildMember(deps, orgId, { role: 'hiring_manager', name: 'Hana Manager' });
  const job = await buildJob(deps, orgId, { recruiterId: recruiter.id, hiringManagerId: manager.id });
  const candidate = await buildCandidate(deps, orgId);
  const application = await createApplication(deps, orgId, { jobId: job.id, candidateId: candidate.id });
  const interview = await createInterview(deps, orgId, {
    applicationId: application.id,
    title: 'Panel',
    endsAt: overrides.interviewEndsAt,
    interviewerIds: [manager.id],
  });
  return { organization, admin, apiToken, recruiter, manager, job, candidate, application, interview };
}

/**
 * The hiring manager rejects the scenario's application (with a reason and a recommendation) and
 * the recruiter drafts the outcome message: the start of every test about telling a candidate.
 */
export async function buildRejectionDraft(
  deps: MessagingDeps,
  s: { organization: Organization; application: Application; manager: Member; recruiter: Member },
  reason: { reasons: string[]; recommendation: string } = {
    reasons: ['We need deeper experience with enterprise deals'],
    recommendation: 'Own a full sales cycle end to end.',
  },
) {
  const org = s.organization.id;
  const decision = await recordDecision(
    deps,
    org,
    s.application.id,
    { outcome: 'reject', ...reason },
    { memberId: s.manager.id },
  );
  const draft = await draftOutcomeMessage(
    deps,
    org,
    { applicationId: s.application.id },
    { memberId: s.recruiter.id },
  );
  return { decision, draft };
}
