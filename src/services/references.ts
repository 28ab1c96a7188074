import type { Queryable } from '../db/db.ts';
import type { Application, Candidate, Job, Member } from '../domain/model.ts';
import { errors } from '../errors.ts';
import { findApplication } from '../repositories/application.repository.ts';
import { findCandidate } from '../repositories/candidate.repository.ts';
import { findJob } from '../repositories/job.repository.ts';
import { findMember } from '../repositories/member.repository.ts';

/**
 * Load what a request refers to, or fail with the right error: a path id that does not exist in
 * the caller's organization is a 404; an id inside a body is an invalid reference (422).
 */

/** An active member referenced from a body field. */
export async function requireActiveMember(
  q: Queryable,
  orgId: string,
  id: string,
  field: string,
): Promise<Member> {
  return activeMemberIn([await findMember(q, orgId, id)], id, field);
}

/** {@link requireActiveMember} over members already read (with others, in one round trip). */
export function activeMemberIn(members: (Member | null)[], id: string, field: string): Member {
  const member = members.find((m) => m?.id === id);
  if (!member) throw errors.invalidReference(field, 'member', id);
  if (!member.active) throw errors.invalidState(`${field}: member ${id} is deactivated.`, { field });
  return member;
}

/** A job referenced from a body field. */
export async function requireJobRef(q: Queryable, orgId: string, id: string, field: string): Promise<Job> {
  const job = await findJob(q, orgId, id);
  if (!job) throw errors.invalidReference(field, 'job', id);
  return job;
}

/** A candidate referenced from a body field. */
export async function requireCandidateRef(
  q: Queryable,
  orgId: string,
  id: string,
  field: string,
): Promise<Candidate> {
  const candidate = await findCandidate(q, orgId, id);
  if (!candidate) throw errors.invalidReference(field, 'candidate', id);
  return candidate;
}

/** An application referenced from a body field. */
export async function requireApplicationRef(
  q: Queryable,
  orgId: string,
  id: string,
  field: string,
  options: { forUpdate?: boolean } = {},
): Promise<Application> {
  const application = await findApplication(q, orgId, id, options);
  if (!application) throw errors.invalidReference(field, 'application', id);
  return application;
}

/** An application named in the path. */
export async function requireApplication(
  q: Queryable,
  orgId: string,
  id: string,
  options: { forUpdate?: boolean } = {},
): Promise<Application> {
  const application = await findApplication(q, orgId, id, options);
  if (!application) throw errors.notFound('Application', id);
  return application;
}
